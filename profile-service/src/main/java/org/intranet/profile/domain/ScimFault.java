package org.intranet.profile.domain;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A SCIM error ({@code scimType}, status, detail) on its way to the client. Unchecked, so that a transaction it
 * leaves rolls back and nothing is half-written; the SCIM API answers it as the RFC 7644 §3.12 error body.
 */
public final class ScimFault extends RuntimeException {
    private final transient ScimException scim;

    public ScimFault(ScimException scim) {
        super(scim.getMessage(), scim, false, false);
        this.scim = scim;
    }

    public ScimException scim() {
        return scim;
    }
}

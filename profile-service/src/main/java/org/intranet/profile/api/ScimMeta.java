package org.intranet.profile.api;

import java.net.URI;
import java.time.Instant;

import org.intranet.profile.domain.ETags;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource's {@code meta} (RFC 7643 §3.1): its type, times, location and version (the same as its ETag). */
final class ScimMeta {
    private ScimMeta() {
    }

    static void add(ObjectNode resource, String type, Instant created, Instant modified, long version,
            URI location) {
        resource.putObject("meta")
                .put("resourceType", type)
                .put("created", created.toString())
                .put("lastModified", modified.toString())
                .put("location", location.toString())
                .put("version", ETags.of(version));
    }
}

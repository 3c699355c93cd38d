package org.intranet.kit.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "intranet.paging")
public interface PagingConfig {
    /**
     * Signs list cursors; the same value on every replica of a service (Kubernetes: the {@code intranet-secrets}
     * Secret). At least 32 characters. Local and test profiles carry a fixed development key.
     */
    String cursorKey();
}

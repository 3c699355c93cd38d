package org.intranet.kit.domain;

/**
 * Something this service depends on (PostgreSQL, OpenSearch, the identity provider) does not answer right now.
 * Clients get 503 with {@code Retry-After}: trying again shortly is the right thing to do.
 */
public class DependencyUnavailableException extends RuntimeException {
    private final String dependency;

    public DependencyUnavailableException(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    /** What is away, in words a client may see: "the database", "search", "the identity provider". */
    public String dependency() {
        return dependency;
    }
}

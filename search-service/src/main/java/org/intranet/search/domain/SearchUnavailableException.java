package org.intranet.search.domain;

import org.intranet.kit.domain.DependencyUnavailableException;

/**
 * OpenSearch did not answer, or answered with an error. The message is for the log only: clients get the kit's
 * plain 503 problem with {@code Retry-After}, never the engine's text.
 */
public class SearchUnavailableException extends DependencyUnavailableException {
    public SearchUnavailableException(String message, Throwable cause) {
        super("search", message, cause);
    }

    public SearchUnavailableException(String message) {
        super("search", message, null);
    }
}

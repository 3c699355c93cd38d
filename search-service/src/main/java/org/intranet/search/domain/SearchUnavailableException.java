package org.intranet.search.domain;

/**
 * OpenSearch did not answer, or answered with an error. The message is for the log only: clients get a plain 503
 * problem, never the engine's text.
 */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchUnavailableException(String message) {
        super(message);
    }
}

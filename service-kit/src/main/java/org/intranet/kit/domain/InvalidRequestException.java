package org.intranet.kit.domain;

/** Input that passes Bean Validation but breaks a business rule (e.g. a recognition without recipients). */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}

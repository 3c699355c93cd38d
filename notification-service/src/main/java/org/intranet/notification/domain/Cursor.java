package org.intranet.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * A position in a newest-first list: the (created_at, id) of the last item of the previous page. Opaque to clients
 * (URL-safe base64 of {@code <instant>|<uuid>}); the next page holds what sorts strictly after it.
 */
public record Cursor(Instant createdAt, UUID id) {
    private static final int MAX_ENCODED_LENGTH = 128;

    public static Cursor after(Notification last) {
        return new Cursor(last.createdAt(), last.id());
    }

    public String encode() {
        String raw = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for a missing or blank cursor (the first page) */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw invalid();
            }
            Instant at = Instant.parse(raw.substring(0, bar));
            // PostgreSQL's timestamps span years 4713 BC to 294276 AD; no page starts outside 1970..9999
            if (at.isBefore(Instant.EPOCH) || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw invalid();
            }
            return new Cursor(at, UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor is not valid: pass the 'next' value of a previous page unchanged");
    }
}

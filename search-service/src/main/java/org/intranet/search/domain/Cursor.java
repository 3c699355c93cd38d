package org.intranet.search.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * Opaque position after the last hit of a page: its score and id (the sort keys), so the next page continues with
 * {@code search_after} instead of a deep {@code from} offset.
 */
public record Cursor(double score, String id) {

    public String encode() {
        String raw = Double.toString(score) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            double score = Double.parseDouble(raw.substring(0, bar));
            String id = raw.substring(bar + 1);
            if (id.isEmpty() || Double.isNaN(score) || Double.isInfinite(score)) {
                throw new IllegalArgumentException("empty id or odd score");
            }
            return new Cursor(score, id);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor is not valid: pass the next value of a previous answer");
        }
    }
}

package org.intranet.search.domain;

import java.util.List;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * Where the next page of hits starts: the sort keys (score, id) of the last hit, so the engine continues with
 * {@code search_after} instead of a deep {@code from} offset. Travels inside the kit's signed page cursor.
 */
public record SearchAfter(double score, String id) {

    public List<String> keys() {
        return List.of(Double.toString(score), id);
    }

    /** @param keys the two keys of a verified cursor, or null for the first page */
    public static SearchAfter of(List<String> keys) {
        if (keys == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(keys.get(0));
            if (Double.isNaN(score) || Double.isInfinite(score) || keys.get(1).isEmpty()) {
                throw new NumberFormatException("odd score or empty id");
            }
            return new SearchAfter(score, keys.get(1));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor is not valid: pass the 'next' value of a previous page unchanged");
        }
    }
}

package org.intranet.search.domain;

import java.util.List;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * Where the next page of hits starts: the sort keys (score, id) of the last hit, so the engine continues with
 * {@code search_after} instead of a deep {@code from} offset, and whether the pages come from the fuzzy pass.
 * Travels inside the kit's signed page cursor.
 */
public record SearchAfter(double score, String id, boolean fuzzy) {
    private static final String FUZZY = "fuzzy";
    private static final String EXACT = "exact";

    public List<String> keys() {
        return List.of(Double.toString(score), id, fuzzy ? FUZZY : EXACT);
    }

    /** @param keys the three keys of a verified cursor (score, id, pass), or null for the first page */
    public static SearchAfter of(List<String> keys) {
        if (keys == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(keys.get(0));
            if (Double.isNaN(score) || Double.isInfinite(score) || keys.get(1).isEmpty()
                    || !List.of(FUZZY, EXACT).contains(keys.get(2))) {
                throw new NumberFormatException("odd score, empty id or unknown pass");
            }
            return new SearchAfter(score, keys.get(1), FUZZY.equals(keys.get(2)));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor is not valid: pass the 'next' value of a previous page unchanged");
        }
    }
}

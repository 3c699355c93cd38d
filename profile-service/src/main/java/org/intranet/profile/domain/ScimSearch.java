package org.intranet.profile.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.intranet.profile.store.ScimQueries;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;

/** A SCIM search: the filter parsed by the SDK, one page of matching ids from SQL, the resources in that order. */
public final class ScimSearch {
    private ScimSearch() {
    }

    /** The ids of one page of matches; {@code offset} from 0. */
    interface Matcher {
        ScimQueries.Matches match(Filter filter, int offset, int count) throws ScimException;
    }

    /** A page of a search: its resources in order and the number of all matches. */
    public record Page<T>(List<T> resources, int total) {
    }

    /** @param startIndex 1-based, as SCIM counts */
    static <T> Page<T> run(String filter, int startIndex, int count, Matcher matcher,
            Function<List<String>, List<T>> load, Function<T, String> idOf) {
        try {
            Filter parsed = filter == null || filter.isBlank() ? null
                    : Filter.fromString(ScimFilterText.standard(filter));
            ScimQueries.Matches matches = matcher.match(parsed, startIndex - 1, count);
            Map<String, T> byId = new HashMap<>();
            if (!matches.ids().isEmpty()) {
                load.apply(matches.ids()).forEach(r -> byId.put(idOf.apply(r), r));
            }
            return new Page<>(matches.ids().stream().map(byId::get).filter(Objects::nonNull).toList(),
                    matches.total());
        } catch (ScimException e) {
            throw new ScimFault(e);
        }
    }
}

package org.intranet.search.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.intranet.kit.domain.InvalidRequestException;

import org.intranet.kit.paging.PageLimit;
import org.intranet.search.domain.SearchAfter;
import org.intranet.search.domain.SearchQuery;

/**
 * The query string of {@code GET /api/search}. Numbers and the type are taken as text and checked here, so a bad
 * value is a 400 problem naming the parameter (a failed conversion would otherwise be a bare 404).
 */
public class SearchParams {
    @QueryParam("q")
    @NotBlank
    @Size(max = 200)
    public String q;

    @QueryParam("type")
    @DefaultValue("all")
    @Pattern(regexp = "(?i)all|posts|people", message = "must be one of all, posts, people")
    public String type;

    @QueryParam("department")
    @Size(max = 120)
    public String department;

    @QueryParam("location")
    @Size(max = 120)
    public String location;

    @QueryParam("kind")
    @Size(max = 40)
    public String kind;

    @QueryParam("tag")
    @Size(max = 100)
    public String tag;

    @QueryParam("author")
    @Size(max = 128)
    public String author;

    @QueryParam("group")
    @Size(max = 128)
    public String group;

    @QueryParam("from")
    @Size(max = 40)
    public String from;

    @QueryParam("to")
    @Size(max = 40)
    public String to;

    @QueryParam("limit")
    public String limit;

    @QueryParam("cursor")
    public String cursor;

    /** The parameters search understands: any other is a mistake worth saying (a misspelt filter filters nothing). */
    static final Set<String> KNOWN = new LinkedHashSet<>(List.of("q", "type", "department", "location", "kind", "tag",
            "author", "group", "from", "to", "limit", "cursor"));

    static void requireKnown(Set<String> given, Set<String> known) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new InvalidRequestException("unknown parameter '" + name + "': this endpoint takes "
                        + String.join(", ", known));
            }
        }
    }

    SearchQuery toQuery(SearchAfter after) {
        return SearchQuery.of(q, type,
                SearchQuery.filters(department, location, kind, tag, author, group, from, to),
                PageLimit.parse(limit), after);
    }
}

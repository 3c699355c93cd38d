package org.intranet.search.api;

import java.util.List;

import org.intranet.search.domain.Suggestions;

import com.fasterxml.jackson.annotation.JsonInclude;

/** People by name prefix and topics (hashtags the caller may see) by prefix. */
public record SuggestView(List<Person> people, List<Topic> topics) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String id, String displayName, String username, String title, String department) {
    }

    public record Topic(String tag, long count) {
    }

    static SuggestView of(Suggestions s) {
        return new SuggestView(
                s.people().stream().map(p -> new Person(p.id(), p.displayName(), p.username(), p.title(),
                        p.department())).toList(),
                s.topics().stream().map(t -> new Topic(t.tag(), t.count())).toList());
    }
}

package org.intranet.search.api;

import java.util.List;

import org.intranet.search.domain.Suggestions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Active people by name prefix or near match, topics (hashtags of posts the caller may see) by prefix, and groups
 * the caller may see by name: ten suggestions at most.
 */
public record SuggestView(List<Person> people, List<Topic> topics, List<Group> groups) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String id, String displayName, String username, String title, String department) {
    }

    public record Topic(String tag, long count) {
    }

    public record Group(String id, String name, String visibility, int memberCount) {
    }

    static SuggestView of(Suggestions s) {
        return new SuggestView(
                s.people().stream().map(p -> new Person(p.id(), p.displayName(), p.username(), p.title(),
                        p.department())).toList(),
                s.topics().stream().map(t -> new Topic(t.tag(), t.count())).toList(),
                s.groups().stream().map(g -> new Group(g.id(), g.name(), g.visibility(), g.memberCount())).toList());
    }
}

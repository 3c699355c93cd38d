package org.intranet.search.domain;

import java.util.List;

/**
 * As-you-type answers: active people whose name starts with the text or nearly matches it, topics (hashtags of
 * posts the caller may see) that start with it, and groups the caller may see by name.
 */
public record Suggestions(List<Person> people, List<Topic> topics, List<Group> groups) {

    public record Person(String id, String displayName, String username, String title, String department) {
    }

    /** A hashtag and how many posts the caller may see carry it. */
    public record Topic(String tag, long count) {
    }

    public record Group(String id, String name, String visibility, int memberCount) {
    }
}

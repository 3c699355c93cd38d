package org.intranet.search.domain;

import java.util.List;

/** As-you-type answers: people whose name starts with the text, topics (hashtags) that start with it. */
public record Suggestions(List<Person> people, List<Topic> topics) {

    public record Person(String id, String displayName, String username, String title, String department) {
    }

    /** A hashtag and how many posts the caller may see carry it. */
    public record Topic(String tag, long count) {
    }
}

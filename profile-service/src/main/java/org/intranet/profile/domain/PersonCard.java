package org.intranet.profile.domain;

/** What the directory and the org chart show of a person. */
public record PersonCard(String id, String username, String displayName, String title, String department,
        String location, String avatarUrl, String pronouns, String status) {

    /** A directory hit, with the key a cursor resumes after (PostgreSQL's lower case of the name, not Java's). */
    public record Found(PersonCard card, String sortKey) {
    }

    /** A direct report, with how many people they lead: directly, and in all (their whole team below them). */
    public record Report(PersonCard card, int directReports, int teamSize) {
    }

    /** A department or a location with its head count of active people. */
    public record HeadCount(String name, long headCount) {
    }
}

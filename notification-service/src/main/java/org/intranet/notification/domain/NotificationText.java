package org.intranet.notification.domain;

import org.intranet.kit.text.PlainText;

/**
 * The short plain-text summary stored with a notification ("Alice Martin and 4 others reacted to your post"). Post
 * bodies arrive as sanitized HTML; the summary is text. Clients must render it as text, never as HTML.
 */
public final class NotificationText {
    public static final int MAX_LENGTH = 200;

    private NotificationText() {
    }

    public static String mention(String actorName, String bodyHtml) {
        return summary(nameOrSomeone(actorName) + " mentioned you", bodyHtml);
    }

    public static String recognition(String actorName, String value, String bodyHtml) {
        String headline = nameOrSomeone(actorName) + " recognised you"
                + (value == null || value.isBlank() ? "" : " for " + value.strip());
        return summary(headline, bodyHtml);
    }

    /** @param others how many other people did the same before (0: the actor alone) */
    public static String commentOnPost(String actorName, int others, String bodyHtml) {
        return summary(people(actorName, others) + " commented on your post", bodyHtml);
    }

    public static String replyToComment(String actorName, int others, String bodyHtml) {
        return summary(people(actorName, others) + " replied to your comment", bodyHtml);
    }

    public static String replyInThread(String actorName, int others, String bodyHtml) {
        return summary(people(actorName, others) + " replied in a thread you are in", bodyHtml);
    }

    /** @param onComment true for a reaction on a comment, false for one on a post */
    public static String reaction(String actorName, int others, boolean onComment) {
        return people(actorName, others) + " reacted to your " + (onComment ? "comment" : "post");
    }

    public static String follow(String actorName) {
        return nameOrSomeone(actorName) + " started following you";
    }

    public static String addedToGroup(String actorName, String groupName) {
        return PlainText.truncate(nameOrSomeone(actorName) + " added you to " + groupOrAGroup(groupName), MAX_LENGTH);
    }

    public static String groupPost(String actorName, String groupName, String bodyHtml) {
        return summary(nameOrSomeone(actorName) + " posted in " + groupOrAGroup(groupName), bodyHtml);
    }

    public static String announcement(String actorName, boolean mustRead, String bodyHtml) {
        return summary(mustRead ? "Must read from " + nameOrSomeone(actorName)
                : nameOrSomeone(actorName) + " published an announcement", bodyHtml);
    }

    /** {@code "<headline>: <excerpt of the body>"}, cut at {@link #MAX_LENGTH} characters. */
    static String summary(String headline, String bodyHtml) {
        String excerpt = PlainText.of(bodyHtml);
        return PlainText.truncate(excerpt.isEmpty() ? headline : headline + ": " + excerpt, MAX_LENGTH);
    }

    /** "Alice Martin", "Alice Martin and 1 other", "Alice Martin and 4 others". */
    static String people(String actorName, int others) {
        String name = nameOrSomeone(actorName);
        return others <= 0 ? name : name + " and " + others + (others == 1 ? " other" : " others");
    }

    private static String groupOrAGroup(String name) {
        return name == null || name.isBlank() ? "a group" : name.strip();
    }

    private static String nameOrSomeone(String name) {
        return name == null || name.isBlank() ? "Someone" : name.strip();
    }
}

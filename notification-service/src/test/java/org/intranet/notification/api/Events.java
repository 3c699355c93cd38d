package org.intranet.notification.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.AnnouncementAcknowledged;
import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.contracts.FollowChanged;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.ReactionChanged;
import org.intranet.contracts.RecognitionGiven;
import org.intranet.contracts.Topics;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Publishes profile and feed events to the real test broker, as profile-service and feed-service would. */
final class Events {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Events() {
    }

    static TestTopics topics() {
        return new TestTopics(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static String id(String username) {
        return TestTokens.stableId(username);
    }

    static EmployeeSnapshot employee(String username, String displayName, String department, String status,
            long version) {
        return new EmployeeSnapshot(id(username), username, displayName, username + "@example.com", null,
                department, "Paris", null, List.of(), status, version, Instant.now());
    }

    /** @return the event id */
    static String publishEmployee(EmployeeSnapshot snapshot) {
        return publishEmployee(snapshot.id(), snapshot);
    }

    /** @param key records with one key land in one partition and are consumed in the order sent */
    static String publishEmployee(String key, EmployeeSnapshot snapshot) {
        String eventId = UUID.randomUUID().toString();
        topics().send(Topics.PROFILE, key, json(snapshot), TestTopics.cloudEventHeaders(eventId,
                snapshot.version() == 0 ? EventTypes.EMPLOYEE_CREATED : EventTypes.EMPLOYEE_UPDATED,
                EventTypes.PROFILE_SOURCE, snapshot.id()));
        return eventId;
    }

    static PostPublished post(String author, String body, List<String> audience, String... mentioned) {
        return new PostPublished(UUID.randomUUID().toString(), id(author), "UPDATE", body, null, audience,
                Arrays.stream(mentioned).map(Events::id).toList(), List.of(), Instant.now(), List.of(), null, null);
    }

    /** A RECOGNITION post naming {@code recipients} (who are also mentioned in its text). */
    static PostPublished recognitionPost(String author, String groupId, List<String> audience, String value,
            String... recipients) {
        List<String> ids = Arrays.stream(recipients).map(Events::id).toList();
        return new PostPublished(UUID.randomUUID().toString(), id(author), "RECOGNITION", "<p>Thank you!</p>",
                groupId, audience, ids, List.of(), Instant.now(), List.of(), ids, value);
    }

    static PostPublished groupPost(String author, String groupId, String... mentioned) {
        PostPublished p = post(author, "<p>Group news</p>", List.of("group:" + groupId), mentioned);
        return new PostPublished(p.postId(), p.authorId(), p.kind(), p.body(), groupId, p.audience(), p.mentions(),
                p.hashtags(), p.createdAt(), p.links(), null, null);
    }

    /** @return the event id */
    static String publishPost(PostPublished post) {
        return publishPost(post.postId(), UUID.randomUUID().toString(), post);
    }

    static String publishPost(String key, String eventId, PostPublished post) {
        send(Topics.FEED, key, json(post), TestTopics.cloudEventHeaders(eventId, EventTypes.POST_PUBLISHED,
                EventTypes.FEED_SOURCE, post.postId()));
        return eventId;
    }

    /**
     * {@code @handles} in {@code body} that named nobody when {@code writer} wrote it now name {@code resolved}.
     *
     * @param commentId null when the text is the post itself
     */
    static MentionsResolved mentionsResolved(PostPublished post, String commentId, String writer, String body,
            String... resolved) {
        return new MentionsResolved(post.postId(), commentId, id(writer), body, post.groupId(), post.audience(),
                Arrays.stream(resolved).map(Events::id).toList(), Instant.now(), post.authorId());
    }

    /** Keyed by post id, like every event about a post. */
    static void publishMentionsResolved(String eventId, MentionsResolved resolved) {
        send(Topics.FEED, resolved.postId(), json(resolved), TestTopics.cloudEventHeaders(eventId,
                EventTypes.POST_MENTIONED, EventTypes.FEED_SOURCE, resolved.postId()));
    }

    /** Kudos from {@code author} to {@code recipients} for {@code value}, about {@code post}, as feed-service sends them. */
    static RecognitionGiven recognition(PostPublished post, String value, String... recipients) {
        return new RecognitionGiven(post.postId(), post.authorId(), Arrays.stream(recipients).map(Events::id).toList(),
                value, "rocket", post.groupId(), post.audience(), post.body(), post.createdAt());
    }

    /** Keyed by post id, after the post's own event. */
    static void publishRecognition(RecognitionGiven recognition) {
        send(Topics.FEED, recognition.postId(), json(recognition), TestTopics.cloudEventHeaders(
                UUID.randomUUID().toString(), EventTypes.RECOGNITION_GIVEN, EventTypes.FEED_SOURCE,
                recognition.postId()));
    }

    /**
     * A membership change as feed-service publishes it: keyed by group id, so one group's changes stay in order.
     *
     * @param type {@link EventTypes#MEMBER_ADDED} or {@link EventTypes#MEMBER_REMOVED}
     */
    static void publishMembership(String type, String groupId, String username) {
        MembershipChanged membership = new MembershipChanged(groupId, id(username), "MEMBER", "PRIVATE",
                id(username), Instant.now());
        send(Topics.FEED, groupId, json(membership), TestTopics.cloudEventHeaders(UUID.randomUUID().toString(), type,
                EventTypes.FEED_SOURCE, groupId));
    }

    /** A membership change made by {@code by} (an owner adding someone, or the member joining). */
    static MembershipChanged membership(String groupId, String username, String by) {
        return new MembershipChanged(groupId, id(username), "MEMBER", "PRIVATE", id(by), Instant.now());
    }

    static GroupChanged group(String groupId, String name, long version) {
        return new GroupChanged(groupId, name, "", "PRIVATE", 1, id("olga"), version, Instant.now());
    }

    /** A comment by {@code author} on {@code post}; {@code parent} (a top-level comment) makes it a reply. */
    static CommentChanged comment(PostPublished post, CommentChanged parent, String author, String body,
            String... mentioned) {
        return new CommentChanged(UUID.randomUUID().toString(), post.postId(),
                parent == null ? null : parent.commentId(), id(author), post.authorId(),
                parent == null ? null : parent.authorId(), body, post.groupId(), post.audience(),
                Arrays.stream(mentioned).map(Events::id).toList(), null, Instant.now());
    }

    static void publishComment(CommentChanged comment) {
        feed(EventTypes.COMMENT_ADDED, comment.postId(), comment);
    }

    static void publishCommentDeleted(CommentChanged comment) {
        feed(EventTypes.COMMENT_DELETED, comment.postId(), comment);
    }

    /** {@code username}'s reaction on the post (or, with {@code commentAuthor}, on that comment). */
    static ReactionChanged reaction(PostPublished post, String commentId, String commentAuthor, String username,
            String type, String previousType) {
        return new ReactionChanged(post.postId(), commentId, id(username),
                commentId == null ? post.authorId() : id(commentAuthor), type, previousType, post.groupId(),
                post.audience(), Instant.now());
    }

    /** Keyed by post id, like every event about a post. */
    static void publishReaction(PostPublished post, String commentId, String commentAuthor, String username,
            String type, String previousType) {
        feed(EventTypes.REACTION_SET, post.postId(), reaction(post, commentId, commentAuthor, username, type,
                previousType));
    }

    static void publishFollow(String type, String follower, String followed) {
        feed(type, id(follower), new FollowChanged(id(follower), "PERSON", id(followed), Instant.now()));
    }

    static AnnouncementPublished announcement(String author, List<String> audience, boolean mustRead,
            Instant expiresAt) {
        return new AnnouncementPublished(UUID.randomUUID().toString(), id(author), audience, mustRead, null,
                expiresAt, "<p>Office <b>closed</b> on Friday</p>", Instant.now());
    }


    static void publishAcknowledged(AnnouncementPublished announcement, String username) {
        feed(EventTypes.ANNOUNCEMENT_ACKNOWLEDGED, announcement.postId(),
                new AnnouncementAcknowledged(announcement.postId(), id(username), Instant.now()));
    }

    static void publishPostDeleted(PostPublished post) {
        feed(EventTypes.POST_DELETED, post.postId(), new PostDeleted(post.postId(), post.authorId(), post.groupId(),
                post.audience(), post.authorId(), Instant.now()));
    }

    /** A feed event of this type, keyed as feed-service keys it. */
    static void feed(String type, String key, Object payload) {
        send(Topics.FEED, key, json(payload), TestTopics.cloudEventHeaders(UUID.randomUUID().toString(), type,
                EventTypes.FEED_SOURCE, key));
    }

    static void send(String topic, String key, String value, Map<String, String> headers) {
        topics().send(topic, key, value, headers);
    }

    static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.intranet.notification.events;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.AnnouncementAcknowledged;
import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.FollowChanged;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.ReactionChanged;
import org.intranet.contracts.RecognitionGiven;
import org.intranet.kit.events.EventConsumer;
import org.intranet.notification.domain.Announcements;
import org.intranet.notification.domain.CommentNotifier;
import org.intranet.notification.domain.EventHorizon;
import org.intranet.notification.domain.PeopleNotifier;
import org.intranet.notification.domain.PostNotifier;
import org.intranet.notification.domain.ReactionNotifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code intranet.feed} → notifications (posts, comments, reactions, recognition, follows, groups, announcements)
 * and the read-copies that decide who may see them (group membership) or name them (groups).
 */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final PostNotifier posts;
    private final CommentNotifier comments;
    private final ReactionNotifier reactions;
    private final PeopleNotifier people;
    /** What notifies someone; the rest (deletions, membership, groups) keeps state and is applied at any age. */
    private static final Set<String> NOTIFYING = Set.of(EventTypes.POST_PUBLISHED, EventTypes.POST_MENTIONED,
            EventTypes.RECOGNITION_GIVEN, EventTypes.COMMENT_ADDED, EventTypes.REACTION_SET, EventTypes.FOLLOW_ADDED,
            EventTypes.ANNOUNCEMENT_PUBLISHED);
    private final Announcements announcements;
    private final EventHorizon horizon;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, PostNotifier posts, CommentNotifier comments,
            ReactionNotifier reactions, PeopleNotifier people, Announcements announcements, EventHorizon horizon) {
        this.horizon = horizon;
        this.consumer = consumer;
        this.json = json;
        this.posts = posts;
        this.comments = comments;
        this.reactions = reactions;
        this.people = people;
        this.announcements = announcements;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        boolean stale = horizon.tooOldToNotify(Instant.ofEpochMilli(record.timestamp()));
        consumer.consume(record, event -> {
            String id = event.id();
            if (stale && NOTIFYING.contains(event.type())) {
                return; // older than its de-dup row would be: it notified when it was new (EventHorizon)
            }
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> posts.postPublished(id, event.data(json, PostPublished.class));
                case EventTypes.POST_MENTIONED -> posts.mentionsResolved(id, event.data(json, MentionsResolved.class));
                case EventTypes.POST_DELETED -> posts.postDeleted(id, event.data(json, PostDeleted.class));
                case EventTypes.RECOGNITION_GIVEN ->
                        posts.recognitionGiven(id, event.data(json, RecognitionGiven.class));
                case EventTypes.COMMENT_ADDED -> comments.commentAdded(id, event.data(json, CommentChanged.class));
                case EventTypes.COMMENT_DELETED -> comments.commentDeleted(id, event.data(json, CommentChanged.class));
                case EventTypes.REACTION_SET -> reactions.reactionSet(id, event.data(json, ReactionChanged.class));
                case EventTypes.FOLLOW_ADDED -> people.followAdded(id, event.data(json, FollowChanged.class));
                case EventTypes.MEMBER_ADDED ->
                        people.memberAdded(id, event.data(json, MembershipChanged.class), !stale);
                case EventTypes.MEMBER_REMOVED -> people.memberRemoved(id, event.data(json, MembershipChanged.class));
                case EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED ->
                        people.groupChanged(id, event.data(json, GroupChanged.class));
                case EventTypes.ANNOUNCEMENT_PUBLISHED ->
                        announcements.published(id, event.data(json, AnnouncementPublished.class));
                case EventTypes.ANNOUNCEMENT_ACKNOWLEDGED ->
                        announcements.acknowledged(id, event.data(json, AnnouncementAcknowledged.class));
                default -> {
                    // edits, reactions taken back, follows ended: nothing to tell anyone
                }
            }
        });
    }
}

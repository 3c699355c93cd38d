package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.RecognitionGiven;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.notification.domain.PostNotifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code intranet.feed} → notifications (mentions, including those resolved later, and recognitions) and the
 * {@code group_members} read-copy that decides who may see a private group's posts; comments, reactions and the rest
 * as they are wired.
 */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final PostNotifier posts;
    private final GroupMemberCopies members;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, PostNotifier posts,
            GroupMemberCopies members) {
        this.consumer = consumer;
        this.json = json;
        this.posts = posts;
        this.members = members;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> posts.postPublished(event.id(), event.data(json, PostPublished.class));
                case EventTypes.POST_MENTIONED ->
                        posts.mentionsResolved(event.id(), event.data(json, MentionsResolved.class));
                case EventTypes.RECOGNITION_GIVEN ->
                        posts.recognitionGiven(event.id(), event.data(json, RecognitionGiven.class));
                case EventTypes.MEMBER_ADDED -> members.applyOnce(PostNotifier.CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), true);
                case EventTypes.MEMBER_REMOVED -> members.applyOnce(PostNotifier.CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), false);
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}

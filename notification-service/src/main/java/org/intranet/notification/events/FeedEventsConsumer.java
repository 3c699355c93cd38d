package org.intranet.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.notification.domain.MentionNotifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code intranet.feed} → notifications (mentions, including those resolved later) and the {@code group_members}
 * read-copy that decides who may see a private group's posts; comments, reactions and the rest as they are wired.
 */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final MentionNotifier mentions;
    private final GroupMemberCopies members;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, MentionNotifier mentions,
            GroupMemberCopies members) {
        this.consumer = consumer;
        this.json = json;
        this.mentions = mentions;
        this.members = members;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> mentions.postPublished(event.id(), event.data(json, PostPublished.class));
                case EventTypes.POST_MENTIONED ->
                        mentions.mentionsResolved(event.id(), event.data(json, MentionsResolved.class));
                case EventTypes.MEMBER_ADDED -> members.applyOnce(MentionNotifier.CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), true);
                case EventTypes.MEMBER_REMOVED -> members.applyOnce(MentionNotifier.CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), false);
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}

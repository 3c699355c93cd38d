package org.intranet.search.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.PostChanged;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.search.domain.Indexing;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code intranet.feed} → the posts index, and the {@code group_members} read-copy that gives members of a private
 * group the {@code group:<id>} principal; poison goes to its dead-letter topic.
 */
@ApplicationScoped
public class FeedEventsConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final Indexing indexing;
    private final GroupMemberCopies members;

    FeedEventsConsumer(EventConsumer consumer, ObjectMapper json, Indexing indexing, GroupMemberCopies members) {
        this.consumer = consumer;
        this.json = json;
        this.indexing = indexing;
        this.members = members;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> indexing.postPublished(event.id(), event.data(json, PostPublished.class));
                case EventTypes.POST_EDITED -> indexing.postEdited(event.id(), event.data(json, PostChanged.class));
                case EventTypes.POST_DELETED -> indexing.postDeleted(event.id(), event.data(json, PostDeleted.class));
                case EventTypes.MEMBER_ADDED -> members.applyOnce(Indexing.FEED_CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), true);
                case EventTypes.MEMBER_REMOVED -> members.applyOnce(Indexing.FEED_CONSUMER, event.id(),
                        event.data(json, MembershipChanged.class), false);
                default -> {
                    // types this service does not use
                }
            }
        });
    }
}

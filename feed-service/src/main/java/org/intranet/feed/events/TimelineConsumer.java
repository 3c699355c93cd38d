package org.intranet.feed.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.FollowChanged;
import org.intranet.contracts.MembershipChanged;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.feed.domain.FeedTimelines;
import org.intranet.kit.events.CloudEventRecord;
import org.intranet.kit.events.EventConsumer;
import org.intranet.kit.events.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * feed-service reads its own topic to keep the home timelines (fan-out on write, off the request path): the event is
 * the unit of work, each applied in one transaction, idempotently, so a restart mid-way simply redoes it.
 */
@ApplicationScoped
public class TimelineConsumer {
    private final EventConsumer consumer;
    private final ObjectMapper json;
    private final FeedTimelines timelines;

    TimelineConsumer(EventConsumer consumer, ObjectMapper json, FeedTimelines timelines) {
        this.consumer = consumer;
        this.json = json;
        this.timelines = timelines;
    }

    @Incoming("feed-events")
    @Blocking // one partition's events in order
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            switch (event.type()) {
                case EventTypes.POST_PUBLISHED -> timelines.fanOut(postId(event, event.data(json,
                        PostPublished.class).postId()));
                case EventTypes.POST_DELETED -> timelines.removePost(postId(event, event.data(json,
                        PostDeleted.class).postId()));
                case EventTypes.FOLLOW_ADDED, EventTypes.FOLLOW_REMOVED -> follow(event);
                case EventTypes.MEMBER_ADDED, EventTypes.MEMBER_REMOVED -> membership(event);
                default -> {
                    // edits, comments, reactions and group changes do not move timeline entries
                }
            }
        });
    }

    private void follow(CloudEventRecord event) {
        FollowChanged follow = event.data(json, FollowChanged.class);
        if (follow.followerId() == null || follow.target() == null || follow.kind() == null) {
            throw new PoisonEventException("follow event " + event.id() + " lacks its follower, kind or target");
        }
        boolean added = EventTypes.FOLLOW_ADDED.equals(event.type());
        switch (follow.kind()) {
            case "PERSON" -> {
                if (added) {
                    timelines.followedPerson(follow.followerId(), follow.target());
                } else {
                    timelines.unfollowedPerson(follow.followerId(), follow.target());
                }
            }
            case "TOPIC" -> {
                if (added) {
                    timelines.followedTopic(follow.followerId(), follow.target());
                } else {
                    timelines.unfollowedTopic(follow.followerId(), follow.target());
                }
            }
            default -> throw new PoisonEventException("follow event " + event.id() + " has kind " + follow.kind());
        }
    }

    private void membership(CloudEventRecord event) {
        MembershipChanged member = event.data(json, MembershipChanged.class);
        if (member.groupId() == null || member.employeeId() == null) {
            throw new PoisonEventException("membership event " + event.id() + " lacks its group or employee");
        }
        if (EventTypes.MEMBER_ADDED.equals(event.type())) {
            timelines.joined(member.employeeId(), member.groupId());
        } else {
            timelines.left(member.employeeId(), member.groupId());
        }
    }

    private static UUID postId(CloudEventRecord event, String postId) {
        try {
            return UUID.fromString(postId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("event " + event.id() + " names no valid post id: " + postId);
        }
    }
}

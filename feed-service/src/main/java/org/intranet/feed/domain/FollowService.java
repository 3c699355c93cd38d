package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.FollowChanged;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.FollowStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;

/** Following people and topics; the same request twice has one effect and publishes one event. */
@ApplicationScoped
public class FollowService {
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1,64}");
    private final FollowStore follows;
    private final EmployeeCopies employees;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    FollowService(FollowStore follows, EmployeeCopies employees, FeedEvents events) {
        this.follows = follows;
        this.employees = employees;
        this.events = events;
    }

    @Transactional
    public void followPerson(Caller caller, String personId) {
        if (personId.equals(caller.id())) {
            throw new InvalidRequestException("you cannot follow yourself");
        }
        employees.find(personId).filter(EmployeeCopy::active)
                .orElseThrow(() -> new NotFoundException("no active employee " + personId));
        change(caller, Follow.PERSON, personId, true);
    }

    @Transactional
    public void unfollowPerson(Caller caller, String personId) {
        change(caller, Follow.PERSON, personId, false);
    }

    @Transactional
    public void followTopic(Caller caller, String tag) {
        change(caller, Follow.TOPIC, topic(tag), true);
    }

    @Transactional
    public void unfollowTopic(Caller caller, String tag) {
        change(caller, Follow.TOPIC, topic(tag), false);
    }

    public List<Follow> of(Caller caller, List<String> after, int limit) {
        return follows.of(caller.id(), after, limit);
    }

    public Follow.Counts counts(Caller caller, String personId) {
        return follows.counts(personId, caller.id());
    }

    /** A topic as stored: the tag without {@code #}, lower case, as PostText extracts it. */
    public static String topic(String tag) {
        String bare = tag.startsWith("#") ? tag.substring(1) : tag;
        if (!TAG.matcher(bare).matches()) {
            throw new InvalidRequestException("a topic is 1 to 64 letters, digits or underscores, not '" + tag + "'");
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private void change(Caller caller, String kind, String target, boolean follow) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean changed = follow ? follows.add(caller.id(), kind, target, now)
                : follows.remove(caller.id(), kind, target);
        if (changed) {
            events.follow(follow ? EventTypes.FOLLOW_ADDED : EventTypes.FOLLOW_REMOVED,
                    new FollowChanged(caller.id(), kind, target, now));
        }
    }
}

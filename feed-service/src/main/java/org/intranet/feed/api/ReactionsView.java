package org.intranet.feed.api;

import java.util.Map;

import org.intranet.feed.domain.ReactionService;

/**
 * What a post or comment carries after a reaction change: counts per type ({@code {"LIKE":3,"CELEBRATE":1}}, types
 * nobody used left out) and the caller's own reaction, or null.
 */
public record ReactionsView(Map<String, Integer> reactions, String myReaction) {

    public static ReactionsView of(ReactionService.Tally tally) {
        return new ReactionsView(tally.counts(), tally.mine() == null ? null : tally.mine().name());
    }
}

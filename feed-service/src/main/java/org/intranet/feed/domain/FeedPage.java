package org.intranet.feed.domain;

import java.util.List;

import org.intranet.kit.paging.Position;

/** One page of a feed and where the next one starts (null at the end). */
public record FeedPage(List<FeedItem> items, Position next) {
}

package org.intranet.feed.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.FeedPage;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.intranet.kit.paging.Position;

import io.quarkus.security.identity.SecurityIdentity;

/** One page of any feed for the caller: the cursor and limit parsed once, the items mapped to views. */
@ApplicationScoped
public class FeedPages {
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    FeedPages(PageCursors cursors, SecurityIdentity identity) {
        this.cursors = cursors;
        this.identity = identity;
    }

    /** Reads one page of a feed for a caller. */
    public interface FeedRead {
        FeedPage read(Caller caller, Position after, int limit);
    }

    public Page<PostView> page(String cursor, String limit, FeedRead read) {
        Caller caller = Caller.of(identity);
        FeedPage page = read.read(caller, cursors.decodePosition(caller.id(), cursor), PageLimit.parse(limit));
        return new Page<>(page.items().stream().map(PostView::of).toList(), cursors.encode(caller.id(), page.next()));
    }
}

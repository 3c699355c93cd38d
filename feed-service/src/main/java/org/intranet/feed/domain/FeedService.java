package org.intranet.feed.domain;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.store.FeedQueries;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Position;
import org.intranet.kit.visibility.Readers;

/** Reads feeds, always through the caller's principals. */
@ApplicationScoped
public class FeedService {
    private final FeedQueries queries;
    private final Readers readers;

    FeedService(FeedQueries queries, Readers readers) {
        this.queries = queries;
        this.readers = readers;
    }

    /** Everything company-wide (not in a group) that the caller may see, newest first. */
    public FeedPage company(Caller caller, Position after, int limit) {
        return queries.company(readers.of(caller), after, limit);
    }
}

package org.intranet.kit.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a newest-first list continues: the (created_at, id) of the last item of the previous page. The id breaks
 * ties between equal timestamps, so no item is skipped or repeated. Instants are microseconds, as PostgreSQL keeps.
 */
public record Position(Instant createdAt, UUID id) {
}

package org.intranet.feed.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.intranet.feed.domain.FeedPage;
import org.intranet.kit.domain.InvalidRequestException;

/** The opaque {@code cursor}/{@code next} of feed pages: base64url of {@code <epoch micros>:<post id>}. */
final class FeedCursor {
    /** 9999-12-31: PostgreSQL's timestamps end there, and no post is newer. */
    private static final long MAX_MICROS = 253_402_214_400_000_000L;

    private FeedCursor() {
    }

    static String encode(FeedPage.Position position) {
        if (position == null) {
            return null;
        }
        long micros = position.createdAt().getEpochSecond() * 1_000_000L + position.createdAt().getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    static FeedPage.Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            if (micros < 0 || micros > MAX_MICROS) {
                throw new InvalidRequestException("cursor is not one this API returned");
            }
            return new FeedPage.Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor is not one this API returned");
        }
    }
}

package org.intranet.kit.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.config.PagingConfig;
import org.intranet.kit.domain.InvalidRequestException;

/**
 * The one opaque cursor codec: the sort keys of the last item, bound to the caller and signed (HMAC-SHA256 under
 * {@code intranet.paging.cursor-key}, the same on every replica). A cursor a client edited, made up, or took from
 * another user is a 400 naming the problem, never a 500 or someone else's page.
 * <p>
 * Format: {@code base64url(keys joined by U+001F) "." base64url(first 16 bytes of the MAC over caller + keys)}.
 */
@ApplicationScoped
public class PageCursors {
    public static final int MAX_LENGTH = 512;
    private static final char SEPARATOR = '\u001f';
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private final SecretKeySpec key;

    PageCursors(PagingConfig config) {
        if (config.cursorKey().length() < 32) {
            throw new IllegalStateException("intranet.paging.cursor-key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(config.cursorKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @return null when {@code keys} is null (the last page has no next) */
    public String encode(String callerId, List<String> keys) {
        if (keys == null) {
            return null;
        }
        String payload = String.join(String.valueOf(SEPARATOR), keys);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(
                mac(callerId, payload));
    }

    /** @return null for a missing or blank cursor (the first page); else exactly {@code arity} keys */
    public List<String> decode(String callerId, String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        try {
            String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)),
                    StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(callerId, payload))) {
                throw invalid();
            }
            List<String> keys = Arrays.asList(payload.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != arity) {
                throw invalid();
            }
            return keys;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    /**
     * The page to answer from {@code rows} read with {@code limit + 1}: the extra row only tells that a next page
     * exists, whose cursor resumes after the last row shown (its {@code keys}).
     */
    public <T> Page<T> page(String callerId, List<T> rows, int limit, Function<T, List<String>> keys) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> shown = rows.subList(0, limit);
        return new Page<>(List.copyOf(shown), encode(callerId, keys.apply(shown.get(limit - 1))));
    }

    public String encode(String callerId, Position position) {
        return position == null ? null
                : encode(callerId, List.of(position.createdAt().toString(), position.id().toString()));
    }

    public Position decodePosition(String callerId, String cursor) {
        List<String> keys = decode(callerId, cursor, 2);
        if (keys == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(keys.get(0));
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LAST)) {
                throw invalid();
            }
            return new Position(at, UUID.fromString(keys.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(String callerId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(callerId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) SEPARATOR);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor is not valid: pass the 'next' value of a previous page unchanged");
    }
}

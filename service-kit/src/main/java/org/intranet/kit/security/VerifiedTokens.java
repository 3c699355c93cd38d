package org.intranet.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What was verified about a token, kept until the token expires: a bounded, per-JVM map from the SHA-256 of
 * (tenant, whole token) to a value (the verified identity). Pure logic, no Quarkus: {@link TokenCache} puts identities
 * in it.
 * <ul>
 * <li>The key covers every byte of the token, signature included: a token changed anywhere, a re-signed or forged
 * one, is another key, so it is never answered from here.</li>
 * <li>An entry lives until the earliest of the token's {@code exp}, {@code iat} + the maximum token age (when one is
 * configured) and now + {@code maxTtl}; {@link #lookup} checks that deadline against the wall clock on every read,
 * whatever the cache's own eviction has done so far.</li>
 * <li>At most {@code maxSize} entries (Caffeine evicts those least likely to be used again).</li>
 * </ul>
 */
public final class VerifiedTokens<V> {
    private static final Base64.Encoder KEY_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private record Entry<V>(V value, long deadlineMillis) {
    }

    private final Cache<String, Entry<V>> cache;
    private final LongSupplier epochMillis;
    private final long maxTtlMillis;
    private final long maxTokenAgeMillis;

    /**
     * @param maxSize most entries kept
     * @param maxTtl longest an entry is kept, however long its token lives
     * @param maxTokenAge when not null, no entry outlives its token's {@code iat} + this
     *        ({@code quarkus.oidc.token.age})
     * @param ticker the cache's clock for its own eviction ({@link Ticker#systemTicker()})
     * @param epochMillis the wall clock that {@code exp} and {@code iat} are compared with
     *        ({@code System::currentTimeMillis})
     */
    public VerifiedTokens(int maxSize, Duration maxTtl, Duration maxTokenAge, Ticker ticker, LongSupplier epochMillis) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("maxTtl must be positive, was " + maxTtl);
        }
        this.epochMillis = epochMillis;
        this.maxTtlMillis = maxTtl.toMillis();
        this.maxTokenAgeMillis = maxTokenAge == null ? -1 : maxTokenAge.toMillis();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<String, Entry<V>>() {
                    @Override
                    public long expireAfterCreate(String key, Entry<V> entry, long currentTime) {
                        return nanosLeft(entry);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry<V> entry, long currentTime, long currentDuration) {
                        return nanosLeft(entry);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry<V> entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(ticker)
                // eviction work runs on the caller's thread: nothing is handed to the common pool
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The key of a token verified for a tenant: SHA-256 over both, every byte of the token included. */
    public static String key(String tenantId, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(tenantId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(token.getBytes(StandardCharsets.UTF_8));
            return KEY_ENCODING.encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The value kept for this key, or null when there is none or its deadline has passed. */
    public V lookup(String key) {
        Entry<V> entry = cache.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (epochMillis.getAsLong() >= entry.deadlineMillis()) {
            cache.asMap().remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Keeps a value for a verified token until the earliest of its expiry, its maximum age and now + maxTtl.
     *
     * @param expiresAt the token's {@code exp}, seconds since the epoch
     * @param issuedAt the token's {@code iat}, seconds since the epoch, or null when it has none
     * @return false when nothing was kept: the token is already expired or too old, or has no {@code iat} while a
     *         maximum age is set
     */
    public boolean remember(String key, V value, long expiresAt, Long issuedAt) {
        long now = epochMillis.getAsLong();
        long deadline = Math.min(Math.multiplyExact(expiresAt, 1000L), now + maxTtlMillis);
        if (maxTokenAgeMillis >= 0) {
            if (issuedAt == null) {
                return false;
            }
            deadline = Math.min(deadline, Math.multiplyExact(issuedAt, 1000L) + maxTokenAgeMillis);
        }
        if (deadline <= now) {
            return false;
        }
        cache.put(key, new Entry<>(value, deadline));
        return true;
    }

    /** Entries kept now (after pending evictions have run). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The underlying cache, for metrics. */
    Cache<String, ?> cache() {
        return cache;
    }

    private long nanosLeft(Entry<V> entry) {
        long millisLeft = entry.deadlineMillis() - epochMillis.getAsLong();
        return millisLeft <= 0 ? 0 : Math.multiplyExact(millisLeft, 1_000_000L);
    }
}

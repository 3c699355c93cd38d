package org.intranet.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final long NOW = 1_750_000_000L; // seconds since the epoch
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    /** One clock for both the wall clock and the cache's ticker, moved by the tests. */
    private final AtomicLong millis = new AtomicLong(NOW * 1000);

    private VerifiedTokens<String> tokens(int maxSize, Duration maxTtl, Duration maxTokenAge) {
        return new VerifiedTokens<>(maxSize, maxTtl, maxTokenAge, () -> millis.get() * 1_000_000L, millis::get);
    }

    private VerifiedTokens<String> tokens() {
        return tokens(100, Duration.ofMinutes(5), null);
    }

    private void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Test
    void aVerifiedTokenIsAnsweredUntilItExpires() {
        VerifiedTokens<String> tokens = tokens();
        String key = VerifiedTokens.key("Default", TOKEN);
        assertThat(tokens.remember(key, "alice", NOW + 60, NOW)).isTrue();

        assertThat(tokens.lookup(key)).isEqualTo("alice");
        advance(Duration.ofSeconds(59));
        assertThat(tokens.lookup(key)).isEqualTo("alice");
        advance(Duration.ofSeconds(1));
        assertThat(tokens.lookup(key)).as("at exp").isNull();
    }

    @Test
    void noEntryOutlivesMaxTtlEvenWhenTheTokenLivesLonger() {
        VerifiedTokens<String> tokens = tokens(100, Duration.ofMinutes(5), null);
        String key = VerifiedTokens.key("Default", TOKEN);
        tokens.remember(key, "alice", NOW + 900, NOW);

        advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(tokens.lookup(key)).isEqualTo("alice");
        advance(Duration.ofMillis(1));
        assertThat(tokens.lookup(key)).isNull();
    }

    @Test
    void anEntryIsCheckedAgainstTheWallClockEvenBeforeTheCacheEvictsIt() {
        // the cache's own ticker stands still; the wall clock passes exp
        AtomicLong ticker = new AtomicLong();
        VerifiedTokens<String> tokens = new VerifiedTokens<>(100, Duration.ofMinutes(5), null, ticker::get,
                millis::get);
        String key = VerifiedTokens.key("Default", TOKEN);
        tokens.remember(key, "alice", NOW + 60, NOW);

        advance(Duration.ofSeconds(61));
        assertThat(tokens.lookup(key)).isNull();
    }

    @Test
    void anExpiredTokenIsNeverKept() {
        VerifiedTokens<String> tokens = tokens();
        String key = VerifiedTokens.key("Default", TOKEN);

        assertThat(tokens.remember(key, "alice", NOW, NOW - 900)).isFalse();
        assertThat(tokens.remember(key, "alice", NOW - 1, NOW - 900)).isFalse();
        assertThat(tokens.lookup(key)).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aMaximumTokenAgeBoundsTheEntryByIssuedAt() {
        VerifiedTokens<String> tokens = tokens(100, Duration.ofMinutes(5), Duration.ofSeconds(120));
        String key = VerifiedTokens.key("Default", TOKEN);

        assertThat(tokens.remember(key, "alice", NOW + 900, NOW - 100)).isTrue();
        advance(Duration.ofSeconds(19));
        assertThat(tokens.lookup(key)).isEqualTo("alice");
        advance(Duration.ofSeconds(1));
        assertThat(tokens.lookup(key)).as("iat + age reached").isNull();

        assertThat(tokens.remember(key, "alice", NOW + 900, null)).as("no iat while an age is required").isFalse();
        assertThat(tokens.remember(key, "alice", NOW + 900, NOW - 500)).as("already too old").isFalse();
    }

    @Test
    void aTokenChangedInAnyByteIsAnotherKey() {
        VerifiedTokens<String> tokens = tokens();
        tokens.remember(VerifiedTokens.key("Default", TOKEN), "alice", NOW + 60, NOW);

        String otherSignature = TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        String otherPayload = TOKEN.substring(0, 30) + (TOKEN.charAt(30) == 'A' ? 'B' : 'A') + TOKEN.substring(31);
        String truncated = TOKEN.substring(0, TOKEN.length() - 1);
        for (String token : new String[] { otherSignature, otherPayload, truncated, TOKEN + "x" }) {
            assertThat(VerifiedTokens.key("Default", token)).isNotEqualTo(VerifiedTokens.key("Default", TOKEN));
            assertThat(tokens.lookup(VerifiedTokens.key("Default", token))).as(token).isNull();
        }
    }

    @Test
    void aTokenVerifiedForOneTenantIsNotAnsweredForAnother() {
        VerifiedTokens<String> tokens = tokens();
        tokens.remember(VerifiedTokens.key("Default", TOKEN), "alice", NOW + 60, NOW);

        assertThat(tokens.lookup(VerifiedTokens.key("partners", TOKEN))).isNull();
        // the separator keeps ("ab", "c") and ("a", "bc") apart
        assertThat(VerifiedTokens.key("ab", "c")).isNotEqualTo(VerifiedTokens.key("a", "bc"));
    }

    @Test
    void theKeyIsAHashNotTheToken() {
        String key = VerifiedTokens.key("Default", TOKEN);
        assertThat(key).hasSize(43).doesNotContain("eyJ");
        assertThat(VerifiedTokens.key("Default", TOKEN)).isEqualTo(key);
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens<String> tokens = tokens(10, Duration.ofMinutes(5), null);
        for (int i = 0; i < 1000; i++) {
            tokens.remember(VerifiedTokens.key("Default", TOKEN + i), "user" + i, NOW + 60, NOW);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void expiredEntriesAreEvicted() {
        VerifiedTokens<String> tokens = tokens();
        for (int i = 0; i < 50; i++) {
            tokens.remember(VerifiedTokens.key("Default", TOKEN + i), "user" + i, NOW + 10 + i, NOW);
        }
        advance(Duration.ofSeconds(35));
        assertThat(tokens.size()).as("exp NOW + 36 ... NOW + 59 are left").isEqualTo(24);
        advance(Duration.ofMinutes(1));
        assertThat(tokens.size()).isZero();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> tokens(0, Duration.ofMinutes(5), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens(10, Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
    }
}

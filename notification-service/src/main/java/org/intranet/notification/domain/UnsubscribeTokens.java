package org.intranet.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;

/**
 * One-click unsubscribe links that need no sign-in: the token names the employee and what to stop ({@code scope}: a
 * notification type, or {@code DIGEST}) until when, signed with HMAC-SHA256. Nothing but a valid signature and an
 * unexpired date changes anything.
 */
@ApplicationScoped
public class UnsubscribeTokens {
    public static final String DIGEST = "DIGEST";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 600;

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    UnsubscribeTokens(NotificationConfig config) {
        String secret = config.email().unsubscribeSecret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("intranet.notification.email.unsubscribe-secret must have at least 32 "
                    + "characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.validity = config.email().unsubscribeValidity();
        this.clock = Clock.systemUTC();
    }

    /** What a valid token asks for. */
    public record Unsubscribe(String employeeId, String scope) {
    }

    public String sign(String employeeId, String scope) {
        long until = Instant.now(clock).plus(validity).getEpochSecond();
        byte[] payload = (employeeId + "\n" + scope + "\n" + until).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** @return empty for a forged, altered, malformed or expired token */
    public Optional<Unsubscribe> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            if (!MessageDigest.isEqual(mac(payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(Instant.now(clock))) {
                return Optional.empty();
            }
            return Optional.of(new Unsubscribe(parts[0], parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, or not a number
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}

package org.intranet.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripToMicroseconds() {
        Cursor cursor = new Cursor(Instant.parse("2026-03-01T10:15:30.123456Z"), UUID.randomUUID());
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode(" ")).isNull();
    }

    @Test
    void aTamperedCursorIsAnInvalidRequest() {
        for (String bad : new String[] {"not base64!", encode("hello"), encode("2026-03-01T10:15:30Z|not-a-uuid"),
                encode("yesterday|" + UUID.randomUUID()), "A".repeat(500)}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("cursor");
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}

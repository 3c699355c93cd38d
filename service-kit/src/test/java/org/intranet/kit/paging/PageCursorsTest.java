package org.intranet.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.intranet.kit.config.PagingConfig;
import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorsTest {
    private static final PagingConfig CONFIG = () -> "a-test-key-of-at-least-thirty-two-characters";
    private final PageCursors cursors = new PageCursors(CONFIG);
    private final Position position = new Position(Instant.parse("2026-11-29T10:15:30.123456Z"),
            UUID.fromString("6f1c2b1e-8a57-4a8e-9e43-3c1f0f6f8a10"));

    @Test
    void aPositionRoundTripsForItsCaller() {
        String cursor = cursors.encode("alice", position);
        assertThat(cursors.decodePosition("alice", cursor)).isEqualTo(position);
    }

    @Test
    void noCursorMeansTheFirstPageAndNoNextMeansTheLast() {
        assertThat(cursors.decodePosition("alice", null)).isNull();
        assertThat(cursors.decodePosition("alice", " ")).isNull();
        assertThat(cursors.encode("alice", (Position) null)).isNull();
    }

    @Test
    void anotherUsersCursorIsRefused() {
        String cursor = cursors.encode("alice", position);
        assertThatThrownBy(() -> cursors.decodePosition("bob", cursor))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cursor is not valid");
    }

    @Test
    void anEditedCursorIsRefused() {
        String cursor = cursors.encode("alice", position);
        String keys = cursor.substring(0, cursor.indexOf('.'));
        String later = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2030-01-01T00:00:00Z\u001f" + position.id()).getBytes());
        assertThatThrownBy(() -> cursors.decodePosition("alice", cursor.replace(keys, later)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        String foreign = new PageCursors(() -> "another-key-of-at-least-thirty-two-characters").encode("alice",
                position);
        assertThatThrownBy(() -> cursors.decodePosition("alice", foreign)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", ".", "x.", "%%%.###", "MjAyNg"})
    void madeUpCursorsAreA400NeverA500(String cursor) {
        assertThatThrownBy(() -> cursors.decodePosition("alice", cursor)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anOverlongCursorIsRefusedBeforeAnyWork() {
        assertThatThrownBy(() -> cursors.decodePosition("alice", "a".repeat(PageCursors.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void keysOfAnotherArityAreRefused() {
        String three = cursors.encode("alice", List.of("1", "2", "3"));
        assertThatThrownBy(() -> cursors.decode("alice", three, 2)).isInstanceOf(InvalidRequestException.class);
        assertThat(cursors.decode("alice", three, 3)).containsExactly("1", "2", "3");
    }

    @Test
    void aShortKeyIsRefusedAtStartup() {
        assertThatThrownBy(() -> new PageCursors(() -> "short")).isInstanceOf(IllegalStateException.class);
    }
}

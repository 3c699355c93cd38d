package org.intranet.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void aMentionReadsAsActorThenPlainTextOfTheBody() {
        assertThat(NotificationText.mention("Alice Martin",
                "<p>Welcome <a href=\"/people/bob\">@bob</a> to <a href=\"/topics/onboarding\">#onboarding</a></p>"))
                .isEqualTo("Alice Martin mentioned you: Welcome @bob to #onboarding");
    }

    @Test
    void theSummaryNeverExceeds200CharactersAndEndsWithAnEllipsisWhenCut() {
        String text = NotificationText.mention("Alice Martin", "<p>" + "word ".repeat(100) + "</p>");
        assertThat(text).hasSizeLessThanOrEqualTo(NotificationText.MAX_LENGTH).startsWith(
                "Alice Martin mentioned you: word word").endsWith("word…");
        String noSpaces = NotificationText.mention("A", "x".repeat(500));
        assertThat(noSpaces).hasSize(NotificationText.MAX_LENGTH).endsWith("x…");
    }

    @Test
    void aMissingActorOrBodyStillGivesASentence() {
        assertThat(NotificationText.mention(null, null)).isEqualTo("Someone mentioned you");
        assertThat(NotificationText.mention("  ", "<p></p>")).isEqualTo("Someone mentioned you");
    }
}

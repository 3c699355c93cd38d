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
    void tagsAreStrippedAndEntitiesDecodedIntoPlainText() {
        assertThat(NotificationText.plainText("<p>R&amp;D &lt;3 <b>Q3</b>&nbsp;plan&#33; &#x1F389;</p><p>Next</p>"))
                .isEqualTo("R&D <3 Q3 plan! \uD83C\uDF89 Next");
        assertThat(NotificationText.plainText("line<br>break<br/>here")).isEqualTo("line break here");
        assertThat(NotificationText.plainText("<script>alert(1)</script>safe<style>p{}</style>"))
                .isEqualTo("safe");
        assertThat(NotificationText.plainText("text then a cut-off <a href=\"x")).isEqualTo("text then a cut-off");
        assertThat(NotificationText.plainText("&unknown; &#0; stays")).isEqualTo("&unknown; stays");
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
    void cuttingNeverSplitsAnEmoji() {
        String emoji = "\uD83C\uDF89";
        String text = NotificationText.truncate("a".repeat(198) + emoji + "tail", 200);
        assertThat(text).hasSizeLessThanOrEqualTo(200).endsWith("a…");
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 2))).isFalse();
    }

    @Test
    void aMissingActorOrBodyStillGivesASentence() {
        assertThat(NotificationText.mention(null, null)).isEqualTo("Someone mentioned you");
        assertThat(NotificationText.mention("  ", "<p></p>")).isEqualTo("Someone mentioned you");
    }
}

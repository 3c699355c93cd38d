package org.intranet.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void tagsGoAndBlocksAndLineBreaksBecomeSpaces() {
        assertThat(PlainText.of("<p>Welcome to <b>onboarding</b></p><p>week</p>")).isEqualTo(
                "Welcome to onboarding week");
        assertThat(PlainText.of("line<br>break<br/>here")).isEqualTo("line break here");
    }

    @Test
    void entitiesAreDecodedSoWhoeverRendersEscapesThemOnce() {
        assertThat(PlainText.of("Q&amp;A &lt;script&gt; &#64;bob &#x27;hi&#x27; &nbsp;"))
                .isEqualTo("Q&A <script> @bob 'hi'");
        assertThat(PlainText.of("<p>R&amp;D &lt;3 <b>Q3</b>&nbsp;plan&#33; &#x1F389;</p><p>Next</p>"))
                .isEqualTo("R&D <3 Q3 plan! \uD83C\uDF89 Next");
    }

    @Test
    void scriptAndStyleContentIsDropped() {
        assertThat(PlainText.of("a<script>alert(1)</script>b<style>p{}</style>c")).isEqualTo("a b c");
    }

    @Test
    void unknownEntitiesStayAsWrittenAndCutOffMarkupIsDropped() {
        assertThat(PlainText.of("&bogus; &#99999999; & alone")).isEqualTo("&bogus; \uFFFD & alone");
        assertThat(PlainText.of("text then a cut-off <a href=\"x")).isEqualTo("text then a cut-off");
    }

    @Test
    void nullOrEmptyIsEmpty() {
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of("")).isEmpty();
        assertThat(PlainText.truncate(null, 10)).isEmpty();
    }

    @Test
    void truncatingCutsAtAWordBoundaryWithinTheLimitEllipsisIncluded() {
        assertThat(PlainText.truncate("one two three four", 10)).isEqualTo("one two…");
        assertThat(PlainText.truncate("short", 10)).isEqualTo("short");
        assertThat(PlainText.truncate("abcdefghijklmnop", 5)).isEqualTo("abcd…");
        assertThat(PlainText.truncate("x".repeat(500), 200)).hasSize(200).endsWith("x…");
    }

    @Test
    void truncatingNeverSplitsAnEmoji() {
        String text = PlainText.truncate("a".repeat(198) + "\uD83C\uDF89" + "tail", 200);
        assertThat(text).hasSizeLessThanOrEqualTo(200).endsWith("a…");
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 2))).isFalse();
    }
}

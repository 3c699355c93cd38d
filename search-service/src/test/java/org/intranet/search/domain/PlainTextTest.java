package org.intranet.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void tagsGoAndBlocksBecomeSpaces() {
        assertThat(PlainText.of("<p>Welcome to <b>onboarding</b></p><p>week</p>"))
                .isEqualTo("Welcome to onboarding week");
    }

    @Test
    void entitiesAreDecodedSoTheHighlighterEscapesThemOnce() {
        assertThat(PlainText.of("Q&amp;A &lt;script&gt; &#64;bob &#x27;hi&#x27; &nbsp;"))
                .isEqualTo("Q&A <script> @bob 'hi'");
    }

    @Test
    void scriptAndStyleContentIsDropped() {
        assertThat(PlainText.of("a<script>alert(1)</script>b<style>p{}</style>c")).isEqualTo("a b c");
    }

    @Test
    void unknownEntitiesStayAsWrittenAndImpossibleOnesReadAsABrowserShowsThem() {
        assertThat(PlainText.of("&bogus; &#99999999; & alone")).isEqualTo("&bogus; \uFFFD & alone");
    }

    @Test
    void nullOrEmptyIsEmpty() {
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of("")).isEmpty();
    }

    @Test
    void snippetsCutAtAWordBoundaryWithAnEllipsis() {
        assertThat(PlainText.snippet("one two three four", 10)).isEqualTo("one two…");
        assertThat(PlainText.snippet("short", 10)).isEqualTo("short");
        assertThat(PlainText.snippet("abcdefghijklmnop", 5)).isEqualTo("abcde…");
    }
}

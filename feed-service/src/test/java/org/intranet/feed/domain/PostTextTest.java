package org.intranet.feed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void mentionsAreHandlesAfterAnAtSignButNotEmailAddresses() {
        assertThat(PostText.handles("Welcome @bob and @Jean.Dupont. Mail me at alice@example.com"))
                .containsExactly("bob", "Jean.Dupont");
    }

    @Test
    void hashtagsAreLowerCasedAndDeduplicated() {
        assertThat(PostText.hashtags("#Onboarding day! #onboarding #été_2026 and C# is not a tag"))
                .containsExactly("onboarding", "été_2026");
    }

    @Test
    void tagsInsideMarkupAttributesDoNotCount() {
        assertThat(PostText.hashtags("<a href=\"https://x.example/#anchor\">link</a> #real")).containsExactly("real");
    }

    @Test
    void sanitizingKeepsFormattingAndDropsScriptsAndHandlers() {
        String clean = PostText.sanitize("<p onclick=\"x()\"><b>Hi</b> <script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">bad</a> <a href=\"https://ok.example\">good</a></p>");
        assertThat(clean).contains("<b>Hi</b>").contains("href=\"https://ok.example\"").contains("nofollow")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");
    }

    @Test
    void mentionsAndArithmeticReadAsTyped() {
        assertThat(PostText.sanitize("Welcome @bob: 1 + 1 = 2")).isEqualTo("Welcome @bob: 1 + 1 = 2");
    }

    @Test
    void quotesAndBackticksStayEncoded() {
        assertThat(PostText.sanitize("<a href=\"https://x.example/?a=1\">\"q\" `b`</a>"))
                .doesNotContain("`").contains("href=\"https://x.example/?a=1\"");
    }

    @Test
    void plainTextIsEscapedNotInterpreted() {
        assertThat(PostText.sanitize("1 < 2 & 3 > 2")).isEqualTo("1 &lt; 2 &amp; 3 &gt; 2");
    }
}

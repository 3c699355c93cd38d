package org.intranet.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void wordsPhrasesAndExclusionsAreReadAsPeopleTypeThem() {
        UserText t = UserText.parse("travel \"expense policy\" -draft pari");
        assertThat(t.words()).containsExactly("travel", "pari");
        assertThat(t.phrases()).containsExactly("expense policy");
        assertThat(t.excluded()).containsExactly("draft");
        assertThat(t.prefix()).as("the last word is still being typed").isTrue();
        assertThat(UserText.parse("travel policy ").prefix()).as("a trailing space finishes it").isFalse();
        assertThat(UserText.parse("\"travel policy\"").prefix()).isFalse();
    }

    @Test
    void engineSyntaxIsPlainTextAndNothingWithoutALetterIsSearched() {
        assertThat(UserText.parse("title:/.*/").words()).containsExactly("title:/.*/");
        assertThat(UserText.parse("*:*").isEmpty()).isTrue();
        assertThat(UserText.parse("( ) [ ] ~ ^").isEmpty()).isTrue();
        assertThat(UserText.parse("-draft").isEmpty()).as("only an exclusion finds nothing").isTrue();
    }

    @Test
    void anUnbalancedQuoteIsIgnoredAndTheRestIsStillAPhrase() {
        UserText t = UserText.parse("\"expense policy\" \"open");
        assertThat(t.phrases()).containsExactly("expense policy");
        assertThat(t.words()).containsExactly("open");
        assertThat(UserText.parse("\"never closed").words()).containsExactly("never", "closed");
    }

    @Test
    void aVeryLongTextIsCutAtThirtyTwoTerms() {
        String many = String.join(" ", java.util.Collections.nCopies(100, "word"));
        assertThat(UserText.parse(many).words()).hasSize(UserText.MAX_TERMS);
        assertThat(UserText.parse("a\u0000b").words()).isEqualTo(List.of("a", "b"));
    }
}

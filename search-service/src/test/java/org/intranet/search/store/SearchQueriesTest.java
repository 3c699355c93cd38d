package org.intranet.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueriesTest {

    @Test
    void topicPrefixesAreEscapedBeforeTheyBecomeARegularExpression() {
        assertThat(QueryParts.regexEscape("kafka")).isEqualTo("kafka");
        assertThat(QueryParts.regexEscape("a.b*")).isEqualTo("a\\.b\\*");
        assertThat(QueryParts.regexEscape("(x|y)~\"")).isEqualTo("\\(x\\|y\\)\\~\\\"");
        assertThat(QueryParts.regexEscape("café")).isEqualTo("café");
    }

    @Test
    void versionedIndexNamesFollowTheAlias() {
        assertThat(SearchIndex.POSTS.versioned(3)).isEqualTo("posts_v3");
        assertThat(SearchIndex.POSTS.versionOf("posts_v12")).isEqualTo(12);
        assertThat(SearchIndex.POSTS.versionOf("people_v2")).isZero();
        assertThat(SearchIndex.PEOPLE.versionOf("people_vx")).isZero();
    }
}

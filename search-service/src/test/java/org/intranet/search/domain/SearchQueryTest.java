package org.intranet.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static SearchQuery.Filters none() {
        return SearchQuery.filters(null, null, null, null, null, null, null, null);
    }

    @Test
    void allSearchesBothTypesUntilAFilterOnlyPostsHaveNarrowsIt() {
        SearchQuery all = SearchQuery.of("x", "all", none(), 20, null);
        assertThat(all.searchesPosts()).isTrue();
        assertThat(all.searchesPeople()).isTrue();

        SearchQuery sales = SearchQuery.of("x", "all",
                SearchQuery.filters("Sales", null, null, null, null, null, null, null), 20, null);
        assertThat(sales.searchesPosts()).as("posts by their author's department").isTrue();
        assertThat(sales.searchesPeople()).isTrue();

        SearchQuery tagged = SearchQuery.of("x", "ALL",
                SearchQuery.filters(null, null, null, "#Onboarding", null, null, null, null), 20, null);
        assertThat(tagged.searchesPeople()).isFalse();
        assertThat(tagged.filters().tag()).isEqualTo("onboarding");
    }

    @Test
    void typeIsOneOfThree() {
        assertThat(SearchQuery.of("x", "people", none(), 20, null).searchesPosts()).isFalse();
        assertThatThrownBy(() -> SearchQuery.of("x", "groups", none(), 20, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("type");
    }

    @Test
    void datesCoverWholeDaysAndInstantsAreExact() {
        SearchQuery.Filters days = SearchQuery.filters(null, null, null, null, null, null, "2026-01-01", "2026-01-31");
        assertThat(days.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2026-01-31T23:59:59.999Z"));
        SearchQuery.Filters instants = SearchQuery.filters(null, null, null, null, null, null,
                "2026-01-01T09:00:00Z", null);
        assertThat(instants.from()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
    }

    @Test
    void badDatesAndReversedRangesAreRefused() {
        assertThatThrownBy(() -> SearchQuery.filters(null, null, null, null, null, null, "yesterday", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> SearchQuery.filters(null, null, null, null, null, null, "2026-02-01", "2026-01-01"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("after");
    }

    @Test
    void searchAfterKeysRoundTripAndOddScoresAreRefused() {
        SearchAfter after = new SearchAfter(0.3596026, "post-1|x", false);
        assertThat(SearchAfter.of(after.keys())).isEqualTo(after);
        SearchAfter fuzzy = new SearchAfter(1.5, "post-2", true);
        assertThat(SearchAfter.of(fuzzy.keys())).as("a fuzzy page's next page is fuzzy too").isEqualTo(fuzzy);
        assertThat(SearchAfter.of(null)).isNull();
        assertThatThrownBy(() -> SearchAfter.of(java.util.List.of("NaN", "x", "exact")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> SearchAfter.of(java.util.List.of("1.0", "", "exact")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SearchAfter.of(java.util.List.of("1.0", "x", "maybe")))
                .isInstanceOf(InvalidRequestException.class);
    }
}

package org.intranet.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitTest {
    @Test
    void absentMeansTwenty() {
        assertThat(PageLimit.parse(null)).isEqualTo(20);
        assertThat(PageLimit.parse("")).isEqualTo(20);
    }

    @Test
    void oneToAHundredAreTakenAsTheyAre() {
        assertThat(PageLimit.parse("1")).isEqualTo(1);
        assertThat(PageLimit.parse(" 100 ")).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", "99999999999"})
    void anythingElseIsOneClearError(String limit) {
        assertThatThrownBy(() -> PageLimit.parse(limit)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("limit must be a whole number from 1 to 100");
    }
}

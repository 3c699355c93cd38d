package org.intranet.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ListParametersTest {

    @Test
    void limitDefaultsTo20AndAcceptsOneToAHundred() {
        assertThat(ListParameters.limit(null)).isEqualTo(20);
        assertThat(ListParameters.limit("1")).isEqualTo(1);
        assertThat(ListParameters.limit(" 100 ")).isEqualTo(100);
    }

    @Test
    void limitOutsideOneToAHundredOrNotANumberIsRefused() {
        for (String bad : new String[] {"0", "-1", "101", "ten", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> ListParameters.limit(bad)).as(bad)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit");
        }
    }

    @Test
    void unreadIsTrueFalseOrAbsent() {
        assertThat(ListParameters.unreadOnly(null)).isFalse();
        assertThat(ListParameters.unreadOnly("false")).isFalse();
        assertThat(ListParameters.unreadOnly("TRUE")).isTrue();
        assertThatThrownBy(() -> ListParameters.unreadOnly("yes")).isInstanceOf(InvalidRequestException.class);
    }
}

package org.intranet.feed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReachTest {
    @Test
    void cellsAddUpInAllPerDepartmentAndPerLocationLargestFirstThoseWithoutOneLast() {
        Reach reach = Reach.of(List.of(
                new Reach.Cell("Sales", "Paris", 4, 3, 1),
                new Reach.Cell("Sales", "Lyon", 2, 1, 1),
                new Reach.Cell("Legal", "Paris", 1, 0, 0),
                new Reach.Cell(null, "Paris", 3, 3, 3)));
        assertThat(reach.audience()).isEqualTo(10);
        assertThat(reach.seen()).isEqualTo(7);
        assertThat(reach.acknowledged()).isEqualTo(5);
        assertThat(reach.seenRate()).isEqualTo(0.7);
        assertThat(reach.byDepartment()).containsExactly(new Reach.Part("Sales", 6, 4, 2),
                new Reach.Part(null, 3, 3, 3), new Reach.Part("Legal", 1, 0, 0));
        assertThat(reach.byLocation()).containsExactly(new Reach.Part("Paris", 8, 6, 4),
                new Reach.Part("Lyon", 2, 1, 1));
    }

    @Test
    void anEmptyAudienceHasRatesOfZero() {
        Reach reach = Reach.of(List.of());
        assertThat(reach.audience()).isZero();
        assertThat(reach.acknowledgedRate()).isZero();
        assertThat(reach.byDepartment()).isEmpty();
    }
}

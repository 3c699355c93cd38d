package org.intranet.feed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AudienceTest {
    private final Set<String> salesInParis = Audience.principalsOf("u1", "Sales", "Paris", List.of("g1"));

    @Test
    void readersHoldEveryoneThemselvesTheirDepartmentLocationAndGroups() {
        assertThat(salesInParis).containsExactlyInAnyOrder("all", "user:u1", "dept:Sales", "loc:Paris", "group:g1");
    }

    @Test
    void aPostIsVisibleWhenItsAudienceMeetsTheReader() {
        assertThat(Audience.canSee(List.of("dept:Sales"), "x", salesInParis, "u1")).isTrue();
        assertThat(Audience.canSee(List.of("group:g1"), "x", salesInParis, "u1")).isTrue();
        assertThat(Audience.canSee(List.of("all"), "x", salesInParis, "u1")).isTrue();
    }

    @Test
    void aPostIsHiddenFromOutsidersButNotFromItsAuthor() {
        assertThat(Audience.canSee(List.of("group:g2", "dept:Legal"), "x", salesInParis, "u1")).isFalse();
        assertThat(Audience.canSee(List.of("group:g2"), "u1", salesInParis, "u1")).isTrue();
    }

    @Test
    void readersWithoutDepartmentOrLocationStillSeeCompanyWidePosts() {
        Set<String> unknown = Audience.principalsOf("u2", null, null, List.of());
        assertThat(unknown).containsExactlyInAnyOrder("all", "user:u2");
    }
}

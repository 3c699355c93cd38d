package org.intranet.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrincipalsTest {
    private final Principals salesInParis = Principals.of("u1", "Sales", "Paris", List.of("g1"));

    @Test
    void everyoneHasAllTheirUserTheirDepartmentLocationAndGroups() {
        assertThat(salesInParis.values())
                .containsExactlyInAnyOrder("all", "user:u1", "dept:Sales", "loc:Paris", "group:g1");
    }

    @Test
    void unknownDepartmentAndLocationAddNoPrincipal() {
        assertThat(Principals.of("u2", null, " ", List.of()).values()).containsExactlyInAnyOrder("all", "user:u2");
    }

    @Test
    void aPostIsVisibleWhenItsAudienceSharesAPrincipal() {
        assertThat(salesInParis.canSee("other", List.of("dept:Sales"))).isTrue();
        assertThat(salesInParis.canSee("other", List.of("all"))).isTrue();
        assertThat(salesInParis.canSee("other", List.of("group:g1", "dept:HR"))).isTrue();
        assertThat(salesInParis.canSee("other", List.of("user:u1"))).isTrue();
    }

    @Test
    void nonMembersOtherDepartmentsAndOtherUsersDoNotSeeThePost() {
        assertThat(salesInParis.canSee("other", List.of("group:g2"))).isFalse();
        assertThat(salesInParis.canSee("other", List.of("dept:Engineering", "loc:Lyon"))).isFalse();
        assertThat(salesInParis.canSee("other", List.of("user:u9"))).isFalse();
        assertThat(salesInParis.canSee("other", List.of())).isFalse();
    }

    @Test
    void theAuthorAlwaysSeesTheirOwnPost() {
        assertThat(salesInParis.canSee("u1", List.of("group:g2"))).isTrue();
        assertThat(salesInParis.canSee("u1", List.of())).isTrue();
    }

    @Test
    void principalsAreExactNotPrefixes() {
        assertThat(Principals.of("u3", "Sales", null, List.of()).canSee("x", List.of("dept:Sales EMEA"))).isFalse();
    }
}

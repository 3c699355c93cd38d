package org.intranet.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrincipalsTest {
    private static final Principals SALES_IN_PARIS_IN_G1 = Principals.of("u1", "Sales", "Paris", List.of("g1"));

    @Test
    void everyoneSeesACompanyWidePost() {
        assertThat(Principals.of("u1", null, null, List.of()).canSee(List.of("all"))).isTrue();
    }

    @Test
    void aMemberSeesTheirGroupsPostAndANonMemberDoesNot() {
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("group:g1"))).isTrue();
        assertThat(Principals.of("u2", "Sales", "Paris", List.of()).canSee(List.of("group:g1"))).isFalse();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("group:g2"))).isFalse();
    }

    @Test
    void departmentAndLocationTargetingMatchExactly() {
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("dept:Sales"))).isTrue();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("dept:Engineering"))).isFalse();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("loc:Paris"))).isTrue();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("loc:Lyon", "dept:Marketing"))).isFalse();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("loc:Lyon", "dept:Sales"))).isTrue();
    }

    @Test
    void anUnknownDepartmentSeesNothingTargetedAtDepartments() {
        Principals unknown = Principals.of("u1", null, " ", List.of());
        assertThat(unknown.values()).containsExactlyInAnyOrder("all", "user:u1");
        assertThat(unknown.canSee(List.of("dept:null", "dept:", "loc:"))).isFalse();
    }

    @Test
    void aPostAddressedToOneUserIsVisibleToThatUserOnly() {
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("user:u1"))).isTrue();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of("user:u2"))).isFalse();
    }

    @Test
    void aMissingOrEmptyAudienceIsVisibleToNobody() {
        assertThat(SALES_IN_PARIS_IN_G1.canSee(null)).isFalse();
        assertThat(SALES_IN_PARIS_IN_G1.canSee(List.of())).isFalse();
    }
}

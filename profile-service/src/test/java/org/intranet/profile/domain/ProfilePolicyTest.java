package org.intranet.profile.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ProfilePolicyTest {
    private static Caller caller(String id, String... roles) {
        return new Caller(id, id, Set.of(roles), null);
    }

    @Test
    void everyoneMayEditTheirOwnProfile() {
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "a")).doesNotThrowAnyException();
    }

    @Test
    void anEmployeeMayNotEditAnothersProfile() {
        assertThatThrownBy(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "b"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hrAndAdminsMayEditAnyProfile() {
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("h", "employee", "hr"), "b"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("x", "admin"), "b")).doesNotThrowAnyException();
    }
}

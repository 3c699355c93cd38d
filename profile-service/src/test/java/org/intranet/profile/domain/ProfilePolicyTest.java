package org.intranet.profile.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ProfilePolicyTest {
    private static final ProfileChange TITLE = new ProfileChange("Engineer", null, null, List.of("java"), null);
    private static final ProfileChange MOVE = new ProfileChange(null, "Finance", null, null, null);

    private static Caller caller(String id, String... roles) {
        return new Caller(id, id, Set.of(roles), null);
    }

    @Test
    void everyoneMayEditTheirOwnTitleAndSkills() {
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "a", TITLE))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmployeeMayNotMoveThemselvesToAnotherDepartmentLocationOrManager() {
        assertThatThrownBy(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "a", MOVE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("HR");
        assertThatThrownBy(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "a",
                new ProfileChange(null, null, "Lyon", null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "a",
                new ProfileChange(null, null, null, null, "boss"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEmployeeMayNotEditAnothersProfile() {
        assertThatThrownBy(() -> ProfilePolicy.requireCanEdit(caller("a", "employee"), "b", TITLE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hrAndAdminsMayEditAnyProfileEntirely() {
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("h", "employee", "hr"), "b", MOVE))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProfilePolicy.requireCanEdit(caller("x", "admin"), "b", MOVE)).doesNotThrowAnyException();
    }
}

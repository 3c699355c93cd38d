package org.intranet.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ProfilePolicyTest {
    private static final ProfilePolicy POLICY = new ProfilePolicy(ProfilePolicy.selfEditable(
            Set.of("title", "bio", "skills", "phone", "pronouns", "languages", "timeZone", "avatarUrl")));
    private static final ProfileChange TITLE = ProfileChange.of("Engineer", null, null, List.of("java"), null);
    private static final ProfileChange MOVE = ProfileChange.of(null, "Finance", null, null, null);
    private static final Map<String, CustomField> FIELDS = Map.of(
            "shirt", new CustomField("shirt", "T-shirt size", CustomField.Type.CHOICE, List.of("S", "M"), true, 0),
            "costCentre", new CustomField("costCentre", "Cost centre", CustomField.Type.TEXT, List.of(), false, 1));

    private static Caller caller(String id, String... roles) {
        return new Caller(id, id, Set.of(roles), null);
    }

    private static ProfileChange custom(Map<String, Object> values) {
        return new ProfileChange(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, values);
    }

    @Test
    void everyoneMayEditTheirOwnSelfEditableFields() {
        assertThatCode(() -> POLICY.requireCanEdit(caller("a", "employee"), "a", TITLE, Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> POLICY.requireCanEdit(caller("a", "employee"), "a", custom(Map.of("shirt", "M")),
                FIELDS)).doesNotThrowAnyException();
    }

    @Test
    void anEmployeeMayNotMoveThemselvesToAnotherDepartmentLocationOrManager() {
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "a", MOVE, Map.of()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("department").hasMessageContaining("HR");
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "a",
                ProfileChange.of(null, null, "Lyon", null, null), Map.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "a",
                ProfileChange.of(null, null, null, null, "boss"), Map.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEmployeeMayNotSetAnHrFieldNorACustomFieldThatIsNotTheirs() {
        ProfileChange number = new ProfileChange(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "E-1", null, null);
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "a", number, Map.of()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("employeeNumber");
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "a",
                custom(Map.of("costCentre", "42")), FIELDS))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("custom.costCentre");
    }

    @Test
    void anEmployeeMayNotEditAnothersProfile() {
        assertThatThrownBy(() -> POLICY.requireCanEdit(caller("a", "employee"), "b", TITLE, Map.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hrAndAdminsMayEditAnyProfileEntirely() {
        assertThatCode(() -> POLICY.requireCanEdit(caller("h", "employee", "hr"), "b", MOVE, Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> POLICY.requireCanEdit(caller("x", "admin"), "b", custom(Map.of("costCentre", "42")),
                FIELDS)).doesNotThrowAnyException();
    }

    @Test
    void targetingFieldsCannotBeConfiguredSelfEditable() {
        for (String field : List.of("department", "location", "managerId", "status")) {
            assertThatThrownBy(() -> ProfilePolicy.selfEditable(Set.of("bio", field)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(field);
        }
        assertThatThrownBy(() -> ProfilePolicy.selfEditable(Set.of("shoeSize")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a profile field");
        assertThat(ProfilePolicy.selfEditable(Set.of("bio", " phone"))).containsExactlyInAnyOrder(ProfileField.BIO,
                ProfileField.PHONE);
    }
}

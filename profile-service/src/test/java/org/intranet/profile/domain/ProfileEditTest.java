package org.intranet.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.intranet.kit.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ProfileEditTest {
    private static final Map<String, CustomField> FIELDS = Map.of(
            "since", new CustomField("since", "Mentor since", CustomField.Type.DATE, List.of(), true, 0));

    private static Employee alice() {
        Employee e = new Employee();
        e.id = "a";
        e.displayName = "Alice";
        e.title = "Engineer";
        e.skills = List.of("java");
        return e;
    }

    private static ProfileChange change(String title, String phone, List<String> skills, LocalDate start,
            Map<String, Object> custom) {
        return new ProfileChange(null, null, null, null, title, null, null, null, null, phone, null, null, null,
                skills, null, start, null, null, custom);
    }

    @Test
    void onlyWhatReallyChangesIsReported() {
        Employee e = alice();
        assertThat(ProfileEdit.apply(e, change(" Engineer ", null, List.of("java", " java"), null, null), FIELDS))
                .isEmpty();
        assertThat(ProfileEdit.apply(e, change("Lead", "+33 1", List.of("java"), LocalDate.of(2020, 1, 6), null),
                FIELDS)).containsExactly("title", "phone", "startDate");
        assertThat(e.title).isEqualTo("Lead");
        assertThat(e.startDate).isEqualTo(LocalDate.of(2020, 1, 6));
    }

    @Test
    void anEmptyTextClearsAnOptionalFieldButNotARequiredOne() {
        Employee e = alice();
        assertThat(ProfileEdit.apply(e, change("", null, null, null, null), FIELDS)).containsExactly("title");
        assertThat(e.title).isNull();
        ProfileChange noName = new ProfileChange(" ", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ProfileEdit.apply(alice(), noName, FIELDS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("displayName");
    }

    @Test
    void customValuesAreValidatedStoredNormalisedAndRemovedByNull() {
        Employee e = alice();
        assertThat(ProfileEdit.apply(e, change(null, null, null, null, Map.of("since", "2024-02-29")), FIELDS))
                .containsExactly("custom.since");
        assertThat(e.custom).containsEntry("since", "2024-02-29");
        assertThatThrownBy(() -> ProfileEdit.apply(e, change(null, null, null, null, Map.of("since", "soon")),
                FIELDS)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("custom.since");
        Map<String, Object> remove = new HashMap<>();
        remove.put("since", null);
        assertThat(ProfileEdit.apply(e, change(null, null, null, null, remove), FIELDS))
                .containsExactly("custom.since");
        assertThat(e.custom).doesNotContainKey("since");
        assertThatThrownBy(() -> ProfileEdit.apply(e, change(null, null, null, null, Map.of("shoe", 42)), FIELDS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("custom.shoe");
    }
}

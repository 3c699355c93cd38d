package org.intranet.profile.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.profile.domain.CustomField;
import org.intranet.profile.domain.ProfileText;

/** {@code PUT /api/profiles/fields/{key}}: a custom field's definition (the key is in the path). */
public record CustomFieldRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String label,
        @NotNull
        CustomField.Type type,
        @Size(max = 100)
        List<@NotBlank @Size(max = 80) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE) String> choices,
        boolean selfEditable,
        @Min(0) @Max(1000)
        int position) {

    public CustomField toField(String key) {
        return new CustomField(key, label.strip(), type, choices == null ? List.of() : List.copyOf(choices),
                selfEditable, position);
    }
}

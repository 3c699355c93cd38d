package org.intranet.profile.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.profile.config.ProfileConfig;

/**
 * Who may change what. HR and admins change any field of anyone. An employee changes only their own profile, and
 * of it only the self-editable fields and custom fields marked self-editable. Department, location, manager and
 * status decide what a person may read, so they are never self-editable, whatever the configuration says.
 */
@ApplicationScoped
public class ProfilePolicy {
    private final Set<ProfileField> selfEditable;

    @Inject
    ProfilePolicy(ProfileConfig config) {
        this(selfEditable(config.selfEditable()));
    }

    ProfilePolicy(Set<ProfileField> selfEditable) {
        this.selfEditable = selfEditable;
    }

    static Set<ProfileField> selfEditable(Set<String> names) {
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        for (String name : names) {
            ProfileField field = ProfileField.byJson(name.strip()).orElseThrow(() -> new IllegalStateException(
                    "intranet.profile.self-editable names '" + name + "', which is not a profile field"));
            if (field.targeting) {
                throw new IllegalStateException("intranet.profile.self-editable names '" + name
                        + "': it decides what a person may read, so only HR, an admin or provisioning set it");
            }
            fields.add(field);
        }
        return fields;
    }

    public static boolean privileged(Caller caller) {
        return caller.isHrOrAdmin();
    }

    /** The fields an employee may change on themselves, for clients to know which inputs to offer. */
    public Set<ProfileField> selfEditable() {
        return selfEditable;
    }

    public void requireCanEdit(Caller caller, String employeeId, ProfileChange change,
            Map<String, CustomField> definitions) {
        if (privileged(caller)) {
            return;
        }
        if (!caller.id().equals(employeeId)) {
            throw new AccessDeniedException("only HR or an admin may edit another employee's profile");
        }
        List<String> refused = new ArrayList<>();
        for (ProfileField field : change.fields()) {
            if (!selfEditable.contains(field)) {
                refused.add(field.json);
            }
        }
        for (String key : change.customOrEmpty().keySet()) {
            CustomField definition = definitions.get(key);
            // an unknown key is a 400 later; here only a known one that is not the person's to set
            if (definition != null && !definition.selfEditable()) {
                refused.add(ProfileField.CUSTOM + key);
            }
        }
        if (!refused.isEmpty()) {
            throw new AccessDeniedException("you may not change " + String.join(", ", refused)
                    + " on your own profile: HR or the HR system sets it; you may change "
                    + selfEditable.stream().map(f -> f.json).collect(Collectors.joining(", ")));
        }
    }
}

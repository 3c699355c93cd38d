package org.intranet.profile.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.store.CustomFieldStore;

/** Admins define the custom fields every profile has; everyone may read the definitions (to render them). */
@ApplicationScoped
public class CustomFieldService {
    private final CustomFieldStore store;

    CustomFieldService(CustomFieldStore store) {
        this.store = store;
    }

    public List<CustomField> all() {
        return store.all();
    }

    public Map<String, CustomField> byKey() {
        Map<String, CustomField> byKey = new LinkedHashMap<>();
        store.all().forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }

    /** @return true when the field is new */
    @Transactional
    public boolean put(Caller caller, CustomField field) {
        requireAdmin(caller);
        if (ProfileField.byJson(field.key()).isPresent()) {
            throw new InvalidRequestException("custom field " + field.key() + " would shadow the built-in field");
        }
        boolean choice = field.type() == CustomField.Type.CHOICE;
        if (choice == field.choices().isEmpty()) {
            throw new InvalidRequestException(choice ? "a CHOICE field needs its choices"
                    : "only a CHOICE field has choices");
        }
        return store.put(field, Instant.now());
    }

    /** Removes the field and every profile's value of it. */
    @Transactional
    public void remove(Caller caller, String key) {
        requireAdmin(caller);
        if (!store.remove(key)) {
            throw new NotFoundException("no custom field " + key);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only an admin may define custom profile fields");
        }
    }
}

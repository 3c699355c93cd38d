package org.intranet.profile.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.CustomField;

/** The admin-defined custom fields. */
@ApplicationScoped
public class CustomFieldStore {
    private final Sql sql;

    CustomFieldStore(Sql sql) {
        this.sql = sql;
    }

    public List<CustomField> all() {
        return sql.list("SELECT key, label, type, choices, self_editable, position FROM custom_fields "
                + "ORDER BY position, key",
                rs -> new CustomField(rs.getString(1), rs.getString(2), CustomField.Type.valueOf(rs.getString(3)),
                        Sql.strings(rs.getArray(4)), rs.getBoolean(5), rs.getInt(6)));
    }

    /** @return true when it was new */
    public boolean put(CustomField field, Instant at) {
        return sql.one("""
                INSERT INTO custom_fields (key, label, type, choices, self_editable, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET label = EXCLUDED.label, type = EXCLUDED.type,
                    choices = EXCLUDED.choices, self_editable = EXCLUDED.self_editable, position = EXCLUDED.position,
                    updated_at = EXCLUDED.updated_at
                RETURNING xmax = 0""", rs -> rs.getBoolean(1),
                field.key(), field.label(), field.type().name(), field.choices(), field.selfEditable(),
                field.position(), at, at).orElseThrow();
    }

    /** Removes the definition and every profile's value of it. @return whether it existed */
    public boolean remove(String key) {
        // a new version: a profile edit that read the value before this must not write it back (409 instead)
        sql.update("""
                UPDATE employees SET custom = custom - CAST(? AS text), version = version + 1, updated_at = now()
                WHERE custom -> CAST(? AS text) IS NOT NULL""", key, key);
        return sql.update("DELETE FROM custom_fields WHERE key = ?", key) == 1;
    }
}

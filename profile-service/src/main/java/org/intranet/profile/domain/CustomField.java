package org.intranet.profile.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * A field an admin added to every profile ("Cost centre", "T-shirt size"): its value is checked against its type
 * on every write, and only a self-editable one may be set by the person themselves.
 */
public record CustomField(String key, String label, Type type, List<String> choices, boolean selfEditable,
        int position) {
    public static final int MAX_TEXT = 500;

    public enum Type { TEXT, NUMBER, DATE, CHOICE }

    /** @return the value as stored (a number as a number, a date as {@code yyyy-mm-dd}), or a 400 */
    public Object validated(Object value) {
        String name = ProfileField.CUSTOM + key;
        return switch (type) {
            case TEXT -> {
                if (!(value instanceof String text) || text.length() > MAX_TEXT || !ProfileText.isPlain(text)) {
                    throw new InvalidRequestException(name + " must be text of at most " + MAX_TEXT
                            + " characters without <, > or control characters");
                }
                yield text.strip();
            }
            case NUMBER -> {
                if (value instanceof Number number) {
                    yield number;
                }
                throw new InvalidRequestException(name + " must be a number");
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(String.valueOf(value)).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException(name + " must be a date such as 2026-03-31");
                }
            }
            case CHOICE -> {
                if (value instanceof String choice && choices.contains(choice)) {
                    yield choice;
                }
                throw new InvalidRequestException(name + " must be one of " + String.join(", ", choices));
            }
        };
    }
}

package org.intranet.search.domain;

import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/** What {@code type=} asks for. */
public enum Scope {
    ALL, POSTS, PEOPLE;

    public static Scope parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("type must be one of all, posts, people");
        }
    }

    public boolean includesPosts() {
        return this != PEOPLE;
    }

    public boolean includesPeople() {
        return this != POSTS;
    }
}

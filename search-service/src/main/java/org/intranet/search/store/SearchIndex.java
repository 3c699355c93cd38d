package org.intranet.search.store;

/** The searchable collections. Clients and writers use the alias; each alias points at one versioned index. */
public enum SearchIndex {
    PEOPLE("people", "search/people.json"),
    POSTS("posts", "search/posts.json"),
    /** Groups, for suggestions: a private one only to its members. */
    GROUPS("groups", "search/groups.json");

    private final String alias;
    private final String definition;

    SearchIndex(String alias, String definition) {
        this.alias = alias;
        this.definition = definition;
    }

    public String alias() {
        return alias;
    }

    String definitionResource() {
        return definition;
    }

    /** {@code people_v3} for version 3. */
    public String versioned(int version) {
        return alias + "_v" + version;
    }

    /** The version of a concrete index of this alias, or 0 when the name does not follow {@code <alias>_v<N>}. */
    public int versionOf(String concreteIndex) {
        String prefix = alias + "_v";
        if (concreteIndex == null || !concreteIndex.startsWith(prefix)) {
            return 0;
        }
        try {
            return Integer.parseInt(concreteIndex.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package org.intranet.profile.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The net effect of one request on a group's members, as it is published: who joined and who left. A member who
 * left and joined again within the request (a PUT of the same list, a PATCH that adds then removes) is neither.
 */
final class MemberChanges {
    private final Set<String> joined = new LinkedHashSet<>();
    private final Set<String> left = new LinkedHashSet<>();

    void joined(Collection<String> ids) {
        for (String id : ids) {
            if (!left.remove(id)) {
                joined.add(id);
            }
        }
    }

    void left(Collection<String> ids) {
        for (String id : ids) {
            if (!joined.remove(id)) {
                left.add(id);
            }
        }
    }

    List<String> joined() {
        return new ArrayList<>(joined);
    }

    List<String> left() {
        return new ArrayList<>(left);
    }
}

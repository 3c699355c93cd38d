package org.intranet.feed.domain;

import java.util.Map;

/** One person on the recognition wall: recognitions received in the period, in all and per company value. */
public record Recognised(String employeeId, String displayName, String username, String department, int total,
        Map<String, Integer> byValue) {
}

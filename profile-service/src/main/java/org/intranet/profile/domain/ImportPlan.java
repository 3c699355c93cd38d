package org.intranet.profile.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an import will do, decided before anything is written: which employee each row is (by id, else by handle),
 * who their manager is (by handle, among everyone known and everyone in the file, so row order does not matter),
 * and which rows cannot be applied and why (an unknown person without an id, a handle or employee number that is
 * someone else's, an unknown manager, a manager loop, the same person twice). Rows are ordered so that a manager
 * created by this file is created before the people reporting to them.
 */
public final class ImportPlan {
    /** An employee as the import finds them. */
    public record Known(String id, String username, String managerId, String employeeNumber, boolean active) {
    }

    /** A row to apply: {@code create} when the person is new (then {@code username} is their handle). */
    public record Planned(int line, String id, boolean create, String username, ProfileChange change) {
    }

    private final List<Planned> rows;
    private final List<ImportJob.RowError> errors;
    private ImportPlan(List<Planned> rows, List<ImportJob.RowError> errors) {
        this.rows = rows;
        this.errors = errors;
    }

    /** Rows to apply, managers first where they are new. */
    public List<Planned> rows() {
        return rows;
    }

    public List<ImportJob.RowError> errors() {
        return errors;
    }

    /**
     * Who a full import deactivates: the active employees no row of the file names, by id or handle (a refused row
     * counts too, so a typo in a row never makes its person a leaver).
     */
    public static List<String> missing(List<Known> everyone, List<ImportFile.Named> named) {
        Set<String> ids = new HashSet<>();
        Set<String> handles = new HashSet<>();
        for (ImportFile.Named n : named) {
            if (n.id() != null) {
                ids.add(n.id());
            }
            if (n.username() != null) {
                handles.add(handle(n.username()));
            }
        }
        return everyone.stream().filter(k -> k.active() && !ids.contains(k.id()) && !handles.contains(handle(k.username())))
                .map(Known::id).toList();
    }

    public static ImportPlan of(List<ImportRow> input, List<Known> everyone) {
        Map<String, Known> byId = new HashMap<>();
        Map<String, String> idByHandle = new HashMap<>();
        Map<String, String> idByNumber = new HashMap<>();
        Map<String, String> managerOf = new HashMap<>();
        for (Known k : everyone) {
            byId.put(k.id(), k);
            idByHandle.put(handle(k.username()), k.id());
            if (k.employeeNumber() != null) {
                idByNumber.put(k.employeeNumber(), k.id());
            }
            if (k.managerId() != null) {
                managerOf.put(k.id(), k.managerId());
            }
        }
        List<ImportJob.RowError> errors = new ArrayList<>();
        // first: who each row is; new people's handles join the known ones for manager lookups
        Map<String, Integer> lineOf = new HashMap<>();
        Map<Integer, String> target = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        for (ImportRow row : input) {
            String id = identify(row, byId, idByHandle, errors);
            if (id == null) {
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(id, row.line());
            if (earlier != null) {
                errors.add(new ImportJob.RowError(row.line(), "the same employee as line " + earlier));
                continue;
            }
            if (!byId.containsKey(id)) {
                created.add(id);
                idByHandle.put(handle(row.username()), id);
            }
            target.put(row.line(), id);
        }
        // then: managers and employee numbers, against everyone known and everyone in the file
        Map<Integer, ProfileChange> changes = new LinkedHashMap<>();
        for (ImportRow row : input) {
            String id = target.get(row.line());
            if (id == null) {
                continue;
            }
            ProfileChange change = row.change();
            if (row.manager() != null) {
                String manager = idByHandle.get(handle(row.manager()));
                if (manager == null) {
                    errors.add(new ImportJob.RowError(row.line(), "manager " + row.manager()
                            + " is neither an employee nor in this file"));
                    continue;
                }
                if (manager.equals(id)) {
                    errors.add(new ImportJob.RowError(row.line(), "an employee cannot be their own manager"));
                    continue;
                }
                change = change.withManager(manager);
            }
            String number = change.employeeNumber();
            if (number != null && !number.isBlank()) {
                String holder = idByNumber.putIfAbsent(number.strip(), id);
                if (holder != null && !holder.equals(id)) {
                    errors.add(new ImportJob.RowError(row.line(), "employee number " + number.strip()
                            + " belongs to another employee"));
                    continue;
                }
            }
            changes.put(row.line(), change);
            if (change.managerId() != null) {
                managerOf.put(id, change.managerId());
            }
        }
        // Refusals until nothing changes: a row whose new manager chain comes back to the person (its manager stays
        // what the database has), and a row whose manager is a new person whose own row was refused.
        boolean refused = true;
        while (refused) {
            refused = false;
            for (Map.Entry<Integer, ProfileChange> entry : List.copyOf(changes.entrySet())) {
                String id = target.get(entry.getKey());
                String manager = entry.getValue().managerId();
                String reason = null;
                if (manager != null && created.contains(manager) && !changes.containsKey(lineOf.get(manager))) {
                    reason = "manager's own row (line " + lineOf.get(manager) + ") was refused";
                } else if (manager != null && loops(id, managerOf)) {
                    reason = "manager " + manager + " would make the org chart loop back to this employee";
                }
                if (reason != null) {
                    errors.add(new ImportJob.RowError(entry.getKey(), reason));
                    changes.remove(entry.getKey());
                    Known before = byId.get(id);
                    if (before != null && before.managerId() != null) {
                        managerOf.put(id, before.managerId());
                    } else {
                        managerOf.remove(id);
                    }
                    refused = true;
                }
            }
        }
        List<Planned> planned = new ArrayList<>();
        Map<String, ImportRow> rowById = new HashMap<>();
        for (ImportRow row : input) {
            String id = target.get(row.line());
            if (id != null && changes.containsKey(row.line())) {
                rowById.put(id, row);
            }
        }
        Set<String> placed = new HashSet<>();
        for (ImportRow row : input) {
            String id = target.get(row.line());
            if (id != null && changes.containsKey(row.line())) {
                place(id, rowById, changes, target, created, placed, planned);
            }
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportPlan(planned, errors);
    }

    /**
     * Adds a row after the rows creating its managers, when this file creates them: walks up the chain of new
     * managers first (iteratively: a chain may be thousands deep), then places it top-down. No loops remain.
     */
    private static void place(String id, Map<String, ImportRow> rowById, Map<Integer, ProfileChange> changes,
            Map<Integer, String> target, Set<String> created, Set<String> placed, List<Planned> planned) {
        ArrayDeque<String> chain = new ArrayDeque<>();
        for (String at = id; at != null && !placed.contains(at) && rowById.containsKey(at); ) {
            chain.push(at);
            String manager = changes.get(rowById.get(at).line()).managerId();
            at = manager != null && created.contains(manager) ? manager : null;
        }
        while (!chain.isEmpty()) {
            String next = chain.pop();
            if (placed.add(next)) {
                ImportRow row = rowById.get(next);
                planned.add(new Planned(row.line(), next, created.contains(next), row.username(),
                        changes.get(row.line())));
            }
        }
    }

    private static String identify(ImportRow row, Map<String, Known> byId, Map<String, String> idByHandle,
            List<ImportJob.RowError> errors) {
        String byHandle = row.username() == null ? null : idByHandle.get(handle(row.username()));
        if (row.id() != null) {
            Known known = byId.get(row.id());
            if (known != null && row.username() != null && !handle(known.username()).equals(handle(row.username()))) {
                errors.add(new ImportJob.RowError(row.line(), "username " + row.username() + " is not the handle of "
                        + "employee " + row.id() + " (" + known.username() + "); handles are not changed by import"));
                return null;
            }
            if (known == null && row.username() == null) {
                errors.add(new ImportJob.RowError(row.line(), "a username is needed to create employee " + row.id()));
                return null;
            }
            if (known == null && byHandle != null) {
                errors.add(new ImportJob.RowError(row.line(), "username " + row.username()
                        + " is already another employee's handle"));
                return null;
            }
            return row.id();
        }
        if (byHandle == null) {
            errors.add(new ImportJob.RowError(row.line(), "no employee has the username " + row.username()
                    + "; to create them, give their id (the identity provider's subject)"));
        }
        return byHandle;
    }

    private static boolean loops(String id, Map<String, String> managerOf) {
        String at = managerOf.get(id);
        for (int depth = 0; at != null && depth < 10_000; depth++) {
            if (at.equals(id)) {
                return true;
            }
            at = managerOf.get(at);
        }
        return false;
    }

    private static String handle(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}

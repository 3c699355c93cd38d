package org.intranet.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImportPlanTest {
    private static final List<ImportPlan.Known> EVERYONE = List.of(
            new ImportPlan.Known("ceo", "Olga", null, "E-1", true),
            new ImportPlan.Known("vp", "victor", "ceo", "E-2", true),
            new ImportPlan.Known("gone", "gina", null, null, false));

    private static ImportRow row(int line, String id, String username, String manager) {
        return new ImportRow(line, id, username, ProfileChange.of("T", null, null, null, null), manager);
    }

    private static ImportRow numbered(int line, String id, String username, String number) {
        return new ImportRow(line, id, username, new ProfileChange(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, number, null, null), null);
    }

    @Test
    void rowsFindTheirPeopleByIdOrHandleAndNewPeopleNeedAnId() {
        ImportPlan plan = ImportPlan.of(List.of(row(2, null, "OLGA", null), row(3, "new-1", "nina", null),
                row(4, null, "nobody", null), row(5, "vp", "someone-else", null), row(6, "new-2", "Victor", null)),
                EVERYONE);
        assertThat(plan.rows()).extracting(ImportPlan.Planned::id).containsExactly("ceo", "new-1");
        assertThat(plan.rows()).extracting(ImportPlan.Planned::create).containsExactly(false, true);
        assertThat(plan.errors()).extracting(ImportJob.RowError::line).containsExactly(4, 5, 6);
        assertThat(plan.errors().get(0).reason()).contains("give their id");
        assertThat(plan.errors().get(1).reason()).contains("not the handle");
        assertThat(plan.errors().get(2).reason()).contains("already another employee's handle");
    }

    @Test
    void managersResolveByHandleWhateverTheOrderAndComeFirstWhenNew() {
        ImportPlan plan = ImportPlan.of(List.of(row(2, "ic", "ivan", "mona"), row(3, "m", "mona", "victor")),
                EVERYONE);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.rows()).extracting(ImportPlan.Planned::id).containsExactly("m", "ic");
        assertThat(plan.rows().get(0).change().managerId()).isEqualTo("vp");
        assertThat(plan.rows().get(1).change().managerId()).isEqualTo("m");
    }

    @Test
    void unknownManagersLoopsDuplicatesAndTakenNumbersAreRefusedRowByRow() {
        ImportPlan plan = ImportPlan.of(List.of(
                row(2, null, "olga", "victor"),        // ceo under vp, who is under ceo: a loop
                row(3, null, "victor", "nobody"),      // unknown manager
                row(4, "x", "xena", "xena"),           // herself
                row(5, null, "olga", null),            // olga again
                numbered(6, "z", "zoe", "E-1"),        // olga's number
                row(7, "y", "yann", "olga")), EVERYONE);
        assertThat(plan.errors()).extracting(ImportJob.RowError::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(plan.errors().get(0).reason()).contains("loop");
        assertThat(plan.errors().get(1).reason()).contains("nobody");
        assertThat(plan.errors().get(2).reason()).contains("own manager");
        assertThat(plan.errors().get(3).reason()).contains("line 2");
        assertThat(plan.errors().get(4).reason()).contains("E-1");
        assertThat(plan.rows()).extracting(ImportPlan.Planned::id).containsExactly("y");
    }

    @Test
    void aRefusedLoopKeepsTheManagerTheDatabaseHasSoNoLaterRowClosesALoopThroughIt() {
        List<ImportPlan.Known> db = List.of(new ImportPlan.Known("a", "ana", "z", null, true),
                new ImportPlan.Known("z", "zed", null, null, true));
        ImportPlan plan = ImportPlan.of(List.of(row(2, null, "ana", "bea"), row(3, "b", "bea", "ana"),
                row(4, null, "zed", "bea")), db);
        java.util.Map<String, String> managers = new java.util.HashMap<>(java.util.Map.of("a", "z"));
        plan.rows().forEach(r -> managers.put(r.id(), r.change().managerId()));
        for (String start : managers.keySet()) {
            String at = managers.get(start);
            for (int i = 0; at != null && i < 10; i++) {
                assertThat(at).as("a loop through " + start).isNotEqualTo(start);
                at = managers.get(at);
            }
        }
        assertThat(plan.errors()).isNotEmpty();
    }

    @Test
    void aRowWhoseNewManagersRowWasRefusedIsRefusedToo() {
        ImportPlan plan = ImportPlan.of(List.of(numbered(2, "n", "nora", "E-1"), row(3, "r", "rick", "nora")),
                EVERYONE);
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.errors()).extracting(ImportJob.RowError::line).containsExactly(2, 3);
        assertThat(plan.errors().get(1).reason()).contains("line 2");
    }

    @Test
    void aFullImportDeactivatesOnlyActivePeopleNoRowNames() {
        assertThat(ImportPlan.missing(EVERYONE, List.of(new ImportFile.Named(null, "OLGA")))).containsExactly("vp");
        assertThat(ImportPlan.missing(EVERYONE, List.of(new ImportFile.Named("vp", null),
                new ImportFile.Named(null, "olga")))).isEmpty();
    }
}

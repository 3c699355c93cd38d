package org.intranet.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.store.EmployeeStore;
import org.intranet.profile.store.ImportJobStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * CSV imports (HR, admins): planned at once against everyone ({@link ImportPlan}), then applied in chunks of
 * {@value #CHUNK} rows, one transaction each, with the job's progress written after every chunk. A chunk that fails
 * as a whole is applied again row by row, so one bad row costs only itself: every row is either applied or reported.
 */
@ApplicationScoped
public class ImportService {
    static final int CHUNK = 250;
    static final int ABANDONED_AFTER_MINUTES = 5;
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private final ImportJobStore jobs;
    private final EmployeeStore employees;
    private final ProfileService profiles;
    private final ManagedExecutor executor;

    ImportService(ImportJobStore jobs, EmployeeStore employees, ProfileService profiles, ManagedExecutor executor) {
        this.jobs = jobs;
        this.employees = employees;
        this.profiles = profiles;
        this.executor = executor;
    }

    /**
     * A job whose replica stopped (a restart, a scale-down) will never finish: once it has not progressed for
     * {@value #ABANDONED_AFTER_MINUTES} minutes (a chunk takes about a second), any replica marks it failed.
     */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void failAbandoned() {
        Instant now = Instant.now();
        int abandoned = jobs.failAbandoned(now.minus(Duration.ofMinutes(ABANDONED_AFTER_MINUTES)), "the import "
                + "stopped with the profile-service replica running it; the rows counted as processed were "
                + "applied, import the file again to apply the rest", now);
        if (abandoned > 0) {
            LOG.warnf("%d import job(s) had stopped progressing and are marked failed", abandoned);
        }
    }

    /**
     * Starts an import. The file is read only for someone allowed to import (a refused caller's upload is not
     * parsed); a file-level problem is a 400 before any job exists. {@code deactivateMissing}: a full export from
     * the HR system, whose absentees have left.
     */
    public ImportJob start(Caller caller, Supplier<ImportFile> read, boolean deactivateMissing) {
        if (!ProfilePolicy.privileged(caller)) {
            throw new AccessDeniedException("only HR or an admin may import profiles");
        }
        ImportFile file = read.get();
        UUID id = UUID.randomUUID();
        jobs.create(id, caller.id(), file.rows().size() + file.rejected().size(), file.rejected().size(),
                file.rejected(), Instant.now());
        executor.execute(() -> run(id, caller.id(), file, deactivateMissing));
        return job(caller, id);
    }

    public ImportJob job(Caller caller, UUID id) {
        if (!ProfilePolicy.privileged(caller)) {
            throw new AccessDeniedException("only HR or an admin may follow profile imports");
        }
        return jobs.find(id).orElseThrow(() -> new NotFoundException("no import job " + id));
    }

    void run(UUID job, String actor, ImportFile file, boolean deactivateMissing) {
        long started = System.nanoTime();
        try {
            List<ImportPlan.Known> everyone = employees.known();
            List<ImportRow> rows = file.rows();
            ImportPlan plan = ImportPlan.of(rows, everyone);
            jobs.progress(job, plan.errors().size(), 0, 0, 0, 0, plan.errors());
            LOG.infof("import %s: %d rows planned against %d employees, %d refused", job, rows.size(),
                    everyone.size(), plan.errors().size());
            int done = 0;
            for (int from = 0; from < plan.rows().size(); from += CHUNK) {
                List<ImportPlan.Planned> chunk = plan.rows().subList(from, Math.min(from + CHUNK, plan.rows().size()));
                Tally tally = applyChunk(actor, chunk);
                jobs.progress(job, chunk.size(), tally.created, tally.updated, tally.unchanged, 0, tally.errors);
                done += chunk.size();
                LOG.infof("import %s: %d/%d rows applied (%d created, %d updated, %d unchanged, %d refused), %.0f rows/s",
                        job, done, plan.rows().size(), tally.created, tally.updated, tally.unchanged,
                        tally.errors.size(), done / seconds(started));
            }
            if (deactivateMissing) {
                deactivateMissing(job, actor, plan, ImportPlan.missing(everyone, file.named()));
            }
            jobs.finish(job, ImportJob.State.DONE, null, Instant.now());
            LOG.infof("import %s: done in %.1f s", job, seconds(started));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // whatever stops the job, it must not stay RUNNING: say it failed, with why
            LOG.errorf(e, "import %s failed", job);
            jobs.finish(job, ImportJob.State.FAILED, "the import stopped: " + e.getMessage(), Instant.now());
        }
    }

    private Tally applyChunk(String actor, List<ImportPlan.Planned> chunk) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Tally tally = new Tally();
                for (ImportPlan.Planned row : chunk) {
                    tally.count(profiles.imported(actor, row));
                }
                return tally;
            });
        } catch (RuntimeException chunkFailed) {
            // one row spoiled the chunk's transaction: apply each on its own to find it, keep the others
            Tally tally = new Tally();
            for (ImportPlan.Planned row : chunk) {
                try {
                    tally.count(QuarkusTransaction.requiringNew().call(() -> profiles.imported(actor, row)));
                } catch (RuntimeException e) {
                    tally.errors.add(new ImportJob.RowError(row.line(), reason(e)));
                }
            }
            return tally;
        }
    }

    private void deactivateMissing(UUID job, String actor, ImportPlan plan, List<String> missing) {
        if (plan.rows().isEmpty()) {
            throw new IllegalStateException("no row of the file could be applied, so nobody is deactivated "
                    + "(a full import that lists no one would deactivate everyone)");
        }
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(from + CHUNK, missing.size()));
            int deactivated = QuarkusTransaction.requiringNew().call(() -> (int) chunk.stream()
                    .filter(id -> profiles.deactivateImported(actor, id)).count());
            jobs.progress(job, 0, 0, 0, 0, deactivated, List.of());
        }
        LOG.infof("import %s: %d employees missing from the file deactivated", job, missing.size());
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause instanceof InvalidRequestException || cause instanceof ConflictException ? cause.getMessage()
                        : "could not be applied: " + cause.getMessage();
    }

    private static double seconds(long since) {
        return Math.max(1e-3, (System.nanoTime() - since) / 1e9);
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        final List<ImportJob.RowError> errors = new ArrayList<>();

        void count(ProfileService.Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }
}

package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.EmailStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends what is due from the e-mail queue, on every replica: each claim locks its e-mails (others skip them), so each
 * goes out once. A failure is retried with exponential backoff ({@code retry-initial} doubling up to
 * {@code retry-max}) and ends the claim, since the server is likely away for all; after {@code max-attempts} the
 * e-mail is given up (the in-app notification is never affected). An e-mail sent just before a crash, whose claim
 * then rolls back, is sent again: at least once, twice only in that window.
 */
@ApplicationScoped
public class EmailSender {
    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private final EmailStore emails;
    private final EmailComposer composer;
    private final Mailer mailer;
    private final NotificationConfig config;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    EmailSender(EmailStore emails, EmailComposer composer, Mailer mailer, NotificationConfig config,
            MeterRegistry registry) {
        this.emails = emails;
        this.composer = composer;
        this.mailer = mailer;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${intranet.notification.email.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            while (sendDue() == config.email().batch()) {
                // a full claim: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warnf("e-mail sending paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many e-mails were claimed (sent, skipped, failed or rescheduled) */
    public int sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<Email> due = emails.claimDue(now, config.email().batch());
            for (Email email : due) {
                if (!send(email, now)) {
                    break; // the rest stay due, their attempts unspent
                }
            }
            return due.size();
        });
    }

    /** @return false when sending failed */
    private boolean send(Email email, Instant now) {
        EmailComposer.Composed composed = composer.compose(email);
        if (composed.mail() == null) {
            emails.finish(email.id(), "SKIPPED", composed.skipped(), now);
            count(email, "skipped");
            return true;
        }
        try {
            mailer.send(composed.mail());
            emails.finish(email.id(), "SENT", null, now);
            count(email, "sent");
            return true;
        } catch (IllegalArgumentException e) {
            // refused before any connection (an invalid address): retrying cannot help, and the others may go
            emails.finish(email.id(), "FAILED", e.getMessage(), now);
            count(email, "failed");
            LOG.warnf("e-mail %s (%s) cannot be sent: %s", email.id(), email.kind(), e.getMessage());
            return true;
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (email.attempts() + 1 >= config.email().maxAttempts()) {
                emails.finish(email.id(), "FAILED", error, now);
                count(email, "failed");
                LOG.errorf("e-mail %s (%s) given up after %d attempts: %s", email.id(), email.kind(),
                        email.attempts() + 1, error);
            } else {
                Instant retry = now.plus(backoff(email.attempts()));
                emails.retryAt(email.id(), retry, error);
                count(email, "retried");
                LOG.warnf("e-mail %s (%s) not sent (%s); retrying at %s", email.id(), email.kind(), error, retry);
            }
            return false;
        }
    }

    private Duration backoff(int attempts) {
        Duration initial = config.email().retryInitial();
        Duration max = config.email().retryMax();
        Duration wait = initial.multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void count(Email email, String outcome) {
        registry.counter("intranet.notifications.emails", "kind", email.kind().name(), "outcome", outcome)
                .increment();
    }
}

package org.intranet.search.store;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.intranet.search.domain.SearchUnavailableException;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Creates the indices at startup. When OpenSearch is not there yet the service still starts, reports not ready
 * (this check, next to the extension's own cluster-health check) and tries again every
 * {@code intranet.search.bootstrap-retry}; consumers retry meanwhile and dead-letter only after their backoff.
 */
@ApplicationScoped
@Readiness
public class IndexBootstrap implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);

    private final SearchIndices indices;
    private final AtomicBoolean ready = new AtomicBoolean();

    IndexBootstrap(SearchIndices indices) {
        this.indices = indices;
    }

    void onStart(@Observes StartupEvent event) {
        tryEnsure();
    }

    @Scheduled(every = "${intranet.search.bootstrap-retry:10s}", delayed = "${intranet.search.bootstrap-retry:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!ready.get()) {
            tryEnsure();
        }
    }

    public boolean ready() {
        return ready.get();
    }

    private void tryEnsure() {
        try {
            for (SearchIndex index : SearchIndex.values()) {
                indices.ensure(index);
            }
            ready.set(true);
        } catch (SearchUnavailableException e) {
            LOG.warnf("search indices not ready, retrying: %s", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search indices").status(ready.get())
                .withData("aliases", "people, posts, groups").build();
    }
}

package dev.daehwa.infrastructure.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The search index in /health. Catching up and rebuilding are UP: chat works and search answers
 * with what is indexed so far. Only an index that cannot be opened at all is DOWN.
 */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    @Inject
    private SearchIndexer indexer;

    @Override
    public HealthCheckResponse call() {
        IndexState state = indexer.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search")
                .status(state != IndexState.FAILED)
                .withData("state", state.name().toLowerCase())
                .withData("messages", indexer.documents());
        if (!indexer.detail().isEmpty()) {
            response.withData("detail", indexer.detail());
        }
        return response.build();
    }
}

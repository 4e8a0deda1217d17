package dev.daehwa.infrastructure.persistence;

import dev.daehwa.application.live.DeliveryDiagnostics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * With {@code DAEHWA_SQL_STATEMENT_HEADER}, each delivery task's statements are counted from
 * zero, as each request's are: a live frame can then report what its event cost to read.
 */
@ApplicationScoped
public class SqlCountPerDeliveryTask implements DeliveryDiagnostics {

    @Override
    public void taskStarting() {
        if (SqlStatementCounter.enabled()) {
            SqlStatementCounter.reset();
        }
    }
}

package dev.daehwa.interfaces.rest;

import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Diagnostics, off by default: with {@code DAEHWA_SQL_STATEMENT_HEADER=true} every API response
 * says how many SQL statements it took, how many rows they returned and how many of them locked
 * rows, which is how the tests prove lists have no N+1, read nothing that grows with history,
 * and that refused requests lock nothing.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@PreMatching
public class SqlStatementCountHeader implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Daehwa-Sql-Statements";
    public static final String ROWS_HEADER = "X-Daehwa-Sql-Rows";
    public static final String LOCKS_HEADER = "X-Daehwa-Sql-Locks";

    @Override
    public void filter(ContainerRequestContext request) {
        if (SqlStatementCounter.enabled()) {
            SqlStatementCounter.reset();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (SqlStatementCounter.enabled()) {
            response.getHeaders().putSingle(HEADER, Integer.toString(SqlStatementCounter.current()));
            response.getHeaders().putSingle(ROWS_HEADER, Integer.toString(SqlStatementCounter.rows()));
            response.getHeaders().putSingle(LOCKS_HEADER, Integer.toString(SqlStatementCounter.locks()));
        }
    }
}

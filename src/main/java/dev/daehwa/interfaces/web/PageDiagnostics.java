package dev.daehwa.interfaces.web;

import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The pages' side of DAEHWA_SQL_STATEMENT_HEADER (off by default). A page's headers are sent
 * before it finishes rendering, so instead of a header the page template ends with the number of
 * SQL statements the request ran; the query-count tests read it to prove pages have no N+1.
 */
@Named
@ApplicationScoped
public class PageDiagnostics {

    /** Starts each page request's count from zero; pages such as /rooms/{id} arrive by forward. */
    @WebFilter(servletNames = "Faces", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
    public static class CountFromZero extends HttpFilter {

        @Inject
        private PageDiagnostics diagnostics;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (diagnostics.isEnabled()) {
                SqlStatementCounter.reset();
            }
            chain.doFilter(request, response);
        }
    }

    public boolean isEnabled() {
        return SqlStatementCounter.enabled();
    }

    /** Statements run so far by this request's thread. */
    public int getStatements() {
        return SqlStatementCounter.current();
    }
}

package dev.daehwa.infrastructure.persistence;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505, the same on H2 and PostgreSQL). */
final class UniqueViolations {

    private UniqueViolations() {
    }

    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

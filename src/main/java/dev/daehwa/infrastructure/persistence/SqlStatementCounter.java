package dev.daehwa.infrastructure.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Counts the SQL statements a request executes, and the rows they return, so tests can prove
 * that lists cost a constant number of queries (no N+1) and that no query returns rows that grow
 * with history. Only active when {@code DAEHWA_SQL_STATEMENT_HEADER=true}; the counts are per
 * thread because a request runs its queries on its own thread.
 */
public final class SqlStatementCounter {

    /**
     * The one reading of the switch, for the data source (which wraps connections before CDI
     * runs) and for every place that reports a count: they must agree, or a report would show
     * zeros from connections that were never wrapped.
     */
    private static final boolean ENABLED = Settings.get("DAEHWA_SQL_STATEMENT_HEADER")
            .map(Boolean::parseBoolean).orElse(false);

    private static final int STATEMENTS = 0;
    private static final int ROWS = 1;
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[2]);

    private SqlStatementCounter() {
    }

    /** Whether statements are counted at all ({@code DAEHWA_SQL_STATEMENT_HEADER}, off by default). */
    public static boolean enabled() {
        return ENABLED;
    }

    public static void reset() {
        COUNT.get()[STATEMENTS] = 0;
        COUNT.get()[ROWS] = 0;
    }

    public static int current() {
        return COUNT.get()[STATEMENTS];
    }

    public static int rows() {
        return COUNT.get()[ROWS];
    }

    static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(method, target, args);
            if (result instanceof CallableStatement statement) {
                return countingStatement(CallableStatement.class, statement);
            }
            if (result instanceof PreparedStatement statement) {
                return countingStatement(PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement) {
                return countingStatement(Statement.class, statement);
            }
            return result;
        });
    }

    private static <S extends Statement> S countingStatement(Class<S> type, S statement) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                COUNT.get()[STATEMENTS]++;
            }
            Object result = invoke(method, target, args);
            return result instanceof ResultSet rows ? countingRows(rows) : result;
        });
    }

    private static ResultSet countingRows(ResultSet rows) {
        return proxy(ResultSet.class, rows, (target, method, args) -> {
            Object result = invoke(method, target, args);
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                COUNT.get()[ROWS]++;
            }
            return result;
        });
    }

    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocationHandler = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
                new Class<?>[] {type}, invocationHandler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

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
 * Counts the SQL statements a request executes, the rows they return and the statements that
 * lock rows, so tests can prove that lists cost a constant number of queries (no N+1), that no
 * query returns rows that grow with history, and that a refused request took no lock. Only active when {@code DAEHWA_SQL_STATEMENT_HEADER=true}; the counts are per
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
    private static final int LOCKS = 2;
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[3]);

    private SqlStatementCounter() {
    }

    /** Whether statements are counted at all ({@code DAEHWA_SQL_STATEMENT_HEADER}, off by default). */
    public static boolean enabled() {
        return ENABLED;
    }

    public static void reset() {
        COUNT.get()[STATEMENTS] = 0;
        COUNT.get()[ROWS] = 0;
        COUNT.get()[LOCKS] = 0;
    }

    public static int current() {
        return COUNT.get()[STATEMENTS];
    }

    public static int rows() {
        return COUNT.get()[ROWS];
    }

    /** Statements that lock the rows they read (SELECT ... FOR UPDATE, as pessimistic locks are written). */
    public static int locks() {
        return COUNT.get()[LOCKS];
    }

    static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(method, target, args);
            String prepared = method.getName().startsWith("prepare") ? sqlArgument(args) : null;
            if (result instanceof CallableStatement statement) {
                return countingStatement(CallableStatement.class, statement, prepared);
            }
            if (result instanceof PreparedStatement statement) {
                return countingStatement(PreparedStatement.class, statement, prepared);
            }
            if (result instanceof Statement statement) {
                return countingStatement(Statement.class, statement, null);
            }
            return result;
        });
    }

    private static <S extends Statement> S countingStatement(Class<S> type, S statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                COUNT.get()[STATEMENTS]++;
                String sql = prepared != null ? prepared : sqlArgument(args);
                if (sql != null && locksRows(sql)) {
                    COUNT.get()[LOCKS]++;
                }
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

    private static String sqlArgument(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
    }

    static boolean locksRows(String sql) {
        return sql.toUpperCase(java.util.Locale.ROOT).contains("FOR UPDATE");
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

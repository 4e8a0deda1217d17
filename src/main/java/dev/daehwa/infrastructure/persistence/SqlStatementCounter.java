package dev.daehwa.infrastructure.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Counts the SQL statements a request executes, so tests can prove that lists cost a constant
 * number of queries (no N+1). Only active when {@code DAEHWA_SQL_STATEMENT_HEADER=true}; the
 * count is per thread because a request runs its queries on its own thread.
 */
public final class SqlStatementCounter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private SqlStatementCounter() {
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static int current() {
        return COUNT.get()[0];
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
                COUNT.get()[0]++;
            }
            return invoke(method, target, args);
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

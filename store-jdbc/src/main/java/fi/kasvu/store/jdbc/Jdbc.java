package fi.kasvu.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Small JDBC plumbing shared by the stores: statements with bound values, transactions, timestamps. */
final class Jdbc {

    /** Binds values to a statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    interface RowMapper<R> {
        R map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Runnable afterWrite;
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();

    /** Plumbing on the pool; {@code afterWrite} runs after every successful write, before it is acknowledged. */
    Jdbc(DataSource dataSource, Runnable afterWrite) {
        this.dataSource = dataSource;
        this.afterWrite = afterWrite;
    }

    /**
     * The unit of work bound to this thread: one connection, taken at the first statement, on which
     * every store call of the unit runs in one transaction, committed when the unit ends.
     */
    private static final class Unit {
        Connection connection;
        boolean wrote;
        final List<Runnable> afterCommit = new ArrayList<>();
        /** Rows read ahead in this transaction for a later read of the same unit (see {@link #keep}). */
        final java.util.Map<String, Object> kept = new java.util.HashMap<>(4);
    }

    /**
     * Keeps a row read in the unit's transaction for one later read of the same key in the same
     * transaction ({@link #take}); outside a unit it is not kept. Every key is dropped when the
     * unit's transaction ends (commit, rollback or release).
     */
    void keep(String key, Object row) {
        Unit current = unit.get();
        if (current != null && current.connection != null) {
            current.kept.put(key, row);
        }
    }

    /** Whether a unit of work is bound to this thread (rows read ahead can be kept). */
    boolean inUnit() {
        return unit.get() != null;
    }

    /** The row kept for this key in the unit's current transaction, removed, if any. */
    Optional<Object> take(String key) {
        Unit current = unit.get();
        return current == null || current.kept.isEmpty() ? Optional.empty()
                : Optional.ofNullable(current.kept.remove(key));
    }

    /** Drops the row kept for this key, if any (the row is being written). */
    void forget(String key) {
        Unit current = unit.get();
        if (current != null && !current.kept.isEmpty()) {
            current.kept.remove(key);
        }
    }

    /**
     * Runs the work as one unit: every store call it makes on this thread shares one connection and
     * one transaction, committed when the work returns (rolled back if it throws). A unit inside a
     * unit joins it. The connection is taken at the first statement, so work that needs none costs
     * none.
     */
    <R> R inUnit(java.util.function.Supplier<R> work) {
        if (unit.get() != null) {
            return work.get();
        }
        Unit current = new Unit();
        unit.set(current);
        R result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            unit.remove();
            end(current, false);
            throw e;
        }
        unit.remove();
        end(current, true);
        return result;
    }

    /**
     * Ends the unit's transaction now (committing what it did) and gives its connection back; a
     * later statement of the same unit starts a new transaction. Called before a network call, so
     * that no connection is held while a platform answers.
     */
    void releaseUnit() {
        Unit current = unit.get();
        if (current != null && current.connection != null) {
            end(current, true);
        }
    }

    /**
     * Runs the work as a unit of its own, apart from the thread's unit if there is one: that unit is
     * released first (what it did so far is committed and its connection given back, so the thread
     * never holds two connections), the work runs in a new unit, committed when it returns, and the
     * thread's unit then goes on, its next statement starting a new transaction. A failure of the
     * work rolls back the work's unit only.
     */
    <R> R apart(java.util.function.Supplier<R> work) {
        Unit outer = unit.get();
        if (outer == null) {
            return inUnit(work);
        }
        if (outer.connection != null) {
            end(outer, true);
        }
        unit.remove();
        try {
            return inUnit(work);
        } finally {
            unit.set(outer);
        }
    }

    /** Runs the action once the thread's unit has committed (at once when there is no unit). */
    void afterCommit(Runnable action) {
        Unit current = unit.get();
        if (current == null) {
            action.run();
        } else {
            current.afterCommit.add(action);
        }
    }

    private void end(Unit current, boolean commit) {
        Connection connection = current.connection;
        current.connection = null;
        current.kept.clear();
        boolean wrote = current.wrote;
        current.wrote = false;
        if (connection != null) {
            try (connection) {
                try {
                    if (commit) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (commit) {
                    current.afterCommit.clear();
                    throw new StoreException("commit a unit of work", e);
                }
            }
        }
        if (commit) {
            if (wrote) {
                afterWrite.run();
            }
            List<Runnable> hooks = List.copyOf(current.afterCommit);
            current.afterCommit.clear();
            hooks.forEach(Runnable::run);
        }
    }

    /** The unit's connection, taken now if this is its first statement. */
    private Connection unitConnection(Unit current) throws SQLException {
        if (current.connection == null) {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            current.connection = connection;
        }
        return current.connection;
    }

    /**
     * A connection for plain JDBC code: the thread's unit's connection when a unit is bound (its
     * close, commit, rollback and auto-commit changes are the unit's business and ignored), a pooled
     * one otherwise. Code outside the stores that writes with plain JDBC in a request so takes part
     * in the request's transaction and never needs a second pooled connection.
     */
    Connection connection() throws SQLException {
        Unit current = unit.get();
        if (current == null) {
            return dataSource.getConnection();
        }
        Connection shared = unitConnection(current);
        current.wrote = true;
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close", "commit", "rollback", "setAutoCommit" -> {
                            return null;
                        }
                        case "getAutoCommit" -> {
                            return true;
                        }
                        case "isClosed" -> {
                            return false;
                        }
                        default -> {
                            try {
                                return method.invoke(shared, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    int update(String doing, String sql, Binder binder) {
        return withConnection(doing, connection -> update(connection, sql, binder));
    }

    <R> List<R> query(String doing, String sql, Binder binder, RowMapper<R> mapper) {
        Unit current = unit.get();
        if (current != null) {
            try {
                return query(unitConnection(current), sql, binder, mapper);
            } catch (SQLException e) {
                throw new StoreException(doing, e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, binder, mapper);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    <R> Optional<R> queryOne(String doing, String sql, Binder binder, RowMapper<R> mapper) {
        List<R> rows = query(doing, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs work that writes (in autocommit mode) and makes its writes durable before returning; in
     * a unit, on the unit's connection and transaction, durable when the unit commits.
     */
    <R> R withConnection(String doing, Work<R> work) {
        Unit current = unit.get();
        if (current != null) {
            try {
                R result = work.run(unitConnection(current));
                current.wrote = true;
                return result;
            } catch (SQLException e) {
                throw new StoreException(doing, e);
            }
        }
        R result;
        try (Connection connection = dataSource.getConnection()) {
            result = work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
        afterWrite.run();
        return result;
    }

    /**
     * Runs the work in one transaction, committed if it returns and rolled back if it throws. In a
     * unit it runs in the unit's transaction under a savepoint, so that a failure rolls back this
     * work only and the unit can go on (PostgreSQL would otherwise refuse every later statement).
     */
    <R> R inTransaction(String doing, Work<R> work) {
        Unit current = unit.get();
        if (current != null) {
            try {
                Connection connection = unitConnection(current);
                java.sql.Savepoint savepoint = connection.setSavepoint();
                try {
                    R result = work.run(connection);
                    connection.releaseSavepoint(savepoint);
                    current.wrote = true;
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException(doing, e);
            }
        }
        return withConnection(doing, connection -> {
            connection.setAutoCommit(false);
            try {
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    static <R> List<R> query(Connection connection, String sql, Binder binder, RowMapper<R> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<R> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /**
     * Binds an instant as the databases keep it: H2 and PostgreSQL round timestamps to microseconds,
     * so an instant with nanoseconds could be stored after itself ({@code due_at <= now} false in the
     * very round that wrote it). Truncating first makes the stored value the one compared.
     */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}

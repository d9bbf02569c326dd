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

    /** Plumbing on the pool; {@code afterWrite} runs after every successful write, before it is acknowledged. */
    Jdbc(DataSource dataSource, Runnable afterWrite) {
        this.dataSource = dataSource;
        this.afterWrite = afterWrite;
    }

    int update(String doing, String sql, Binder binder) {
        return withConnection(doing, connection -> update(connection, sql, binder));
    }

    <R> List<R> query(String doing, String sql, Binder binder, RowMapper<R> mapper) {
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

    /** Runs work that writes (in autocommit mode) and makes its writes durable before returning. */
    <R> R withConnection(String doing, Work<R> work) {
        R result;
        try (Connection connection = dataSource.getConnection()) {
            result = work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
        afterWrite.run();
        return result;
    }

    /** Runs the work in one transaction, committed if it returns and rolled back if it throws. */
    <R> R inTransaction(String doing, Work<R> work) {
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

package fi.kasvu.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Opens fresh databases for a test and closes them after it. */
abstract class DatabaseTestSupport {

    @TempDir
    Path directory;

    private final List<KasvuDatabase> opened = new ArrayList<>();

    /** A fresh, migrated database of the dialect. */
    KasvuDatabase open(Dialect dialect) {
        return open(TestDatabases.fresh(dialect, directory));
    }

    /** Another instance on an existing database, as a second server would open it. */
    KasvuDatabase open(DatabaseConfig config) {
        KasvuDatabase database = KasvuDatabase.open(config);
        opened.add(database);
        return database;
    }

    /** As {@link #open(DatabaseConfig)}, with other settings of the H2 housekeeping. */
    KasvuDatabase open(DatabaseConfig config, H2Housekeeping.Tuning tuning) {
        KasvuDatabase database = KasvuDatabase.open(config, tuning);
        opened.add(database);
        return database;
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(KasvuDatabase::close);
    }

    /** Runs a statement directly, as an operator or a broken program would. */
    static int execute(KasvuDatabase database, String sql, Object... values) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

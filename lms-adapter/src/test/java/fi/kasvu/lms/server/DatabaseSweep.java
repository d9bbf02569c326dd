package fi.kasvu.lms.server;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Searches every text column of every Kasvu table for a value, whatever the table: a GDPR
 * erasure test asks it where a person's id or address is still stored, so that a store added
 * later without export and erasure is found too (H2 and PostgreSQL).
 */
public final class DatabaseSweep {

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.OTHER);

    private DatabaseSweep() {
    }

    /** Every {@code table.column} of Kasvu's tables (not the migration history) whose text contains the value. */
    public static List<String> mentions(Connection connection, String value) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getColumns(null, null, "%", "%")) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                String schema = rows.getString("TABLE_SCHEM");
                String lower = table.toLowerCase(Locale.ROOT);
                if (lower.startsWith("kasvu_") && !lower.equals("kasvu_schema_history")
                        && !"information_schema".equalsIgnoreCase(schema)
                        && TEXT.contains(rows.getInt("DATA_TYPE"))) {
                    columns.add(new String[] {table, rows.getString("COLUMN_NAME")});
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no Kasvu tables found: the sweep would prove nothing");
        }
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM " + column[0]
                    + " WHERE CAST(" + column[1] + " AS VARCHAR) LIKE ?")) {
                s.setString(1, "%" + value + "%");
                try (ResultSet count = s.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        found.add(column[0].toLowerCase(Locale.ROOT) + "." + column[1].toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return found;
    }
}

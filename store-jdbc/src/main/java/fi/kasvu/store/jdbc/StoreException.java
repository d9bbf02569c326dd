package fi.kasvu.store.jdbc;

import java.sql.SQLException;

/**
 * The database could not be reached or refused a statement. The message names what was being
 * done and the SQL state, never the values bound to the statement.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreException(String doing, SQLException cause) {
        super("could not " + doing + ": SQL state " + cause.getSQLState() + ", " + firstLine(cause.getMessage()), cause);
    }

    StoreException(String message) {
        super(message);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

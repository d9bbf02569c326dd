package fi.kasvu.lms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns what went wrong in a command into one sentence that says what to do, instead of a stack
 * trace: picocli's execution-exception handler for every {@code kasvu} command. The trace is
 * printed as well only when {@code KASVU_DEBUG} is set.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    /** Exit status for a failure that is not the user's input (a database or network problem). */
    static final int FAILED = 1;
    /** Exit status for unusable input. */
    static final int BAD_INPUT = 2;

    /** The longest message printed; longer ones (a driver quoting a whole value) are cut. */
    static final int MAX_MESSAGE = 400;

    private final Map<String, String> environment;

    Failures(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(commandName(command) + ": " + describe(e));
        if (environment.containsKey("KASVU_DEBUG")) {
            e.printStackTrace(err);
        } else if (!(e instanceof CommandFailure)) {
            err.println("(Set KASVU_DEBUG=1 to see the technical details.)");
        }
        err.flush();
        return e instanceof CommandFailure failure ? failure.exitCode()
                : e instanceof IllegalArgumentException ? BAD_INPUT : FAILED;
    }

    private static String commandName(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }

    /** One sentence for the failure, naming what was wrong and what to do. */
    static String describe(Throwable e) {
        if (e instanceof CommandFailure) {
            return cap(e.getMessage());
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null) {
            return cap(describe(sql, e));
        }
        if (e instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (e instanceof IOException io) {
            return cap(describe(io, null));
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return cap(e.getMessage());
        }
        return cap("unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + firstLine(e.getMessage())));
    }

    /** A file problem in words: which file, and whether it is missing, a folder, unreadable or not text. */
    static String describe(IOException e, Object file) {
        String name = file != null ? String.valueOf(file) : e instanceof java.nio.file.FileSystemException fs
                && fs.getFile() != null ? fs.getFile() : null;
        String what = name == null ? "" : name + ": ";
        if (e instanceof NoSuchFileException) {
            return what + "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return what + "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return what + "not a UTF-8 text file";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.toLowerCase(Locale.ROOT).contains("is a directory")) {
            return what + "is a folder, not a file";
        }
        return what + (message.isEmpty() ? e.getClass().getSimpleName() : firstLine(message));
    }

    private static String describe(SQLException sql, Throwable outer) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        String where = outer.getMessage() != null && outer.getMessage().startsWith("could not connect to ")
                ? outer.getMessage().substring("could not connect to ".length()).replaceFirst(":[^:]*$", "")
                : "the database";
        if (sql.getErrorCode() == 90020 || message.contains("already in use")) {
            return "the H2 database is in use by another process (probably a running `kasvu serve`); stop that"
                    + " process and run this command again, or use PostgreSQL, which several processes can share";
        }
        if (find(sql, java.net.ConnectException.class) != null || state.startsWith("08")) {
            return "cannot reach the database server (" + where + "): connection refused or host unknown; start"
                    + " PostgreSQL or correct --db";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the database refused the user name or password (" + where + "); check --db-user and"
                    + " KASVU_DB_PASSWORD or KASVU_DB_PASSWORD_FILE";
        }
        if (state.equals("3D000")) {
            return "the database named in --db does not exist on the server (" + where + "); create it first";
        }
        return "the database failed (" + where + ", SQL state " + state + "): " + firstLine(message);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** A short, printable excerpt of an offending value: at most 40 characters, control characters shown as {@code ?}. */
    static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.length() <= 40 ? value : value.substring(0, 40);
        shown = shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return value.length() <= 40 ? shown : shown + "… (" + value.length() + " characters)";
    }

    static String cap(String text) {
        String line = text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "… ("
                + (line.length() - MAX_MESSAGE) + " more characters)";
    }
}

package fi.kasvu.lms.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the participants CSV of {@code kasvu groups form} and of the peer-group activity's upload
 * with Apache Commons CSV, checking every row and reporting every problem with its line and column
 * before anything is formed or stored. Each problem has a stable code and arguments, so a page can
 * say it in the user's language, and an English sentence for the command.
 */
public final class ParticipantCsv {

    /** The columns every file has (in any order; extra columns are ignored). */
    public static final List<String> COLUMNS = List.of("id", "name", "email", "organisation", "unit", "site", "role",
            "languages", "manager_id", "interests");

    /** The extra column of an onboarding pool: how many newcomers an onboarder takes (empty or 0 for a newcomer). */
    public static final String CAPACITY = "capacity";

    /** The largest capacity an onboarder may have. */
    public static final int MAX_CAPACITY = 50;

    /**
     * One problem of a file.
     *
     * @param line    the line it is on (1 is the header), 0 for the whole file
     * @param column  the column it concerns, or "" for the whole line
     * @param code    a stable key ({@code id.duplicate})
     * @param args    the values the message names, in order
     * @param english the message in English, with the line and column
     */
    public record Problem(int line, String column, String code, List<String> args, String english) {
        /** Copies the arguments. */
        public Problem {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return english;
        }
    }

    /**
     * One participant row.
     *
     * @param participant the participant
     * @param line        the line it was on
     * @param capacity    the capacity column's value (0 if empty or absent)
     */
    public record Row(Participant participant, int line, int capacity) {
    }

    /**
     * What reading found: the rows (only when there are no problems) and the problems, by line.
     *
     * @param rows     every participant row, in file order
     * @param problems every problem, by line
     */
    public record Result(List<Row> rows, List<Problem> problems) {
        /** Copies the lists. */
        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        /** Whether the file is usable. */
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The participants, in file order. */
        public List<Participant> participants() {
            return rows.stream().map(Row::participant).toList();
        }

        /** The problems in English, one line each. */
        public List<String> errors() {
            return problems.stream().map(Problem::english).toList();
        }
    }

    private ParticipantCsv() {
    }

    /** Reads a file of the ten columns (a capacity column, if present, is read too). */
    public static Result read(String content) {
        return read(content, false);
    }

    /**
     * Reads a file.
     *
     * @param capacityRequired whether the header must have the {@code capacity} column (onboarding pools)
     */
    public static Result read(String content, boolean capacityRequired) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Problem> problems = new ArrayList<>();
        List<String> expected = new ArrayList<>(COLUMNS);
        if (capacityRequired) {
            expected.add(CAPACITY);
        }
        if (text.isBlank()) {
            return refused(problem(1, "", "header.none", List.of(String.join(",", expected)),
                    "missing header row; expected " + String.join(",", expected)));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<Line> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.hasNext()
                    ? records.next().toList().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList() : List.of();
            List<String> missing = expected.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                return refused(new Problem(1, String.join(", ", missing), "header.missing",
                        List.of(String.join(", ", missing), String.join(",", expected), excerpt(String.join(",", header))),
                        "line 1: header lacks column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                                + "; expected " + String.join(",", expected) + " but found "
                                + excerpt(String.join(",", header))));
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            boolean hasCapacity = index.containsKey(CAPACITY);
            LineCounter lines = new LineCounter(text);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lines.lineAt(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    problems.add(problem(line, "", "columns.count", List.of(String.valueOf(record.size()),
                            String.valueOf(header.size())), record.size() + " columns where the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                    values.put(column, record.get(index.get(column)).strip());
                }
                values.put(CAPACITY, hasCapacity ? record.get(index.get(CAPACITY)).strip() : "");
                rows.add(new Line(line, values));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports malformed quoting (CSVException) this way, naming the line where it stopped.
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            String message = cap(String.valueOf(cause.getMessage()));
            return refused(new Problem(0, "", "unreadable", List.of(message), "unreadable CSV: " + message
                    + "; check for a quote (\") that is opened but never closed"));
        }
        Map<String, Integer> lineOfId = new HashMap<>();
        for (Line row : rows) {
            String id = row.values.get("id");
            if (id.isEmpty()) {
                problems.add(problem(row.line, "id", "id.missing", List.of(), "missing id"));
            } else if (lineOfId.containsKey(id)) {
                problems.add(problem(row.line, "id", "id.duplicate", List.of(excerpt(id), String.valueOf(lineOfId.get(id))),
                        "duplicate id \"" + excerpt(id) + "\" (first on line " + lineOfId.get(id) + ")"));
            } else {
                lineOfId.put(id, row.line);
            }
        }
        List<Row> read = new ArrayList<>();
        Map<String, String> managerOf = new LinkedHashMap<>();
        for (Line row : rows) {
            Row participant = participant(row, lineOfId, problems);
            if (participant != null && lineOfId.get(participant.participant().id().value()) == row.line) {
                read.add(participant);
                if (participant.participant().manager() != null) {
                    managerOf.put(participant.participant().id().value(), participant.participant().manager().value());
                }
            }
        }
        problems.addAll(cycles(managerOf, lineOfId));
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Result(problems.isEmpty() ? read : List.of(), problems);
    }

    private static Result refused(Problem problem) {
        return new Result(List.of(), List.of(problem));
    }

    /** A problem on a line and column, its English text prefixed with both. */
    private static Problem problem(int line, String column, String code, List<String> args, String english) {
        String where = "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": ";
        return new Problem(line, column, code, args, where + english);
    }

    private record Line(int line, Map<String, String> values) {
    }

    private static Row participant(Line row, Map<String, Integer> lineOfId, List<Problem> problems) {
        Map<String, String> v = row.values;
        int at = row.line;
        int before = problems.size();
        for (String required : List.of("name", "organisation")) {
            if (v.get(required).isEmpty()) {
                problems.add(problem(at, required, "value.missing", List.of(required), "missing " + required));
            }
        }
        List<Language> languages = new ArrayList<>();
        for (String code : split(v.get("languages"))) {
            try {
                languages.add(Language.ofCode(code));
            } catch (IllegalArgumentException e) {
                problems.add(problem(at, "languages", "language.unknown", List.of(excerpt(code)),
                        "unknown language \"" + excerpt(code) + "\" in languages; expected fi, sv or en"));
            }
        }
        if (split(v.get("languages")).isEmpty()) {
            problems.add(problem(at, "languages", "languages.missing", List.of(),
                    "missing languages; give at least one of fi, sv, en separated by ;"));
        }
        String manager = v.get("manager_id");
        if (!manager.isEmpty() && !lineOfId.containsKey(manager)) {
            problems.add(problem(at, "manager_id", "manager.unknown", List.of(excerpt(manager)),
                    "manager_id \"" + excerpt(manager) + "\" is not the id of any row"));
        }
        if (!manager.isEmpty() && manager.equals(v.get("id"))) {
            problems.add(problem(at, "manager_id", "manager.self", List.of(excerpt(manager)),
                    "manager_id \"" + excerpt(manager) + "\" is the participant themself"));
            return null;
        }
        int capacity = 0;
        String capacityText = v.get(CAPACITY);
        if (!capacityText.isEmpty()) {
            try {
                capacity = Integer.parseInt(capacityText);
            } catch (NumberFormatException notANumber) {
                capacity = -1;
            }
            if (capacity < 0 || capacity > MAX_CAPACITY) {
                problems.add(problem(at, CAPACITY, "capacity.invalid", List.of(excerpt(capacityText),
                        String.valueOf(MAX_CAPACITY)), "capacity \"" + excerpt(capacityText) + "\" must be a whole number 0.."
                        + MAX_CAPACITY));
            }
        }
        if (problems.size() > before || v.get("id").isEmpty()) {
            return null;
        }
        try {
            Participant participant = new Participant(PersonId.of(v.get("id")), v.get("name"), v.get("email"),
                    v.get("organisation"), v.get("unit"), v.get("site"),
                    ParticipantRole.of(v.get("role").isEmpty() ? "SUPERVISOR" : v.get("role")),
                    List.copyOf(new LinkedHashSet<>(languages)), manager.isEmpty() ? null : PersonId.of(manager),
                    List.copyOf(new LinkedHashSet<>(split(v.get("interests")))));
            return new Row(participant, row.line, capacity);
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = shorten(String.valueOf(e.getMessage()));
            String column = columnOf(message);
            problems.add(problem(at, column, "value.invalid", List.of(message), message));
            return null;
        }
    }

    /** The CSV column a rule's message names ({@code name must …} → {@code name}), or "". */
    private static String columnOf(String message) {
        String field = message.split("[ .\\[]", 2)[0];
        return switch (field) {
            case "id", "name", "email", "organisation", "unit", "site", "role", "languages" -> field;
            case "manager" -> "manager_id";
            case "interests" -> "interests";
            default -> "";
        };
    }

    /** Every cycle in the reporting lines, once, naming the lines and the ids around it. */
    private static List<Problem> cycles(Map<String, String> managerOf, Map<String, Integer> lineOfId) {
        List<Problem> problems = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (String start : managerOf.keySet()) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new java.util.HashSet<>();
            String current = start;
            while (current != null && !done.contains(current) && onPath.add(current)) {
                path.add(current);
                current = managerOf.get(current);
            }
            if (current != null && onPath.contains(current)) {
                List<String> cycle = path.subList(path.indexOf(current), path.size());
                List<Integer> lines = cycle.stream().map(lineOfId::get).sorted().toList();
                String ring = shorten(String.join(" → ", cycle) + " → " + current);
                String lineList = lines.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
                problems.add(problem(lines.get(0), "manager_id", "manager.cycle", List.of(ring, lineList),
                        "reporting-line cycle " + ring + " (lines " + lineList + ")"));
            }
            done.addAll(path);
        }
        return problems;
    }

    /** A rule's message quotes the whole value; keep its start and say how long it was. */
    private static String shorten(String message) {
        return message.length() <= 160 ? message : message.substring(0, 160) + "… (" + message.length() + " characters)";
    }

    /** At most 40 characters of a value, control characters shown as ?, with its length when cut. */
    static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.length() <= 40 ? value : value.substring(0, 40);
        shown = shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return value.length() <= 40 ? shown : shown + "… (" + value.length() + " characters)";
    }

    private static String cap(String text) {
        String line = text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Turns increasing character positions into line numbers in one pass over the text. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            while (position < target && position < text.length()) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}

package fi.kasvu.lms.cli;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads the participants CSV of {@code kasvu groups form} with Apache Commons CSV, checking every
 * row and reporting every problem with its line number before anything is formed.
 */
final class ParticipantCsv {

    static final List<String> COLUMNS = List.of("id", "name", "email", "organisation", "unit", "site", "role",
            "languages", "manager_id", "interests");

    /** What reading found: the participants (only when there are no errors) and the errors. */
    record Result(List<Participant> participants, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private ParticipantCsv() {
    }

    static Result read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> errors = new ArrayList<>();
        if (text.isBlank()) {
            return new Result(List.of(), List.of("line 1: missing header row; expected " + String.join(",", COLUMNS)));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.hasNext()
                    ? records.next().toList().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList() : List.of();
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                return new Result(List.of(), List.of("line 1: header lacks column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS) + " but found "
                        + Failures.excerpt(String.join(",", header))));
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            LineCounter lines = new LineCounter(text);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lines.lineAt(record.getCharacterPosition());
                if (record.size() != header.size()) {
                    errors.add("line " + line + ": " + record.size() + " columns where the header has " + header.size());
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                    values.put(column, record.get(index.get(column)).strip());
                }
                rows.add(new Row(line, values));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports malformed quoting (CSVException) this way, naming the line where it stopped.
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            return new Result(List.of(), List.of("unreadable CSV: " + Failures.cap(String.valueOf(cause.getMessage()))
                    + "; check for a quote (\") that is opened but never closed"));
        }
        Map<String, Integer> lineOfId = new HashMap<>();
        for (Row row : rows) {
            String id = row.values.get("id");
            if (id.isEmpty()) {
                errors.add("line " + row.line + ": missing id");
            } else if (lineOfId.containsKey(id)) {
                errors.add("line " + row.line + ": duplicate id \"" + Failures.excerpt(id) + "\" (first on line "
                        + lineOfId.get(id) + ")");
            } else {
                lineOfId.put(id, row.line);
            }
        }
        List<Participant> participants = new ArrayList<>();
        Map<String, String> managerOf = new LinkedHashMap<>();
        for (Row row : rows) {
            Participant participant = participant(row, lineOfId, errors);
            if (participant != null && lineOfId.get(participant.id().value()) == row.line) {
                participants.add(participant);
                if (participant.manager() != null) {
                    managerOf.put(participant.id().value(), participant.manager().value());
                }
            }
        }
        errors.addAll(cycles(managerOf, lineOfId));
        errors.sort((a, b) -> Integer.compare(lineNumber(a), lineNumber(b)));
        return new Result(errors.isEmpty() ? List.copyOf(participants) : List.of(), List.copyOf(errors));
    }

    private record Row(int line, Map<String, String> values) {
    }

    private static Participant participant(Row row, Map<String, Integer> lineOfId, List<String> errors) {
        Map<String, String> v = row.values;
        String at = "line " + row.line + ": ";
        int before = errors.size();
        for (String required : List.of("name", "organisation")) {
            if (v.get(required).isEmpty()) {
                errors.add(at + "missing " + required);
            }
        }
        List<Language> languages = new ArrayList<>();
        for (String code : split(v.get("languages"))) {
            try {
                languages.add(Language.ofCode(code));
            } catch (IllegalArgumentException e) {
                errors.add(at + "unknown language \"" + Failures.excerpt(code) + "\" in languages; expected fi, sv or en");
            }
        }
        if (split(v.get("languages")).isEmpty()) {
            errors.add(at + "missing languages; give at least one of fi, sv, en separated by ;");
        }
        String manager = v.get("manager_id");
        if (!manager.isEmpty() && !lineOfId.containsKey(manager)) {
            errors.add(at + "manager_id \"" + Failures.excerpt(manager) + "\" is not the id of any row");
        }
        if (!manager.isEmpty() && manager.equals(v.get("id"))) {
            errors.add(at + "manager_id \"" + Failures.excerpt(manager) + "\" is the participant themself");
            return null;
        }
        if (errors.size() > before || v.get("id").isEmpty()) {
            return null;
        }
        try {
            return new Participant(PersonId.of(v.get("id")), v.get("name"), v.get("email"), v.get("organisation"),
                    v.get("unit"), v.get("site"), ParticipantRole.of(v.get("role").isEmpty() ? "SUPERVISOR" : v.get("role")),
                    List.copyOf(new LinkedHashSet<>(languages)), manager.isEmpty() ? null : PersonId.of(manager),
                    List.copyOf(new LinkedHashSet<>(split(v.get("interests")))));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(at + shorten(String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** Every cycle in the reporting lines, once, naming the lines and the ids around it. */
    private static List<String> cycles(Map<String, String> managerOf, Map<String, Integer> lineOfId) {
        List<String> errors = new ArrayList<>();
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
                errors.add(shorten("line " + lines.get(0) + ": reporting-line cycle " + String.join(" → ", cycle) + " → "
                        + current + " (lines " + lines.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
                        .orElse("") + ")"));
            }
            done.addAll(path);
        }
        return errors;
    }

    /** A rule's message quotes the whole value; keep its start and say how long it was. */
    private static String shorten(String message) {
        return message.length() <= 160 ? message : message.substring(0, 160) + "… (" + message.length() + " characters)";
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

    private static int lineNumber(String error) {
        if (!error.startsWith("line ")) {
            return 0;
        }
        int end = error.indexOf(':');
        try {
            return Integer.parseInt(error.substring(5, end));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

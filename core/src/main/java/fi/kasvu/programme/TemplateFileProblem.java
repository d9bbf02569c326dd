package fi.kasvu.programme;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What can be wrong in a programme template file (the format of {@code docs/programmes.md},
 * "Template files"), each with the 1-based line it is on (0 for the file as a whole) and, where
 * there is one, the field ({@code day}, {@code title.fi}). {@link #code()} is the key of the
 * message {@code fi.kasvu.i18n.ProgrammeMessages} has in fi, sv and en. Values quoted from the
 * file are cut to 40 characters; a template holds no one's personal text.
 */
public sealed interface TemplateFileProblem extends Problem {

    /** The 1-based line, or 0 for the file as a whole. */
    int line();

    /** The longest value a problem quotes from the file. */
    int MAX_QUOTED = 40;

    /** A value as a problem quotes it: at most {@link #MAX_QUOTED} characters, control characters as '?'. */
    static String quote(String value) {
        String safe = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return safe.length() <= MAX_QUOTED ? safe : safe.substring(0, MAX_QUOTED) + "…";
    }

    /** The arguments with the line first. */
    private static Map<String, Object> with(int line, Object... pairs) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("line", line);
        for (int i = 0; i < pairs.length; i += 2) {
            arguments.put((String) pairs[i], pairs[i + 1]);
        }
        return arguments;
    }

    // ---- the file itself ----

    /** The file is larger than Kasvu reads. */
    record FileTooLarge(long bytes, int max) implements TemplateFileProblem {
        @Override public int line() { return 0; }
        @Override public String code() { return "programme.templateFile.tooLarge"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(0, "bytes", bytes, "max", max); }
    }

    /** The file is empty or holds only comments. */
    record Empty() implements TemplateFileProblem {
        @Override public int line() { return 0; }
        @Override public String code() { return "programme.templateFile.empty"; }
        @Override public String field() { return ""; }
    }

    /** The line is not UTF-8 text (a spreadsheet's or word processor's file, say); reading stopped there. */
    record NotUtf8(int line) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.notUtf8"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line); }
    }

    /** The line holds a control character (a NUL byte, say): the file is probably not text at all. */
    record ControlCharacter(int line) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.controlCharacter"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line); }
    }

    /** The line is longer than Kasvu reads. */
    record LineTooLong(int line, int length, int max) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.lineTooLong"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "length", length, "max", max); }
    }

    /** So many problems that the rest of the file was not checked. */
    record TooManyProblems(int line, int shown) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.tooManyProblems"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "shown", shown); }
    }

    // ---- the shape of the lines ----

    /** Neither a heading ({@code phase start}) nor a field ({@code day = 7}). */
    record NotALine(int line, String text) implements TemplateFileProblem {
        /** @throws NullPointerException if the text is missing */
        public NotALine {
            text = quote(Require.nonNull("text", text));
        }

        @Override public String code() { return "programme.templateFile.notALine"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "text", text); }
    }

    /** The file does not start with its {@code template <id>} heading, or has a second one. */
    record TemplateHeading(int line) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.templateHeading"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line); }
    }

    /** The template has no phase at all; the line is the template's heading. */
    record NoPhases(int line) implements TemplateFileProblem {
        @Override public String code() { return "programme.templateFile.noPhases"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line); }
    }

    /** An event or assignment before the first phase. */
    record NoPhase(int line, String id) implements TemplateFileProblem {
        /** @throws NullPointerException if the id is missing */
        public NoPhase {
            id = quote(Require.nonNull("id", id));
        }

        @Override public String code() { return "programme.templateFile.noPhase"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "id", id); }
    }

    /** A field this kind of heading does not have ({@code speaker} under a phase, say). */
    record UnknownField(int line, String field, String section, String allowed) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public UnknownField {
            field = quote(Require.nonNull("field", field));
            Require.nonNull("section", section);
            Require.nonNull("allowed", allowed);
        }

        @Override public String code() { return "programme.templateFile.unknownField"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "section", section, "allowed", allowed);
        }
    }

    /** The field was given already under the same heading. */
    record RepeatedField(int line, String field, int firstLine) implements TemplateFileProblem {
        /** @throws NullPointerException if the field is missing */
        public RepeatedField {
            Require.nonNull("field", field);
        }

        @Override public String code() { return "programme.templateFile.repeatedField"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "firstLine", firstLine); }
    }

    /** A field the heading needs is missing; the line is the heading's. */
    record MissingField(int line, String field, String section, String id) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public MissingField {
            Require.nonNull("field", field);
            Require.nonNull("section", section);
            id = quote(Require.nonNull("id", id));
        }

        @Override public String code() { return "programme.templateFile.missingField"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "section", section, "id", id);
        }
    }

    /** An id that is not 1..60 lower-case letters, digits and '-'. */
    record BadId(int line, String id) implements TemplateFileProblem {
        /** @throws NullPointerException if the id is missing */
        public BadId {
            id = quote(Require.nonNull("id", id));
        }

        @Override public String code() { return "programme.templateFile.badId"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "id", id); }
    }

    /** The id is used already by a phase, event or assignment of the file. */
    record RepeatedId(int line, String id, int firstLine) implements TemplateFileProblem {
        /** @throws NullPointerException if the id is missing */
        public RepeatedId {
            Require.nonNull("id", id);
        }

        @Override public String code() { return "programme.templateFile.repeatedId"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "id", id, "firstLine", firstLine); }
    }

    // ---- values ----

    /** A number that is not a whole number in its range. */
    record BadNumber(int line, String field, String value, int min, int max) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public BadNumber {
            Require.nonNull("field", field);
            value = quote(Require.nonNull("value", value));
        }

        @Override public String code() { return "programme.templateFile.badNumber"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "value", value, "min", min, "max", max);
        }
    }

    /** A phase's days not written as {@code first-last}, such as {@code 0-27}, the first not after the last. */
    record BadDayRange(int line, String field, String value) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public BadDayRange {
            Require.nonNull("field", field);
            value = quote(Require.nonNull("value", value));
        }

        @Override public String code() { return "programme.templateFile.badDayRange"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "value", value); }
    }

    /** An event's times not written as {@code 9:00-12:30}. */
    record BadTimes(int line, String field, String value) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public BadTimes {
            Require.nonNull("field", field);
            value = quote(Require.nonNull("value", value));
        }

        @Override public String code() { return "programme.templateFile.badTimes"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "value", value); }
    }

    /** A value that is not one of the field's words ({@code kind = party}, say). */
    record UnknownValue(int line, String field, String value, String allowed) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public UnknownValue {
            Require.nonNull("field", field);
            value = quote(Require.nonNull("value", value));
            Require.nonNull("allowed", allowed);
        }

        @Override public String code() { return "programme.templateFile.unknownValue"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "value", value, "allowed", allowed);
        }
    }

    /** A text field in a language Kasvu does not have ({@code title.de}). */
    record UnknownLanguage(int line, String field, String language) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public UnknownLanguage {
            Require.nonNull("field", field);
            language = quote(Require.nonNull("language", language));
        }

        @Override public String code() { return "programme.templateFile.unknownLanguage"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "language", language); }
    }

    /** An empty value. */
    record EmptyValue(int line, String field) implements TemplateFileProblem {
        /** @throws NullPointerException if the field is missing */
        public EmptyValue {
            Require.nonNull("field", field);
        }

        @Override public String code() { return "programme.templateFile.emptyValue"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field); }
    }

    /** A text longer than its field takes. */
    record TextTooLong(int line, String field, int length, int max) implements TemplateFileProblem {
        /** @throws NullPointerException if the field is missing */
        public TextTooLong {
            Require.nonNull("field", field);
        }

        @Override public String code() { return "programme.templateFile.textTooLong"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "length", length, "max", max);
        }
    }

    /** A meeting link that is not an https address with a host. */
    record BadLink(int line, String field, String value) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public BadLink {
            Require.nonNull("field", field);
            value = quote(Require.nonNull("value", value));
        }

        @Override public String code() { return "programme.templateFile.badLink"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "value", value); }
    }

    /** The roles lack one every programme has (participants, organisers). */
    record RoleMissing(int line, String field, ProgrammeRole role) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public RoleMissing {
            Require.nonNull("field", field);
            Require.nonNull("role", role);
        }

        @Override public String code() { return "programme.templateFile.roleMissing"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "role", role.name()); }
    }

    /** A reflection assignment in a template whose roles have no coach to answer it. */
    record ReflectionNeedsCoach(int line, String field, String assignmentId) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public ReflectionNeedsCoach {
            Require.nonNull("field", field);
            Require.nonNull("assignmentId", assignmentId);
        }

        @Override public String code() { return "programme.templateFile.reflectionNeedsCoach"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "assignmentId", assignmentId);
        }
    }

    // ---- the programme's rules (ProgrammeRules), on the line that caused them ----

    /** A phase with no events and no assignments ({@link ProgrammeProblem.PhaseEmpty}). */
    record PhaseEmpty(int line, String phaseId) implements TemplateFileProblem {
        /** @throws NullPointerException if the id is missing */
        public PhaseEmpty {
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.templateFile.phaseEmpty"; }
        @Override public String field() { return ""; }
        @Override public Map<String, Object> arguments() { return with(line, "phaseId", phaseId); }
    }

    /** A phase's days outside the programme's ({@link ProgrammeProblem.PhaseOutsideProgramme}). */
    record PhaseOutsideDays(int line, String field, String phaseId, int first, int last, int lastDay)
            implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public PhaseOutsideDays {
            Require.nonNull("field", field);
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.templateFile.phaseOutsideDays"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "phaseId", phaseId, "first", first, "last", last, "lastDay", lastDay);
        }
    }

    /** An event on a day outside the programme ({@link ProgrammeProblem.EventOutsideProgramme}). */
    record EventOutsideDays(int line, String field, String eventId, int day, int lastDay)
            implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public EventOutsideDays {
            Require.nonNull("field", field);
            Require.nonNull("eventId", eventId);
        }

        @Override public String code() { return "programme.templateFile.eventOutsideDays"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "eventId", eventId, "day", day, "lastDay", lastDay);
        }
    }

    /** An event on a day outside its phase ({@link ProgrammeProblem.EventOutsidePhase}). */
    record EventOutsidePhase(int line, String field, String eventId, int day, String phaseId, int first, int last)
            implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public EventOutsidePhase {
            Require.nonNull("field", field);
            Require.nonNull("eventId", eventId);
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.templateFile.eventOutsidePhase"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "eventId", eventId, "day", day, "phaseId", phaseId, "first", first,
                    "last", last);
        }
    }

    /** An event ending before it starts ({@link ProgrammeProblem.EventEndsBeforeStart}). */
    record EventEndsBeforeStart(int line, String field, String eventId) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public EventEndsBeforeStart {
            Require.nonNull("field", field);
            Require.nonNull("eventId", eventId);
        }

        @Override public String code() { return "programme.templateFile.eventEndsBeforeStart"; }
        @Override public Map<String, Object> arguments() { return with(line, "field", field, "eventId", eventId); }
    }

    /** An assignment due after the programme closes ({@link ProgrammeProblem.AssignmentAfterClose}). */
    record AssignmentAfterClose(int line, String field, String assignmentId, int due, int lastDay)
            implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public AssignmentAfterClose {
            Require.nonNull("field", field);
            Require.nonNull("assignmentId", assignmentId);
        }

        @Override public String code() { return "programme.templateFile.assignmentAfterClose"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "assignmentId", assignmentId, "due", due, "lastDay", lastDay);
        }
    }

    /** An assignment due outside its phase's days (a template keeps each assignment in its phase). */
    record AssignmentOutsidePhase(int line, String field, String assignmentId, int due, String phaseId, int first,
                                  int last) implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public AssignmentOutsidePhase {
            Require.nonNull("field", field);
            Require.nonNull("assignmentId", assignmentId);
            Require.nonNull("phaseId", phaseId);
        }

        @Override public String code() { return "programme.templateFile.assignmentOutsidePhase"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "assignmentId", assignmentId, "due", due, "phaseId", phaseId,
                    "first", first, "last", last);
        }
    }

    /** A final assignment due before an intermediate one ({@link ProgrammeProblem.FinalBeforeIntermediate}). */
    record FinalBeforeIntermediate(int line, String field, String finalId, String intermediateId)
            implements TemplateFileProblem {
        /** @throws NullPointerException if a part is missing */
        public FinalBeforeIntermediate {
            Require.nonNull("field", field);
            Require.nonNull("finalId", finalId);
            Require.nonNull("intermediateId", intermediateId);
        }

        @Override public String code() { return "programme.templateFile.finalBeforeIntermediate"; }
        @Override public Map<String, Object> arguments() {
            return with(line, "field", field, "finalId", finalId, "intermediateId", intermediateId);
        }
    }
}

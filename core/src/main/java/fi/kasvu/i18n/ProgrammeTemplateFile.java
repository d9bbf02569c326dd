package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.programme.ActivityKind;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.AssignmentKind;
import fi.kasvu.programme.EventKind;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Member;
import fi.kasvu.programme.Phase;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeRules;
import fi.kasvu.programme.ProgrammeTemplate;
import fi.kasvu.programme.ProgrammeTemplate.AssignmentShape;
import fi.kasvu.programme.ProgrammeTemplate.EventShape;
import fi.kasvu.programme.ProgrammeTemplate.PhaseShape;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.TemplateFileProblem;
import fi.kasvu.programme.Venue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The programme template file (documented in {@code docs/programmes.md}, "Template files"): a
 * plain UTF-8 text an agency's HR person writes in any text editor, in the shared {@link LineFile}
 * format. Headings ({@code template <id>}, {@code phase <id>}, {@code event <id>},
 * {@code assignment <id>}) start a part; {@code name = value} lines under a heading give its
 * fields, texts per language ({@code title.fi}, {@code title.sv}, {@code title.en}). Days count
 * from the programme's first day, day 0.
 *
 * <p>{@link #read} returns the template or every problem at once, each typed, with its line and
 * field; the programme's own rules ({@link ProgrammeRules}: an event outside the days, an
 * assignment after the close, a phase with nothing in it) are reported on the line that caused
 * them. {@link #write} writes a template so that reading it gives the same template back.
 */
public final class ProgrammeTemplateFile {

    /** The largest file read, in bytes (the built-in templates are about 6 kB). */
    public static final int MAX_BYTES = 256 * 1024;
    /** The longest title. */
    public static final int MAX_TITLE = 200;
    /** The longest description or instructions. */
    public static final int MAX_TEXT = 2000;
    /** The longest place or speaker. */
    public static final int MAX_SHORT = 200;
    /** The longest meeting link. */
    public static final int MAX_LINK = 2000;
    /** The most days a programme lasts (ten years). */
    public static final int MAX_DAYS = 3660;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern DAY_RANGE = Pattern.compile("(\\d{1,5})\\s*[-–]\\s*(\\d{1,5})");
    private static final Pattern TIMES = Pattern.compile("(\\d{1,2})[:.](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.](\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    private static final String TEMPLATE = "template";
    private static final String PHASE = "phase";
    private static final String EVENT = "event";
    private static final String ASSIGNMENT = "assignment";
    private static final String REFLECTION = "reflection";

    /** Each heading's plain fields and its fields with a text per language. */
    private static final Map<String, List<String>> PLAIN = Map.of(
            TEMPLATE, List.of("days", "roles"),
            PHASE, List.of("days"),
            EVENT, List.of("kind", "day", "time", "place", "link", "speaker"),
            ASSIGNMENT, List.of("kind", "due", "fulfilled-by"));
    private static final Map<String, List<String>> TEXTS = Map.of(
            TEMPLATE, List.of("title", "description"),
            PHASE, List.of("title"),
            EVENT, List.of("title"),
            ASSIGNMENT, List.of("title", "instructions"));

    private static final LocalDate CHECK_START = LocalDate.of(2001, 1, 1);
    private static final PersonId CHECKER = PersonId.of("template-check");

    /** A field as given: its line and value. */
    private record Given(int line, String value) {
    }

    /** One heading and the fields under it. */
    private static final class Part {
        final String kind;
        final String id;
        final int line;
        final Part phase;
        final Map<String, Given> fields = new LinkedHashMap<>();
        final List<Part> items = new ArrayList<>();
        boolean usable;

        Part(String kind, String id, int line, Part phase, boolean usable) {
            this.kind = kind;
            this.id = id;
            this.line = line;
            this.phase = phase;
            this.usable = usable;
        }

        Given given(String field) {
            return fields.get(field);
        }
    }

    private final List<TemplateFileProblem> problems = new ArrayList<>();
    private final Set<Integer> badLines = new HashSet<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Part> phases = new ArrayList<>();
    private Part template;
    private Part current;
    private boolean templateHeadingReported;
    private boolean stopped;
    private int lastLine;
    /** What each part's values are, once read; null where a value is missing or wrong. */
    private final Map<Part, Object[]> values = new HashMap<>();
    private int days;
    private List<ProgrammeRole> roles = List.of(ProgrammeRole.values());

    private ProgrammeTemplateFile() {
    }

    // ---- reading ----

    /**
     * Reads a template file's bytes.
     *
     * @return the template, or every problem of the file in line order
     */
    public static Result<ProgrammeTemplate, TemplateFileProblem> read(byte[] utf8) {
        if (utf8.length > MAX_BYTES) {
            return Result.rejected(new TemplateFileProblem.FileTooLarge(utf8.length, MAX_BYTES));
        }
        ProgrammeTemplateFile file = new ProgrammeTemplateFile();
        return file.parse(new ByteArrayInputStream(utf8));
    }

    /**
     * Reads a template file's text as a web form delivers it: bytes that were not UTF-8 arrive as
     * U+FFFD, which is reported as not UTF-8 on its line.
     *
     * @return the template, or every problem of the file in line order
     */
    public static Result<ProgrammeTemplate, TemplateFileProblem> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private Result<ProgrammeTemplate, TemplateFileProblem> parse(InputStream in) {
        LineFile.read("programme template", in, new LineFile.Sink() {
            @Override
            public int errors() {
                return problems.size();
            }

            @Override
            public void notUtf8(int line) {
                problems.add(new TemplateFileProblem.NotUtf8(line));
                stopped = true;
            }

            @Override
            public void tooLong(int line, int length) {
                problems.add(new TemplateFileProblem.LineTooLong(line, length, LineFile.MAX_LINE));
            }

            @Override
            public void line(int number, String text) {
                lastLine = number;
                if (stopped) {
                    return;
                }
                if (text.indexOf('\uFFFD') >= 0) {
                    // Bytes that were not UTF-8, as a web form delivers them: reading stops here, as for bytes.
                    problems.add(new TemplateFileProblem.NotUtf8(number));
                    stopped = true;
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                    problems.add(new TemplateFileProblem.ControlCharacter(number));
                    badLines.add(number);
                }
            }
        }, this::parseLine);
        if (problems.size() >= LineFile.MAX_ERRORS) {
            stopped = true;
        }
        if (!stopped) {
            checkWhole();
        }
        List<TemplateFileProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(TemplateFileProblem::line));
        if (sorted.size() >= LineFile.MAX_ERRORS) {
            sorted = new ArrayList<>(sorted.subList(0, LineFile.MAX_ERRORS));
            sorted.add(new TemplateFileProblem.TooManyProblems(lastLine, LineFile.MAX_ERRORS));
        }
        if (!sorted.isEmpty()) {
            return Result.rejected(sorted);
        }
        return Result.accepted(build());
    }

    private void parseLine(int number, String line) {
        if (stopped || badLines.contains(number)) {
            return;
        }
        int equals = line.indexOf('=');
        if (equals >= 0) {
            parseField(number, line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            return;
        }
        String[] words = line.split("\\s+");
        String kind = words[0];
        if (words.length != 2 || !List.of(TEMPLATE, PHASE, EVENT, ASSIGNMENT).contains(kind)) {
            problems.add(new TemplateFileProblem.NotALine(number, line));
            return;
        }
        String id = words[1];
        boolean usable = true;
        if (!ID.matcher(id).matches()) {
            problems.add(new TemplateFileProblem.BadId(number, id));
            usable = false;
        }
        if (kind.equals(TEMPLATE)) {
            if (template != null || current != null) {
                problems.add(new TemplateFileProblem.TemplateHeading(number));
                templateHeadingReported = true;
                current = new Part(TEMPLATE, id, number, null, false);
                return;
            }
            template = new Part(TEMPLATE, id, number, null, usable);
            current = template;
            return;
        }
        if (template == null && !templateHeadingReported) {
            problems.add(new TemplateFileProblem.TemplateHeading(number));
            templateHeadingReported = true;
        }
        if (usable) {
            Integer first = ids.putIfAbsent(id, number);
            if (first != null) {
                problems.add(new TemplateFileProblem.RepeatedId(number, id, first));
                usable = false;
            }
        }
        if (kind.equals(PHASE)) {
            current = new Part(PHASE, id, number, null, usable);
            phases.add(current);
            return;
        }
        Part phase = phases.isEmpty() ? null : phases.get(phases.size() - 1);
        if (phase == null) {
            problems.add(new TemplateFileProblem.NoPhase(number, id));
            usable = false;
        }
        current = new Part(kind, id, number, phase, usable);
        if (phase != null) {
            phase.items.add(current);
        }
    }

    private void parseField(int number, String name, String value) {
        if (current == null) {
            if (!templateHeadingReported) {
                problems.add(new TemplateFileProblem.TemplateHeading(number));
                templateHeadingReported = true;
            }
            return;
        }
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        boolean plain = dot < 0 && PLAIN.get(current.kind).contains(name);
        boolean text = dot > 0 && TEXTS.get(current.kind).contains(base);
        if (!plain && !text) {
            List<String> allowed = new ArrayList<>(PLAIN.get(current.kind));
            TEXTS.get(current.kind).forEach(t -> allowed.add(t + ".fi/sv/en"));
            problems.add(new TemplateFileProblem.UnknownField(number, name, current.kind, String.join(", ", allowed)));
            return;
        }
        if (text && LineFile.languageOf(name.substring(dot + 1)) == null) {
            problems.add(new TemplateFileProblem.UnknownLanguage(number, name, name.substring(dot + 1)));
            return;
        }
        Given earlier = current.fields.get(name);
        if (earlier != null) {
            problems.add(new TemplateFileProblem.RepeatedField(number, name, earlier.line()));
            return;
        }
        if (value.isEmpty()) {
            problems.add(new TemplateFileProblem.EmptyValue(number, name));
            current.fields.put(name, new Given(number, null));
            return;
        }
        current.fields.put(name, new Given(number, value));
    }

    // ---- the whole file ----

    private void checkWhole() {
        if (template == null && phases.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new TemplateFileProblem.Empty());
            }
            return;
        }
        if (template != null) {
            checkTemplate(template);
            if (phases.isEmpty()) {
                problems.add(new TemplateFileProblem.NoPhases(template.line));
            }
        }
        for (Part phase : phases) {
            checkPhase(phase);
            for (Part item : phase.items) {
                if (item.kind.equals(EVENT)) {
                    checkEvent(item);
                } else {
                    checkAssignment(item);
                }
            }
        }
        if (days > 0) {
            checkRules();
        }
    }

    private void checkTemplate(Part part) {
        Integer count = number(part, "days", 1, MAX_DAYS);
        days = count == null ? 0 : count;
        LocalizedText title = text(part, "title", MAX_TITLE, true);
        LocalizedText description = text(part, "description", MAX_TEXT, true);
        Given given = part.given("roles");
        if (given != null && given.value() != null) {
            List<ProgrammeRole> listed = new ArrayList<>();
            for (String word : given.value().split(",")) {
                ProgrammeRole role = word(ProgrammeRole.values(), word.strip());
                if (role == null) {
                    problems.add(new TemplateFileProblem.UnknownValue(given.line(), "roles", word.strip(),
                            words(ProgrammeRole.values())));
                    part.usable = false;
                } else {
                    listed.add(role);
                }
            }
            for (ProgrammeRole needed : List.of(ProgrammeRole.PARTICIPANT, ProgrammeRole.ORGANISER)) {
                if (!listed.contains(needed)) {
                    problems.add(new TemplateFileProblem.RoleMissing(given.line(), "roles", needed));
                    part.usable = false;
                }
            }
            roles = listed.stream().distinct().sorted().toList();
        }
        if (count == null || title == null || description == null) {
            part.usable = false;
        }
        values.put(part, new Object[] {title, description});
    }

    private void checkPhase(Part part) {
        Given given = required(part, "days");
        Integer first = null;
        Integer last = null;
        if (given != null) {
            Matcher m = DAY_RANGE.matcher(given.value());
            if (m.matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))
                    && Integer.parseInt(m.group(2)) <= MAX_DAYS) {
                first = Integer.parseInt(m.group(1));
                last = Integer.parseInt(m.group(2));
            } else {
                problems.add(new TemplateFileProblem.BadDayRange(given.line(), "days", given.value()));
            }
        }
        LocalizedText title = text(part, "title", MAX_TITLE, true);
        if (first == null || title == null) {
            part.usable = false;
        }
        values.put(part, new Object[] {title, first, last});
    }

    private void checkEvent(Part part) {
        EventKind kind = choice(part, "kind", EventKind.values());
        Integer day = number(part, "day", 0, MAX_DAYS);
        Given times = required(part, "time");
        LocalTime from = null;
        Duration duration = null;
        if (times != null) {
            Matcher m = TIMES.matcher(times.value());
            if (m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60
                    && Integer.parseInt(m.group(3)) < 24 && Integer.parseInt(m.group(4)) < 60) {
                from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                LocalTime to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                duration = Duration.between(from, to);
            } else {
                problems.add(new TemplateFileProblem.BadTimes(times.line(), "time", times.value()));
            }
        }
        String place = shortText(part, "place", MAX_SHORT);
        String link = link(part);
        String speaker = shortText(part, "speaker", MAX_SHORT);
        LocalizedText title = text(part, "title", MAX_TITLE, true);
        if (kind == null || day == null || from == null || title == null || place == null || link == null
                || speaker == null) {
            part.usable = false;
        }
        Venue venue = place == null || link == null ? null
                : !place.isEmpty() && !link.isEmpty() ? new Venue.Hybrid(place, link)
                : !place.isEmpty() ? new Venue.OnSite(place)
                : !link.isEmpty() ? new Venue.Online(link) : new Venue.ToBeAnnounced();
        values.put(part, new Object[] {kind, day, from, duration, venue, speaker, title});
    }

    private void checkAssignment(Part part) {
        AssignmentKind kind = choice(part, "kind", AssignmentKind.values());
        Integer due = number(part, "due", 0, MAX_DAYS);
        Given given = required(part, "fulfilled-by");
        Fulfilment fulfilment = null;
        if (given != null) {
            if (given.value().equals(REFLECTION)) {
                fulfilment = new Fulfilment.Reflection();
                if (!roles.contains(ProgrammeRole.COACH)) {
                    problems.add(new TemplateFileProblem.ReflectionNeedsCoach(given.line(), "fulfilled-by", part.id));
                }
            } else {
                ActivityKind activity = word(ActivityKind.values(), given.value());
                if (activity == null) {
                    problems.add(new TemplateFileProblem.UnknownValue(given.line(), "fulfilled-by", given.value(),
                            REFLECTION + ", " + words(ActivityKind.values())));
                } else {
                    fulfilment = Fulfilment.Activity.unlinked(activity);
                }
            }
        }
        LocalizedText title = text(part, "title", MAX_TITLE, true);
        LocalizedText instructions = text(part, "instructions", MAX_TEXT, false);
        if (kind == null || due == null || fulfilment == null || title == null) {
            part.usable = false;
        }
        values.put(part, new Object[] {kind, due, fulfilment, title, instructions});
    }

    // ---- the programme's rules, on a trial programme starting on a fixed day ----

    private void checkRules() {
        Map<String, Part> byId = new HashMap<>();
        List<Phase> trial = new ArrayList<>();
        for (Part phase : phases) {
            if (!phase.usable) {
                continue;
            }
            Object[] p = values.get(phase);
            int first = (Integer) p[1];
            int last = (Integer) p[2];
            byId.put(phase.id, phase);
            List<ScheduledEvent> events = new ArrayList<>();
            List<Assignment> assignments = new ArrayList<>();
            for (Part item : phase.items) {
                if (!item.usable) {
                    continue;
                }
                byId.put(item.id, item);
                Object[] v = values.get(item);
                if (item.kind.equals(EVENT)) {
                    Instant starts = CHECK_START.plusDays((Integer) v[1]).atTime((LocalTime) v[2])
                            .toInstant(ZoneOffset.UTC);
                    events.add(new ScheduledEvent(item.id, (EventKind) v[0], (LocalizedText) v[6], starts,
                            starts.plus((Duration) v[3]), (Venue) v[4], (String) v[5]));
                } else {
                    int due = (Integer) v[1];
                    assignments.add(new Assignment(item.id, (AssignmentKind) v[0], (LocalizedText) v[3],
                            (LocalizedText) v[4], CHECK_START.plusDays(due), (Fulfilment) v[2]));
                    if (due <= days - 1 && (due < first || due > last)) {
                        problems.add(new TemplateFileProblem.AssignmentOutsidePhase(item.given("due").line(), "due",
                                item.id, due, phase.id, first, last));
                    }
                }
            }
            trial.add(new Phase(phase.id, (LocalizedText) p[0], CHECK_START.plusDays(first),
                    CHECK_START.plusDays(last), events, assignments));
        }
        Programme programme = new Programme("template-check", null, LocalizedText.only(Language.EN, "check"),
                CHECK_START, CHECK_START.plusDays(days - 1L), ZoneOffset.UTC, trial,
                List.of(new Member(CHECKER, ProgrammeRole.ORGANISER)), Instant.EPOCH, Instant.EPOCH);
        for (ProgrammeProblem problem : ProgrammeRules.check(programme)) {
            TemplateFileProblem found = onLine(problem, byId);
            if (found != null) {
                problems.add(found);
            }
        }
    }

    /** The rule's problem on the line that caused it; null for what a template leaves to the organiser. */
    private TemplateFileProblem onLine(ProgrammeProblem problem, Map<String, Part> byId) {
        int lastDay = days - 1;
        if (problem instanceof ProgrammeProblem.PhaseEmpty empty) {
            Part phase = byId.get(empty.phaseId());
            return phase.items.isEmpty() ? new TemplateFileProblem.PhaseEmpty(phase.line, phase.id) : null;
        }
        if (problem instanceof ProgrammeProblem.PhaseOutsideProgramme outside) {
            Part phase = byId.get(outside.phaseId());
            Object[] p = values.get(phase);
            return new TemplateFileProblem.PhaseOutsideDays(phase.given("days").line(), "days", phase.id,
                    (Integer) p[1], (Integer) p[2], lastDay);
        }
        if (problem instanceof ProgrammeProblem.EventEndsBeforeStart ends) {
            Part event = byId.get(ends.eventId());
            return new TemplateFileProblem.EventEndsBeforeStart(event.given("time").line(), "time", event.id);
        }
        if (problem instanceof ProgrammeProblem.EventOutsideProgramme outside) {
            Part event = byId.get(outside.eventId());
            return new TemplateFileProblem.EventOutsideDays(event.given("day").line(), "day", event.id,
                    (Integer) values.get(event)[1], lastDay);
        }
        if (problem instanceof ProgrammeProblem.EventOutsidePhase outside) {
            Part event = byId.get(outside.eventId());
            Object[] p = values.get(event.phase);
            return new TemplateFileProblem.EventOutsidePhase(event.given("day").line(), "day", event.id,
                    (Integer) values.get(event)[1], event.phase.id, (Integer) p[1], (Integer) p[2]);
        }
        if (problem instanceof ProgrammeProblem.AssignmentAfterClose late) {
            Part assignment = byId.get(late.assignmentId());
            return new TemplateFileProblem.AssignmentAfterClose(assignment.given("due").line(), "due",
                    assignment.id, (Integer) values.get(assignment)[1], lastDay);
        }
        if (problem instanceof ProgrammeProblem.FinalBeforeIntermediate early) {
            Part assignment = byId.get(early.finalId());
            return new TemplateFileProblem.FinalBeforeIntermediate(assignment.given("due").line(), "due",
                    early.finalId(), early.intermediateId());
        }
        return null;
    }

    private ProgrammeTemplate build() {
        List<PhaseShape> shapes = new ArrayList<>();
        for (Part phase : phases) {
            Object[] p = values.get(phase);
            List<EventShape> events = new ArrayList<>();
            List<AssignmentShape> assignments = new ArrayList<>();
            for (Part item : phase.items) {
                Object[] v = values.get(item);
                if (item.kind.equals(EVENT)) {
                    events.add(new EventShape(item.id, (EventKind) v[0], (LocalizedText) v[6], (Integer) v[1],
                            (LocalTime) v[2], (Duration) v[3], (Venue) v[4], (String) v[5]));
                } else {
                    assignments.add(new AssignmentShape(item.id, (AssignmentKind) v[0], (LocalizedText) v[3],
                            (LocalizedText) v[4], (Integer) v[1], (Fulfilment) v[2]));
                }
            }
            shapes.add(new PhaseShape(phase.id, (LocalizedText) p[0], (Integer) p[1], (Integer) p[2], events,
                    assignments));
        }
        Object[] t = values.get(template);
        return new ProgrammeTemplate(template.id, (LocalizedText) t[0], (LocalizedText) t[1], days, shapes, roles);
    }

    // ---- values ----

    private Given required(Part part, String field) {
        Given given = part.given(field);
        if (given == null) {
            problems.add(new TemplateFileProblem.MissingField(part.line, field, part.kind, part.id));
            return null;
        }
        return given.value() == null ? null : given;
    }

    private Integer number(Part part, String field, int min, int max) {
        Given given = required(part, field);
        if (given == null) {
            return null;
        }
        if (NUMBER.matcher(given.value()).matches()) {
            int value = Integer.parseInt(given.value());
            if (value >= min && value <= max) {
                return value;
            }
        }
        problems.add(new TemplateFileProblem.BadNumber(given.line(), field, given.value(), min, max));
        return null;
    }

    private <E extends Enum<E>> E choice(Part part, String field, E[] choices) {
        Given given = required(part, field);
        if (given == null) {
            return null;
        }
        E chosen = word(choices, given.value());
        if (chosen == null) {
            problems.add(new TemplateFileProblem.UnknownValue(given.line(), field, given.value(), words(choices)));
        }
        return chosen;
    }

    /** The texts of a field per language; null (and a problem) if one is too long or a required one missing. */
    private LocalizedText text(Part part, String field, int max, boolean required) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        boolean wrong = false;
        for (Language language : Language.values()) {
            Given given = part.given(field + "." + language.code());
            if (given == null) {
                continue;
            }
            if (given.value() == null) {
                wrong = true;
            } else if (given.value().length() > max) {
                problems.add(new TemplateFileProblem.TextTooLong(given.line(), field + "." + language.code(),
                        given.value().length(), max));
                wrong = true;
            } else {
                texts.put(language, given.value());
            }
        }
        if (texts.isEmpty() && !wrong) {
            if (required) {
                problems.add(new TemplateFileProblem.MissingField(part.line, field + ".fi/sv/en", part.kind, part.id));
            }
            return null;
        }
        return wrong ? null : new LocalizedText(texts);
    }

    /** An optional short text: "" if not given, null (and a problem) if too long. */
    private String shortText(Part part, String field, int max) {
        Given given = part.given(field);
        if (given == null) {
            return "";
        }
        if (given.value() == null) {
            return null;
        }
        if (given.value().length() > max) {
            problems.add(new TemplateFileProblem.TextTooLong(given.line(), field, given.value().length(), max));
            return null;
        }
        return given.value();
    }

    /** An optional https link: "" if not given, null (and a problem) if not an https address with a host. */
    private String link(Part part) {
        Given given = part.given("link");
        if (given == null) {
            return "";
        }
        if (given.value() == null) {
            return null;
        }
        String value = given.value();
        if (value.length() > MAX_LINK) {
            problems.add(new TemplateFileProblem.TextTooLong(given.line(), "link", value.length(), MAX_LINK));
            return null;
        }
        try {
            URI uri = new URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return value;
            }
        } catch (URISyntaxException notALink) {
            // reported below
        }
        problems.add(new TemplateFileProblem.BadLink(given.line(), "link", value));
        return null;
    }

    /** The file's word for an enum constant: lower case with '-' ({@code COACHING_SESSION} → {@code coaching-session}). */
    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E word(E[] choices, String word) {
        return Arrays.stream(choices).filter(c -> word(c).equals(word)).findFirst().orElse(null);
    }

    private static String words(Enum<?>[] choices) {
        return Arrays.stream(choices).map(ProgrammeTemplateFile::word).collect(Collectors.joining(", "));
    }

    // ---- writing ----

    /**
     * The template as a file that {@link #read} gives back equal.
     *
     * @throws IllegalArgumentException if a part cannot be written in the format: an id the format
     *                                  does not allow, a text with a line break or surrounding spaces,
     *                                  an event running past midnight
     */
    public static String write(ProgrammeTemplate template) {
        StringBuilder out = new StringBuilder();
        out.append("# Kasvu programme template (UTF-8). The format: docs/programmes.md, \"Template files\".\n")
                .append("# Days count from the programme's first day, which is day 0.\n\n");
        heading(out, TEMPLATE, template.id());
        field(out, "days", Integer.toString(template.days()));
        field(out, "roles", template.roles().stream().map(ProgrammeTemplateFile::word)
                .collect(Collectors.joining(", ")));
        texts(out, "title", template.title());
        texts(out, "description", template.description());
        for (PhaseShape phase : template.phases()) {
            out.append('\n');
            heading(out, PHASE, phase.id());
            field(out, "days", phase.firstDay() + "-" + phase.lastDay());
            texts(out, "title", phase.title());
            for (EventShape event : phase.events()) {
                out.append('\n');
                heading(out, EVENT, event.id());
                field(out, "kind", word(event.kind()));
                field(out, "day", Integer.toString(event.day()));
                LocalTime ends = event.time().plus(event.duration());
                if (event.duration().isNegative() || event.duration().compareTo(Duration.ofDays(1)) >= 0
                        || ends.isBefore(event.time())) {
                    throw new IllegalArgumentException("event " + event.id() + " runs past midnight: a template file "
                            + "gives an event's start and end on its day");
                }
                field(out, "time", time(event.time()) + "-" + time(ends));
                if (event.venue() instanceof Venue.OnSite onSite) {
                    field(out, "place", onSite.place());
                } else if (event.venue() instanceof Venue.Online online) {
                    field(out, "link", online.link());
                } else if (event.venue() instanceof Venue.Hybrid hybrid) {
                    field(out, "place", hybrid.place());
                    field(out, "link", hybrid.link());
                }
                if (!event.speaker().isEmpty()) {
                    field(out, "speaker", event.speaker());
                }
                texts(out, "title", event.title());
            }
            for (AssignmentShape assignment : phase.assignments()) {
                out.append('\n');
                heading(out, ASSIGNMENT, assignment.id());
                field(out, "kind", word(assignment.kind()));
                field(out, "due", Integer.toString(assignment.dueDay()));
                field(out, "fulfilled-by", assignment.fulfilledBy() instanceof Fulfilment.Activity activity
                        ? word(activity.kind()) : REFLECTION);
                texts(out, "title", assignment.title());
                if (assignment.instructions() != null) {
                    texts(out, "instructions", assignment.instructions());
                }
            }
        }
        return out.toString();
    }

    private static void heading(StringBuilder out, String kind, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a template file's ids are 1..60 lower-case letters, digits and '-': "
                    + id);
        }
        out.append(kind).append(' ').append(id).append('\n');
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value.isEmpty() || !value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " cannot be written on one line as it is: \""
                    + TemplateFileProblem.quote(value) + "\"");
        }
        out.append("  ").append(name).append(" = ").append(value).append('\n');
    }

    private static void texts(StringBuilder out, String name, LocalizedText text) {
        for (Language language : Language.values()) {
            if (text.has(language)) {
                field(out, name + "." + language.code(), text.in(language));
            }
        }
    }

    private static String time(LocalTime time) {
        return time.getHour() + ":" + String.format(Locale.ROOT, "%02d", time.getMinute());
    }

    // ---- the shipped examples ----

    /**
     * The example file shipped for a built-in template ({@link ProgrammeTemplates}), the starting
     * point an agency edits: the built-in template written in the format.
     *
     * @return the file's text, or empty if no built-in template has the id
     */
    public static Optional<String> example(String templateId) {
        if (ProgrammeTemplates.byId(templateId).isEmpty()) {
            return Optional.empty();
        }
        String resource = "programme-templates/" + templateId + ".txt";
        try (InputStream in = ProgrammeTemplateFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example template file missing: " + resource);
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

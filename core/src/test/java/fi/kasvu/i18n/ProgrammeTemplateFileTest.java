package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.programme.ActivityKind;
import fi.kasvu.programme.AssignmentKind;
import fi.kasvu.programme.EventKind;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeProblem;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ProgrammeTemplate;
import fi.kasvu.programme.ProgrammeTemplates;
import fi.kasvu.programme.ScheduledEvent;
import fi.kasvu.programme.TemplateFileProblem;
import fi.kasvu.programme.TemplateFileProblem.*;
import fi.kasvu.programme.Venue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The programme template file: the built-ins round trip, an agency's file reads, and every mistake is named at its line. */
class ProgrammeTemplateFileTest {

    static List<ProgrammeTemplate> builtIns() {
        return ProgrammeTemplates.all();
    }

    static List<TemplateFileProblem> read(String text) {
        return ProgrammeTemplateFile.read(text).problems();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void builtInTemplate_writtenOut_readsBackEqual(ProgrammeTemplate template) {
        String file = ProgrammeTemplateFile.write(template);

        Result<ProgrammeTemplate, TemplateFileProblem> read = ProgrammeTemplateFile.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.orElseThrow()).isEqualTo(template);
        assertThat(file).startsWith("# Kasvu programme template").contains("template " + template.id() + "\n",
                "  roles = participant, coach, organiser\n");
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void shippedExample_isTheBuiltInWrittenOut(ProgrammeTemplate template) {
        String example = ProgrammeTemplateFile.example(template.id()).orElseThrow();

        assertThat(example).isEqualTo(ProgrammeTemplateFile.write(template));
        assertThat(ProgrammeTemplateFile.read(example.getBytes(StandardCharsets.UTF_8)).orElseThrow())
                .isEqualTo(template);
        assertThat(ProgrammeTemplateFile.example("../grow-questions")).isEmpty();
    }

    @Test
    void supervisorCoachingExample_readsAsTheDocsDescribe() {
        String example = ProgrammeTemplateFile.example("supervisor-coaching").orElseThrow();

        assertThat(example).contains("""
                event kick-off
                  kind = kick-off
                  day = 7
                  time = 9:00-12:30
                  title.fi = Aloitustilaisuus
                """, """
                assignment feedback-360
                  kind = intermediate
                  due = 27
                  fulfilled-by = feedback-360
                """);
    }

    @Test
    void agencyFile_withPlacesLinksSpeakersAndRoles_becomesAProgrammeWithOnlyTheLinksLeftToDecide() {
        String file = "\uFEFF# Our light mentoring\r\n"
                + "template mentoring-light\r\n"
                + "\tdays = 60\r\n"
                + "\troles = organiser, participant\r\n"
                + "\ttitle.fi = Kevyt mentorointi\r\n"
                + "\tdescription.fi = Kaksi tapaamista ja suunnitelma.\r\n"
                + "\r\n"
                + "phase all\r\n"
                + "  days = 0 - 59\r\n"
                + "  title.fi = Koko ohjelma\r\n"
                + "event kick-off\r\n"
                + "  kind = kick-off\r\n"
                + "  day = 0\r\n"
                + "  time = 9.00 – 10.30\r\n"
                + "  place = Sali 1, Helsinki\r\n"
                + "  link = https://teams.example/kick\r\n"
                + "  title.fi = Aloitus\r\n"
                + "  title.sv = Start\r\n"
                + "event meetup-1\r\n"
                + "  kind = meetup\r\n"
                + "  day = 30\r\n"
                + "  time = 13:00-15:00\r\n"
                + "  link = https://teams.example/m1\r\n"
                + "  speaker = Pia Puhuja\r\n"
                + "  title.fi = Treffit\r\n"
                + "assignment plan\r\n"
                + "  kind = final\r\n"
                + "  due = 59\r\n"
                + "  fulfilled-by = development-plan\r\n"
                + "  title.fi = Suunnitelma\r\n";

        ProgrammeTemplate template = ProgrammeTemplateFile.read(file).orElseThrow();

        assertThat(template.id()).isEqualTo("mentoring-light");
        assertThat(template.days()).isEqualTo(60);
        assertThat(template.roles()).containsExactly(ProgrammeRole.PARTICIPANT, ProgrammeRole.ORGANISER);
        ProgrammeTemplate.EventShape kickOff = template.phases().get(0).events().get(0);
        assertThat(kickOff.time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(kickOff.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(kickOff.venue()).isEqualTo(new Venue.Hybrid("Sali 1, Helsinki", "https://teams.example/kick"));
        assertThat(kickOff.title()).isEqualTo(new LocalizedText(java.util.Map.of(Language.FI, "Aloitus",
                Language.SV, "Start")));
        ProgrammeTemplate.EventShape meetup = template.phases().get(0).events().get(1);
        assertThat(meetup.venue()).isEqualTo(new Venue.Online("https://teams.example/m1"));
        assertThat(meetup.speaker()).isEqualTo("Pia Puhuja");
        ProgrammeTemplate.AssignmentShape plan = template.phases().get(0).assignments().get(0);
        assertThat(plan.kind()).isEqualTo(AssignmentKind.FINAL);
        assertThat(plan.instructions()).isNull();
        assertThat(plan.fulfilledBy()).isEqualTo(Fulfilment.Activity.unlinked(ActivityKind.DEVELOPMENT_PLAN));

        Programme programme = template.instantiate("p", null, LocalDate.of(2026, 9, 1), ZoneId.of("Europe/Helsinki"),
                PersonId.of("olli"), Instant.parse("2026-08-01T00:00:00Z"));
        ScheduledEvent placed = programme.events().get(0);
        assertThat(placed.starts()).isEqualTo(Instant.parse("2026-09-01T06:00:00Z"));
        assertThat(placed.venue()).isEqualTo(kickOff.venue());
        assertThat(programme.problems()).containsExactly(new ProgrammeProblem.ActivityNotLinked("plan"));
        assertThat(ProgrammeTemplateFile.read(ProgrammeTemplateFile.write(template)).orElseThrow()).isEqualTo(template);
    }

    @Test
    void badFile_listsEveryProblem_withItsLineAndField_notJustTheFirst() {
        String file = String.join("\n",
                "# mistakes, one or more per line",          // 1
                "template our-coaching",                      // 2
                "  days = 90",                                // 3
                "  roles = participant, mentor",              // 4
                "  title.fi = Oma valmennus",                 // 5
                "  title.de = Unser Coaching",                // 6
                "  description.en = Our coaching",            // 7
                "  speaker = Someone",                        // 8
                "",                                           // 9
                "phase start",                                // 10
                "  days = 0-29",                              // 11
                "  title.en = Start",                         // 12
                "  title.en = Start again",                   // 13
                "",                                           // 14
                "event kick-off",                             // 15
                "  kind = party",                             // 16
                "  day = seven",                              // 17
                "  time = 9-12",                              // 18
                "  link = http://example.org/meet",           // 19
                "  title.en = Kick-off",                      // 20
                "",                                           // 21
                "event Kick_Off",                             // 22
                "  kind = kick-off",                          // 23
                "",                                           // 24
                "phase start",                                // 25
                "  days = 40-30",                             // 26
                "",                                           // 27
                "assignment reflection-1",                    // 28
                "  kind = final",                             // 29
                "  due = 20",                                 // 30
                "  fulfilled-by = reflection",                // 31
                "  title.en =",                               // 32
                "this line is nonsense");                     // 33

        assertThat(read(file)).containsExactly(
                new UnknownValue(4, "roles", "mentor", "participant, coach, organiser"),
                new RoleMissing(4, "roles", ProgrammeRole.ORGANISER),
                new UnknownLanguage(6, "title.de", "de"),
                new UnknownField(8, "speaker", "template", "days, roles, title.fi/sv/en, description.fi/sv/en"),
                new RepeatedField(13, "title.en", 12),
                new UnknownValue(16, "kind", "party", "kick-off, coaching-session, meetup, closing"),
                new BadNumber(17, "day", "seven", 0, ProgrammeTemplateFile.MAX_DAYS),
                new BadTimes(18, "time", "9-12"),
                new BadLink(19, "link", "http://example.org/meet"),
                new BadId(22, "Kick_Off"),
                new MissingField(22, "day", "event", "Kick_Off"),
                new MissingField(22, "time", "event", "Kick_Off"),
                new MissingField(22, "title.fi/sv/en", "event", "Kick_Off"),
                new RepeatedId(25, "start", 10),
                new MissingField(25, "title.fi/sv/en", "phase", "start"),
                new BadDayRange(26, "days", "40-30"),
                new ReflectionNeedsCoach(31, "fulfilled-by", "reflection-1"),
                new EmptyValue(32, "title.en"),
                new NotALine(33, "this line is nonsense"));
    }

    @Test
    void programmeRules_areReportedOnTheLineThatBrokeThem() {
        String file = String.join("\n",
                "template rules",                 // 1
                "  days = 100",                   // 2
                "  title.en = Rules",             // 3
                "  description.en = Breaks them", // 4
                "",                               // 5
                "phase start",                    // 6
                "  days = 0-49",                  // 7
                "  title.en = Start",             // 8
                "",                               // 9
                "event kick-off",                 // 10
                "  kind = kick-off",              // 11
                "  day = 60",                     // 12
                "  time = 9:00-12:00",            // 13
                "  title.en = Kick-off",          // 14
                "",                               // 15
                "event late",                     // 16
                "  kind = meetup",                // 17
                "  day = 120",                    // 18
                "  time = 13:00-12:00",           // 19
                "  title.en = Too late",          // 20
                "",                               // 21
                "assignment early-final",         // 22
                "  kind = final",                 // 23
                "  due = 10",                     // 24
                "  fulfilled-by = grow",          // 25
                "  title.en = Final",             // 26
                "",                               // 27
                "assignment wrong-phase",         // 28
                "  kind = intermediate",          // 29
                "  due = 70",                     // 30
                "  fulfilled-by = reflection",    // 31
                "  title.en = Intermediate",      // 32
                "",                               // 33
                "phase empty",                    // 34
                "  days = 50-120",                // 35
                "  title.en = Nothing here");     // 36

        assertThat(read(file)).containsExactly(
                new EventOutsidePhase(12, "day", "kick-off", 60, "start", 0, 49),
                new EventOutsideDays(18, "day", "late", 120, 99),
                new EventEndsBeforeStart(19, "time", "late"),
                new FinalBeforeIntermediate(24, "due", "early-final", "wrong-phase"),
                new AssignmentOutsidePhase(30, "due", "wrong-phase", 70, "start", 0, 49),
                new PhaseEmpty(34, "empty"),
                new PhaseOutsideDays(35, "days", "empty", 50, 120, 99));
    }

    @Test
    void assignmentDueAfterTheClose_isReportedAtItsDueLine() {
        String file = ProgrammeTemplateFile.write(ProgrammeTemplates.SUPERVISOR_COACHING)
                .replace("  due = 170\n", "  due = 400\n");
        int line = Arrays.asList(file.split("\n")).indexOf("  due = 400") + 1;

        assertThat(read(file)).containsExactly(
                new AssignmentAfterClose(line, "due", "final-reflection", 400, 180));
    }

    @Test
    void fileStructure_mistakes_areNamed() {
        assertThat(read("")).containsExactly(new Empty());
        assertThat(read("# only a comment\n\n")).containsExactly(new Empty());
        assertThat(read("days = 3\nphase a\n  days = 0-1\n  title.en = A\n")).first()
                .isEqualTo(new TemplateHeading(1));
        assertThat(read("template t\n  days = 3\n  title.en = T\n  description.en = D\n"))
                .containsExactly(new NoPhases(1));
        assertThat(read("template t\n  days = 3\n  title.en = T\n  description.en = D\nevent e\n  kind = closing\n"
                + "phase p\n  days = 0-2\n  title.en = P\nevent f\n  kind = closing\n  day = 1\n  time = 9:00-10:00\n"
                + "  title.en = F\ntemplate again\n")).containsExactly(new NoPhase(5, "e"), new TemplateHeading(15));
        assertThat(read("template t\n  days = 0\n  roles = participant, organiser, coach, organiser\n  title.en = T\n"))
                .containsExactly(new MissingField(1, "description.fi/sv/en", "template", "t"), new NoPhases(1),
                        new BadNumber(2, "days", "0", 1, ProgrammeTemplateFile.MAX_DAYS));
    }

    @Test
    void textsAndLinks_haveTheirLimits() {
        String base = "template t\n  days = 10\n  title.en = T\n  description.en = D\nphase p\n  days = 0-9\n"
                + "  title.en = P\nevent e\n  kind = meetup\n  day = 1\n  time = 9:00-10:00\n";
        assertThat(read(base + "  title.en = " + "x".repeat(201) + "\n  speaker = " + "s".repeat(201)
                + "\n  link = javascript:alert(1)\n  place = \n")).containsExactly(
                new TextTooLong(12, "title.en", 201, ProgrammeTemplateFile.MAX_TITLE),
                new TextTooLong(13, "speaker", 201, ProgrammeTemplateFile.MAX_SHORT),
                new BadLink(14, "link", "javascript:alert(1)"),
                new EmptyValue(15, "place"));
    }

    @Test
    void notUtf8_isReportedAtItsLine_andReadingStopsThere() {
        byte[] latin = "template t\n  days = 10\n  title.fi = Ohjelma\n  description.fi = Esihenkilöille\n"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(ProgrammeTemplateFile.read(latin).problems()).containsExactly(new NotUtf8(4));
        assertThat(read("template t\n  title.fi = Esihenkil\uFFFDille\n")).first().isEqualTo(new NotUtf8(2));
    }

    @Test
    void binaryOrHugeFiles_areRefusedWithAClearProblem() {
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(ProgrammeTemplateFile.read(png).problems()).first().isInstanceOf(NotUtf8.class);

        assertThat(read("template t\u0000\n  days = 1\u0007\n# a comment\u0000\n")).startsWith(
                new ControlCharacter(1), new ControlCharacter(2), new ControlCharacter(3));

        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) 'a');
        assertThat(ProgrammeTemplateFile.read(tenMegabytes).problems())
                .containsExactly(new FileTooLarge(10L * 1024 * 1024, ProgrammeTemplateFile.MAX_BYTES));

        assertThat(read("x".repeat(LineFile.MAX_LINE + 1) + "\n")).first()
                .isEqualTo(new LineTooLong(1, LineFile.MAX_LINE + 1, LineFile.MAX_LINE));
    }

    @Test
    void aFileOfNothingButMistakes_listsTheFirstFiftyAndSaysSo() {
        String file = "template t\n" + "nonsense line here\n".repeat(200);

        List<TemplateFileProblem> problems = read(file);

        assertThat(problems).hasSize(LineFile.MAX_ERRORS + 1);
        assertThat(problems.get(0)).isEqualTo(new NotALine(2, "nonsense line here"));
        assertThat(problems.get(LineFile.MAX_ERRORS)).isInstanceOf(TooManyProblems.class);
    }

    @Test
    void quotedValues_areCutAndHaveNoControlCharacters() {
        assertThat(new NotALine(1, "y".repeat(100) + "\u0007").text()).hasSize(41).endsWith("…");
        assertThat(TemplateFileProblem.quote("a\u0000b")).isEqualTo("a?b");
    }

    @Test
    void writer_refusesWhatTheFormatCannotHold() {
        ProgrammeTemplate overnight = new ProgrammeTemplate("overnight", LocalizedText.only(Language.EN, "O"),
                LocalizedText.only(Language.EN, "D"), 2, List.of(new ProgrammeTemplate.PhaseShape("p",
                LocalizedText.only(Language.EN, "P"), 0, 1, List.of(new ProgrammeTemplate.EventShape("e",
                EventKind.CLOSING, LocalizedText.only(Language.EN, "E"), 0, LocalTime.of(22, 0),
                Duration.ofHours(4))), List.of())));
        assertThatThrownBy(() -> ProgrammeTemplateFile.write(overnight)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past midnight");

        ProgrammeTemplate twoLines = new ProgrammeTemplate("two-lines", LocalizedText.only(Language.EN, "A\nB"),
                LocalizedText.only(Language.EN, "D"), 2, List.of());
        assertThatThrownBy(() -> ProgrammeTemplateFile.write(twoLines)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title.en");
    }

    @Test
    void everyKindOfProblem_hasItsMessageInFinnishSwedishAndEnglish_withTheLine() {
        List<TemplateFileProblem> one = List.of(new FileTooLarge(1, 2), new Empty(), new NotUtf8(1),
                new ControlCharacter(1), new LineTooLong(1, 2, 3), new TooManyProblems(1, 50), new NotALine(1, "x"),
                new TemplateHeading(1), new NoPhases(1), new NoPhase(1, "e"), new UnknownField(1, "f", "event", "a"),
                new RepeatedField(2, "f", 1), new MissingField(1, "day", "event", "e"), new BadId(1, "X"),
                new RepeatedId(2, "x", 1), new BadNumber(1, "day", "x", 0, 9), new BadDayRange(1, "days", "x"),
                new BadTimes(1, "time", "x"), new UnknownValue(1, "kind", "x", "a, b"),
                new UnknownLanguage(1, "title.de", "de"), new EmptyValue(1, "title.fi"),
                new TextTooLong(1, "title.fi", 3, 2), new BadLink(1, "link", "x"),
                new RoleMissing(1, "roles", ProgrammeRole.ORGANISER), new ReflectionNeedsCoach(1, "fulfilled-by", "a"),
                new PhaseEmpty(1, "p"), new PhaseOutsideDays(1, "days", "p", 0, 9, 5),
                new EventOutsideDays(1, "day", "e", 9, 5), new EventOutsidePhase(1, "day", "e", 9, "p", 0, 5),
                new EventEndsBeforeStart(1, "time", "e"), new AssignmentAfterClose(1, "due", "a", 9, 5),
                new AssignmentOutsidePhase(1, "due", "a", 9, "p", 0, 5),
                new FinalBeforeIntermediate(1, "due", "f", "i"));
        Set<Class<?>> kinds = one.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(kinds).isEqualTo(new HashSet<>(Arrays.asList(TemplateFileProblem.class.getPermittedSubclasses())));

        for (TemplateFileProblem problem : one) {
            Set<String> texts = new HashSet<>();
            for (Language language : Language.values()) {
                String text = ProgrammeMessages.atLine(problem, language);
                assertThat(text).as(problem.code()).doesNotContain("{", "}").isNotBlank();
                texts.add(text);
            }
            assertThat(texts).as(problem.code()).hasSize(3);
        }
        assertThat(ProgrammeMessages.atLine(new BadNumber(17, "day", "seven", 0, 3660), Language.FI))
                .isEqualTo("Rivi 17 (day): \"seven\" ei kelpaa kenttään day: anna kokonaisluku 0–3660.");
        assertThat(ProgrammeMessages.atLine(new RoleMissing(4, "roles", ProgrammeRole.ORGANISER), Language.SV))
                .isEqualTo("Rad 4 (roles): Rollerna saknar arrangör; varje program har deltagare och en arrangör.");
        assertThat(ProgrammeMessages.atLine(new FileTooLarge(300_000, 262_144), Language.EN))
                .startsWith("The file is too large (300000 bytes)");
    }

    @Test
    void theDocumentedExample_reads() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "programmes.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```\\n(# Light mentoring.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).isTrue();

        ProgrammeTemplate template = ProgrammeTemplateFile.read(block.group(1)).orElseThrow();

        assertThat(template.id()).isEqualTo("light-mentoring");
        assertThat(template.phases()).extracting(ProgrammeTemplate.PhaseShape::id).containsExactly("start", "meetings");
        assertThat(template.phases().get(1).events().get(0).speaker()).isEqualTo("Pia Puhuja");
    }
}

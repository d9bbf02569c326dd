package fi.kasvu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Phase;
import fi.kasvu.json.KasvuJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowConsoleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    /** A whole conversation in English, typed line by line, with one bad number and one bad date on the way. */
    private static final String WHOLE_CONVERSATION = String.join("\n",
            "Meetings", "Shorter weekly meetings", "A team that values its time", "Three meetings end on time", "2026-12-31",
            "Our meeting takes an hour", "Everyone talks at once", "An agenda, not followed", "Nobody keeps time",
            "Rotating chair", "4", "5", "Visible timer", "", "", "Items to chat", "3", "seven", "4", "",
            "1,3",
            "Propose a rotating chair", "", "next week", "2026-11-30", "",
            "Christmas rush", "My supervisor's backing", "8", "",
            "1") + "\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        return GrowConsole.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(output, true, StandardCharsets.UTF_8), CLOCK, false);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static GrowConversation read(Path file) throws IOException {
        return KasvuJson.create().fromJson(Files.readString(file), GrowConversation.class);
    }

    @Test
    void wholeConversation_isSavedComplete() throws IOException {
        Path file = dir.resolve("grow.json");

        int exit = run(WHOLE_CONVERSATION, "--lang", "en", "--file", file.toString());

        assertThat(exit).isZero();
        GrowConversation saved = read(file);
        assertThat(saved.complete()).isTrue();
        assertThat(saved.goal().sessionGoal()).isEqualTo("Shorter weekly meetings");
        assertThat(saved.goal().targetDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(saved.answersIn(Phase.REALITY)).extracting(a -> a.questionKey())
                .containsExactly("personal-development.reality.1", "personal-development.reality.2");
        assertThat(saved.reality().essentialInsight()).isEqualTo("Nobody keeps time");
        assertThat(saved.options()).extracting(Option::text).containsExactly("Rotating chair", "Visible timer", "Items to chat");
        assertThat(saved.options().get(2).feasibility()).isEqualTo(4);
        assertThat(saved.chosenOptions()).extracting(Option::id).containsExactly("option-1", "option-3");
        assertThat(saved.will().actions()).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("Propose a rotating chair");
            assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        });
        assertThat(saved.will().commitment()).isEqualTo(8);
        assertThat(saved.will().checkIns()).singleElement().satisfies(c -> assertThat(c.plannedOn()).isEqualTo(LocalDate.of(2026, 12, 7)));
        assertThat(saved.sharing().phases()).containsExactly(Phase.GOAL);
        assertThat(printed()).contains("== 1/4 Goal ==", "Give a whole number from 1 to 5.",
                "Write the date as YYYY-MM-DD, for example 2026-11-30.", "Your conversation is complete.");
    }

    @Test
    void resumingACompletedConversation_followsUpTheActions() throws IOException {
        Path file = dir.resolve("grow.json");
        run(WHOLE_CONVERSATION, "--lang", "en", "--file", file.toString());

        int exit = run("d\nTwo meetings ended on time\n\n", "--resume", file.toString());

        assertThat(exit).isZero();
        GrowConversation saved = read(file);
        assertThat(saved.will().actions().get(0).status()).isInstanceOf(ActionStatus.Done.class);
        assertThat(saved.will().checkIns()).singleElement().satisfies(c -> {
            assertThat(c.held()).isTrue();
            assertThat(c.note()).isEqualTo("Two meetings ended on time");
        });
    }

    @Test
    void endOfInput_savesWhatWasWritten_andTheNextRunContinues() throws IOException {
        Path file = dir.resolve("grow.json");
        String[] lines = WHOLE_CONVERSATION.split("\n", -1);
        String firstPart = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, 3)) + "\n";
        String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, 3, lines.length));

        int first = run(firstPart, "--lang", "en", "--file", file.toString());
        GrowConversation halfway = read(file);
        int second = run(rest, "--file", file.toString());

        assertThat(first).isZero();
        assertThat(halfway.complete()).isFalse();
        assertThat(halfway.goal().sessionGoal()).isEqualTo("Shorter weekly meetings");
        assertThat(second).isZero();
        assertThat(read(file).complete()).isTrue();
        assertThat(printed()).contains("Continuing your saved conversation: Personal development goal");
    }

    @Test
    void tooFewOptions_isExplainedInFinnish() throws IOException {
        Path file = dir.resolve("grow.json");
        String input = String.join("\n", "Aihe", "Tavoite", "", "Mittari", "", "Vastaus", "", "", "Olennaista",
                "Yksi vaihtoehto", "", "", "") + "\n";

        run(input, "--lang", "fi", "--file", file.toString());

        assertThat(printed()).contains("Mitä haluat saada aikaan tämän keskustelun aikana?",
                "Keksi vielä vaihtoehtoja: nyt niitä on 1, tavoitteena vähintään 3.");
        assertThat(read(file).options()).hasSize(1);
    }

    @Test
    void swedish_andAnotherTemplate() throws IOException {
        Path file = dir.resolve("grow.json");

        run("Introduktion\n", "--lang", "sv", "--template", "newcomer-onboarding", "--file", file.toString());

        assertThat(printed()).contains("Introduktionssamtal med en nyanställd", "== 1/4 Mål ==",
                "Vad vill du kunna och veta efter dina första veckor?");
        assertThat(read(file).templateId()).isEqualTo("newcomer-onboarding");
        assertThat(read(file).minimumOptions()).isEqualTo(2);
    }

    @Test
    void developmentDiscussion_asksForTheSupervisor() throws IOException {
        Path file = dir.resolve("grow.json");
        String input = String.join("\n", "Kehityskeskustelu", "Tavoite", "", "Mittari", "", "esihenkilo-7") + "\n";

        run(input, "--lang", "fi", "--template", "development-discussion", "--file", file.toString());

        assertThat(printed()).contains("Tässä keskustelumuodossa tarvitaan valmentaja.");
        assertThat(read(file).participants().coach()).hasToString("esihenkilo-7");
        assertThat(read(file).currentPhase()).isEqualTo(Phase.REALITY);
    }

    @Test
    void coachGivenByFlag_isNotAskedFor() throws IOException {
        Path file = dir.resolve("grow.json");
        String input = String.join("\n", "Aihe", "Tavoite", "", "Mittari", "") + "\n";

        run(input, "--lang", "fi", "--template", "development-discussion", "--coachee", "employee-1",
                "--coach", "supervisor-1", "--file", file.toString());

        assertThat(printed()).doesNotContain("Tässä keskustelumuodossa tarvitaan valmentaja.");
        assertThat(read(file).participants().coach()).hasToString("supervisor-1");
        assertThat(read(file).coachee()).hasToString("employee-1");
        assertThat(read(file).currentPhase()).isEqualTo(Phase.REALITY);
    }

    @Test
    void missingResumeFile_isNamed() {
        int exit = run("", "--lang", "en", "--resume", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("There is no file " + dir.resolve("nope.json"));
    }

    @Test
    void unknownTemplate_listsTheChoices() {
        int exit = run("", "--lang", "en", "--template", "nope", "--file", dir.resolve("g.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("Unknown template nope. Choose from: personal-development, development-discussion");
    }

    @Test
    void agencyQuestionFile_isUsed_andABadOneIsReportedByLine() throws IOException {
        Path good = Files.writeString(dir.resolve("good.txt"), "personal-development.goal.1.en = What would make this week a success?\n");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "# ours\ngrow.goal.1.en What?\n");

        run("x\n", "--lang", "en", "--questions", good.toString(), "--file", dir.resolve("a.json").toString());
        int exit = run("", "--lang", "en", "--questions", bad.toString(), "--file", dir.resolve("b.json").toString());

        assertThat(printed()).contains("What would make this week a success?");
        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains(bad + ":2 expected \"<set>.<phase>.<id>.<language> = question\" but found no '='");
    }

    @Test
    void corruptFile_isReportedWithItsJsonPath() throws IOException {
        Path file = Files.writeString(dir.resolve("grow.json"), "{\"kind\":\"grow.conversation\",\"schemaVersion\":7}");

        int exit = run("", "--lang", "en", "--file", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(printed()).contains("$.schemaVersion: version 7 is newer than this Kasvu reads");
    }

    @Test
    void pipedInput_isEchoedAfterItsPrompt() {
        GrowConsole.run(new String[] {"--lang", "en", "--file", dir.resolve("e.json").toString()},
                new ByteArrayInputStream("Meetings\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(output, true, StandardCharsets.UTF_8), CLOCK, true);

        assertThat(printed()).contains("The topic in a few words\n> Meetings\n");
    }

    @Test
    void help_describesTheOptions() {
        int exit = run("", "--help");

        assertThat(exit).isZero();
        assertThat(printed()).contains("--lang", "--template", "--resume", "--file", "--questions");
    }
}

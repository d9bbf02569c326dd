package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Phase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionBankTest {

    private static final QuestionBank BANK = QuestionBank.builtIn();

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void builtIn_hasAtLeastEightGeneralQuestionsPerPhaseInEveryLanguage(Phase phase) {
        List<Question> questions = BANK.questions(QuestionBank.GENERAL, phase);

        assertThat(questions).hasSizeGreaterThanOrEqualTo(8);
        for (Question question : questions) {
            for (Language language : Language.values()) {
                assertThat(question.text().has(language)).as(question.key() + " in " + language).isTrue();
            }
        }
    }

    static Iterable<GrowTemplate> templates() {
        return GrowTemplates.all();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyTemplate_hasOwnQuestionsInEveryPhaseAndLanguage(GrowTemplate template) {
        for (Phase phase : Phase.values()) {
            List<Question> own = BANK.questions(template.id(), phase);
            assertThat(own).as(template.id() + " " + phase).hasSizeGreaterThanOrEqualTo(3);
            own.forEach(q -> assertThat(q.text().texts()).as(q.key()).hasSize(3));
            assertThat(BANK.forTemplate(template.id(), phase)).startsWith(own.toArray(Question[]::new))
                    .hasSize(own.size() + BANK.questions(QuestionBank.GENERAL, phase).size());
        }
    }

    @Test
    void finnishUsesSinäAndSwedishDu() {
        assertThat(BANK.text("grow.goal.1", Language.FI)).contains("Mitä haluat saada aikaan tämän keskustelun aikana?");
        assertThat(BANK.text("grow.goal.1", Language.SV)).contains("Vad vill du få ut av det här samtalet?");
        assertThat(BANK.text("grow.goal.1", Language.EN)).contains("What do you want to get out of this conversation?");
    }

    @Test
    void agencyFile_addsReplacesAndFallsBackToEnglish() {
        QuestionBank bank = BANK.withFile("agency.txt", utf8("""
                # Our own questions
                grow.goal.1.fi = Mitä toivot tältä tapaamiselta?
                grow.goal.agency-1.en = What would your team say about this goal?
                grow.goal.agency-1.fi = Mitä tiimisi sanoisi tästä tavoitteesta?
                """));

        assertThat(bank.text("grow.goal.1", Language.FI)).contains("Mitä toivot tältä tapaamiselta?");
        assertThat(bank.text("grow.goal.1", Language.SV)).contains("Vad vill du få ut av det här samtalet?");
        assertThat(bank.text("grow.goal.agency-1", Language.SV)).contains("What would your team say about this goal?");
        assertThat(bank.questions(QuestionBank.GENERAL, Phase.GOAL)).last().extracting(Question::key).isEqualTo("grow.goal.agency-1");
        assertThat(bank.text("grow.goal.nope", Language.FI)).isEmpty();
    }

    @Test
    void replaceDirective_dropsBuiltInQuestionsOfThatSetAndPhase() {
        QuestionBank bank = BANK.withFile("agency.txt", utf8("""
                @replace grow.options
                grow.options.only.en = What else could you do?
                """));

        assertThat(bank.questions(QuestionBank.GENERAL, Phase.OPTIONS)).extracting(Question::key).containsExactly("grow.options.only");
        assertThat(bank.questions(QuestionBank.GENERAL, Phase.GOAL)).hasSameSizeAs(BANK.questions(QuestionBank.GENERAL, Phase.GOAL));
    }

    @Test
    void newTemplateSet_canBeAddedByFile() {
        QuestionBank bank = QuestionBank.empty().withFile("own.txt", utf8("\uFEFFteam-day.goal.1.sv = Vad vill teamet uppnå?\n"));

        assertThat(bank.forTemplate("team-day", Phase.GOAL)).extracting(q -> q.in(Language.SV)).containsExactly("Vad vill teamet uppnå?");
    }

    @Test
    void badFile_listsEveryBadLineWithNumberKeyAndProblem() {
        String file = String.join("\n",
                "# comment",
                "grow.goall.1.fi = Mitä?",
                "grow.goal.1.de = Was?",
                "grow.goal.1 = Missing language",
                "just some text",
                "grow.goal.x.fi =   ",
                "Grow.goal.1.fi = Upper case set",
                "grow.goal.bad id.fi = Space in id",
                "grow.goal.9.en = First",
                "grow.goal.9.en = Again",
                "@remove grow.goal",
                "@replace grow.wonder",
                "grow.goal.long.en = " + "x".repeat(1001));

        assertThatThrownBy(() -> BANK.withFile("agency.txt", utf8(file)))
                .isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("agency.txt:2 [grow.goall.1.fi] unknown phase \"goall\"")
                .asInstanceOf(InstanceOfAssertFactories.type(QuestionBankException.class))
                .satisfies(e -> {
                    assertThat(e.source()).isEqualTo("agency.txt");
                    assertThat(e.errors()).containsExactly(
                            new QuestionBankException.LineError(2, "grow.goall.1.fi", "unknown phase \"goall\"; expected one of goal, reality, options, will"),
                            new QuestionBankException.LineError(3, "grow.goal.1.de", "unknown language \"de\"; expected one of fi, sv, en"),
                            new QuestionBankException.LineError(4, "grow.goal.1", "key must have four parts <set>.<phase>.<id>.<language>, such as grow.goal.1.fi"),
                            new QuestionBankException.LineError(5, "", "expected \"<set>.<phase>.<id>.<language> = question\" but found no '='"),
                            new QuestionBankException.LineError(6, "grow.goal.x.fi", "question text is empty"),
                            new QuestionBankException.LineError(7, "Grow.goal.1.fi", "set \"Grow\" must be grow or a template id (lower-case letters, digits and '-')"),
                            new QuestionBankException.LineError(8, "grow.goal.bad id.fi", "question id \"bad id\" must be 1..40 letters, digits, '-' or '_'"),
                            new QuestionBankException.LineError(10, "grow.goal.9.en", "repeats the key of line 9"),
                            new QuestionBankException.LineError(11, "", "unknown directive \"@remove grow.goal\"; the only directive is \"@replace <set>.<phase>\""),
                            new QuestionBankException.LineError(12, "grow.wonder", "unknown phase \"wonder\"; expected one of goal, reality, options, will"),
                            new QuestionBankException.LineError(13, "grow.goal.long.en", "question text is 1001 characters; at most 1000 are allowed"));
                });
    }

    @Test
    void badFile_appliesNothing() {
        QuestionBank before = BANK;

        assertThatThrownBy(() -> before.withFile("x", utf8("grow.goal.1.fi = Uusi\nbroken")))
                .isInstanceOf(QuestionBankException.class);
        assertThat(before.text("grow.goal.1", Language.FI)).contains("Mitä haluat saada aikaan tämän keskustelun aikana?");
    }

    @Test
    void notUtf8_isReportedAtItsLine() {
        byte[] latin1 = "grow.goal.1.fi = ok\ngrow.goal.2.fi = Mitä t\u00e4m\u00e4 on?\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BANK.withFile("latin1.txt", new ByteArrayInputStream(latin1)))
                .isInstanceOf(QuestionBankException.class)
                .hasMessageContaining("latin1.txt:")
                .hasMessageContaining("is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void documentedExampleFile_loads() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "question-bank.md"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```\\n(# Ministry.*?)```", java.util.regex.Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).isTrue();

        QuestionBank bank = BANK.withFile("docs example", utf8(block.group(1)));

        assertThat(bank.text("development-discussion.reality.hybrid-1", Language.SV)).contains("När fungerade hybridarbetet senast riktigt bra? Vad hjälpte då?");
        assertThat(bank.questions(QuestionBank.GENERAL, Phase.OPTIONS)).extracting(Question::key).containsExactly("grow.options.om-1", "grow.options.om-2");
        assertThat(bank.text("grow.options.om-2", Language.SV)).contains("What would your colleague suggest?");
    }
}

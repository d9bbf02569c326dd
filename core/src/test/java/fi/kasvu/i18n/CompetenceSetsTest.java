package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.feedback.CompetenceSet;
import fi.kasvu.feedback.CompetenceStatement;
import fi.kasvu.feedback.CompetenceTheme;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class CompetenceSetsTest {

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void coachingLeadership_hasSixThemesOfThreeStatements_everyTextInFinnishSwedishAndEnglish() {
        CompetenceSet set = CompetenceSets.coachingLeadership();

        assertThat(set.id()).isEqualTo("coaching-leadership");
        assertThat(set.themes()).hasSize(6).allSatisfy(theme -> assertThat(theme.statements()).hasSize(3));
        for (Language language : Language.values()) {
            assertThat(set.title().has(language)).isTrue();
            for (CompetenceTheme theme : set.themes()) {
                assertThat(theme.title().has(language)).as(theme.id() + " " + language).isTrue();
                for (CompetenceStatement statement : theme.statements()) {
                    assertThat(statement.text().has(language)).as(statement.id() + " " + language).isTrue();
                }
            }
        }
        assertThat(set.statement("asks-first").orElseThrow().text().in(Language.FI))
                .isEqualTo("Kysyy ja kuuntelee ennen kuin tarjoaa omia ratkaisujaan.");
    }

    @Test
    void fromFile_readsAnAgencysOwnSet_inFileOrder_withABom() {
        String file = "\uFEFF# our own\nset.id = om-leadership\nset.title.fi = Johtaminen\n"
                + "theme.b.fi = Bee\ntheme.a.fi = Aa\ntheme.a.en = A\n"
                + "statement.b.s2.fi = Toinen\nstatement.a.s1.fi = Yksi\nstatement.a.s1.sv = Ett\n";

        CompetenceSet set = CompetenceSets.fromFile("om.txt", utf8(file));

        assertThat(set.id()).isEqualTo("om-leadership");
        assertThat(set.themes()).extracting(CompetenceTheme::id).containsExactly("b", "a");
        assertThat(set.statement("s1").orElseThrow().text().in(Language.SV)).isEqualTo("Ett");
        assertThat(set.theme("a")).isPresent();
    }

    @Test
    void fromFile_reportsEveryBadLineWithItsNumber() {
        String file = String.join("\n",
                "set.id = Bad Id",
                "set.title.fi = Otsikko",
                "theme.dialogue.de = Dialog",
                "theme.dialogue.fi = Dialogi",
                "statement.dialogue.listens.fi = Kuuntelee",
                "statement.dialogue.listens.fi = Again",
                "statement.trust.listens.fi = Same id, other theme",
                "just text",
                "group.x.fi = What is this",
                "statement.dialogue.asks.fi =   ",
                "theme.empty.fi = Tyhjä",
                "statement.dialogue.long.en = " + "x".repeat(501));

        assertThatThrownBy(() -> CompetenceSets.fromFile("agency.txt", utf8(file)))
                .isInstanceOf(CompetenceSetException.class)
                .hasMessageContaining("agency.txt:3 [theme.dialogue.de] unknown language \"de\"")
                .asInstanceOf(InstanceOfAssertFactories.type(CompetenceSetException.class))
                .satisfies(e -> assertThat(e.errors()).containsExactly(
                        new QuestionBankException.LineError(1, "set.id", "set id \"Bad Id\" must be 1..60 lower-case letters, digits and '-'"),
                        new QuestionBankException.LineError(3, "theme.dialogue.de", "unknown language \"de\"; expected one of fi, sv, en"),
                        new QuestionBankException.LineError(6, "statement.dialogue.listens.fi", "repeats the key of line 5"),
                        new QuestionBankException.LineError(7, "statement.trust.listens.fi", "statement id \"listens\" is already used in theme \"dialogue\"; statement ids must be unique in the file"),
                        new QuestionBankException.LineError(8, "", "expected \"<key> = text\" (such as statement.coaching.asks-first.fi = ...) but found no '='"),
                        new QuestionBankException.LineError(9, "group.x.fi", "key must start with set, theme or statement"),
                        new QuestionBankException.LineError(10, "statement.dialogue.asks.fi", "statement text is empty"),
                        new QuestionBankException.LineError(12, "statement.dialogue.long.en", "statement text is 501 characters; at most 500 are allowed")));
    }

    @Test
    void fromFile_wholeFileProblems_nameTheLineToFix() {
        String file = "set.title.en = Ours\ntheme.lonely.en = Lonely\nstatement.orphan.s.en = No theme title\n";

        assertThatThrownBy(() -> CompetenceSets.fromFile("x.txt", utf8(file)))
                .asInstanceOf(InstanceOfAssertFactories.type(CompetenceSetException.class))
                .satisfies(e -> assertThat(e.errors()).containsExactly(
                        new QuestionBankException.LineError(3, "set.id", "the file has no set.id line; add one such as \"set.id = our-leadership\""),
                        new QuestionBankException.LineError(2, "theme.lonely", "theme \"lonely\" has no statements; add statement.lonely.<id>.<language> lines"),
                        new QuestionBankException.LineError(3, "statement.orphan", "theme \"orphan\" has statements but no title; add a theme.orphan.<language> line")));
    }

    @Test
    void fromFile_notUtf8_isReportedAsSuch() {
        byte[] latin1 = "set.id = x\nset.title.fi = Mitä\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> CompetenceSets.fromFile("latin1.txt", new ByteArrayInputStream(latin1)))
                .asInstanceOf(InstanceOfAssertFactories.type(CompetenceSetException.class))
                .satisfies(e -> assertThat(e.errors()).extracting(QuestionBankException.LineError::problem)
                        .containsExactly("is not valid UTF-8; save the file as UTF-8"));
    }
}

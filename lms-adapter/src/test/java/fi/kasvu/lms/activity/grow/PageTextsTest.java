package fi.kasvu.lms.activity.grow;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.lms.activity.experiment.ExperimentActivity;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.grow.Mode;
import fi.kasvu.grow.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every visible string exists in fi, sv and en, and every key a template or page uses exists. */
class PageTextsTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
    private static final Path SOURCES = Path.of("src/main");

    @ParameterizedTest
    @ValueSource(strings = {PageTexts.BUNDLE, GrowActivity.TEXTS, ExperimentActivity.TEXTS, fi.kasvu.lms.activity.survey.SurveyActivity.TEXTS,
            fi.kasvu.lms.activity.feedback.FeedbackActivity.TEXTS,
            fi.kasvu.lms.activity.programme.ProgrammeActivity.TEXTS, fi.kasvu.lms.activity.programme.ReflectionActivity.TEXTS,
            fi.kasvu.lms.activity.peer.PeerActivity.TEXTS, fi.kasvu.lms.activity.plan.PlanActivity.TEXTS})
    void everyLanguage_hasTheSameKeys_noneEmpty(String bundle) {
        Set<String> english = new TreeSet<>(PageTexts.keys(bundle, Language.EN));
        for (Language language : Language.values()) {
            Set<String> keys = new TreeSet<>(PageTexts.keys(bundle, language));
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertThat(missing).as("keys missing in %s", language).isEmpty();
            assertThat(extra).as("keys only in %s", language).isEmpty();
            for (String key : keys) {
                assertThat(PageTexts.in(language).with(bundle).t(key)).as("%s in %s", key, language).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndPages_exists() throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in templates and pages").hasSizeGreaterThan(100);
        for (Language language : Language.values()) {
            List<String> unknown = used.stream().filter(u -> !PageTexts.in(language).with(GrowActivity.TEXTS).with(ExperimentActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.survey.SurveyActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.feedback.FeedbackActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.programme.ProgrammeActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.programme.ReflectionActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.peer.PeerActivity.TEXTS)
                    .with(fi.kasvu.lms.activity.plan.PlanActivity.TEXTS).has(u.substring(u.indexOf(": ") + 2)))
                    .toList();
            assertThat(unknown).as("keys used but not defined in %s", language).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void keysBuiltAtRunTime_exist(Language language) {
        PageTexts t = PageTexts.in(language).with(GrowActivity.TEXTS);
        List<String> keys = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            keys.add("intro." + phase.key());
        }
        for (String status : List.of("OPEN", "DONE", "DROPPED")) {
            keys.add("status." + status);
        }
        for (String state : List.of("queued", "delivered", "retrying", "refused", "superseded", "not-graded",
                "not-completed")) {
            keys.add("score." + state);
            keys.add("progress.score." + state);
        }
        keys.add("progress.member.unnamed");
        for (String error : List.of("session", "csrf", "tooLarge", "notFound", "teachersOnly")) {
            keys.add("error." + error + ".title");
            keys.add("error." + error + ".text");
        }
        for (String notice : List.of("shared", "checked", "completed")) {
            keys.add("notice." + notice);
        }
        for (GrowProblem problem : everyProblem()) {
            assertThat(fi.kasvu.i18n.GrowMessages.knows(problem.code())).as("core has a message for %s", problem.code()).isTrue();
        }
        assertThat(keys.stream().filter(k -> !t.has(k)).toList()).isEmpty();
        assertThat(GrowTexts.questions("personal-development", Phase.GOAL, language)).hasSize(3);
    }

    @Test
    void problemMessages_fillInTheirArguments() {
        String message = GrowTexts.problem(new GrowProblem.TooFewOptions(3, 1), Language.FI);

        assertThat(message).contains("1", "3").doesNotContain("{");
        assertThat(GrowTexts.problem(new GrowProblem.PhaseNotReached(Phase.OPTIONS, Phase.REALITY), Language.SV))
                .contains("Nuläge", "Alternativ").doesNotContain("{");
    }

    @Test
    void finnishAddressesTheLearnerAsSina_swedishAsDu() {
        assertThat(PageTexts.in(Language.FI).with(GrowActivity.TEXTS).t("intro.will")).contains("teet");
        assertThat(PageTexts.in(Language.SV).with(GrowActivity.TEXTS).t("intro.will")).contains("du");
        assertThat(PageTexts.in(Language.FI).with(GrowActivity.TEXTS).t("button.next", "Nykytila")).isEqualTo("Jatka: Nykytila");
    }

    static List<GrowProblem> everyProblem() {
        return List.of(new GrowProblem.CoachMissing(Mode.PEER), new GrowProblem.ObserversOutsidePeerMode(Mode.SELF, 1),
                new GrowProblem.EmptyGoal(), new GrowProblem.NoMeasures(),
                new GrowProblem.TargetDateBeforeStart(java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2021, 1, 1)),
                new GrowProblem.RealityNotDescribed(), new GrowProblem.NoEssentialInsight(),
                new GrowProblem.TooFewOptions(3, 0), new GrowProblem.NoOptionChosen(), new GrowProblem.NoActions(),
                new GrowProblem.ActionWithoutDate(0, "action-1"), new GrowProblem.NoCommitment(),
                new GrowProblem.NoFollowUp(), new GrowProblem.PhaseNotReached(Phase.WILL, Phase.OPTIONS));
    }
}

package fi.kasvu.lms.activity.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.lms.lti.LtiIds;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.CultureElement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The picker's settings both ways, team splitting, and the ids the kind derives. */
class ExperimentSettingsTest {

    private final ExperimentActivity activity = ExperimentActivity.of(Experiments.inMemory(Clock.systemUTC()),
            LibraryEntries.inMemory(Clock.systemUTC()), ClassRoster.none(), Clock.systemUTC(),
            IdGenerator.sequence("t"));

    private static PageTexts texts(Language language) {
        return PageTexts.in(language).with(ExperimentActivity.TEXTS);
    }

    @Test
    void readForm_acceptsChosenBlocks_andReadCustomGivesTheSameParametersBack() {
        Activity.Settings settings = activity.readForm(Map.of("block-dialogue", "on", "block-learning-valued", "on",
                "done", "shared", "personal", "on"), texts(Language.EN));

        assertThat(settings.accepted()).isTrue();
        assertThat(settings.custom()).containsEntry("kasvu_blocks", "dialogue,learning-valued")
                .containsEntry("kasvu_done", "shared").containsEntry("kasvu_personal", "true");
        assertThat(activity.readCustom(settings.custom())).isEqualTo(settings.custom());
        assertThat(activity.resourceId(settings.custom())).isEqualTo("experiment:shared");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void readForm_refusesNoBlockAndAnUnknownDone_withAMessageNextToEachField(Language language) {
        Activity.Settings settings = activity.readForm(Map.of("done", "whenever"), texts(language));

        assertThat(settings.accepted()).isFalse();
        assertThat(settings.errors()).containsOnlyKeys("block-community-directed", "done");
        assertThat(settings.errors().get("done")).isEqualTo(texts(language).t("picker.error.done"));
        List<Views.Field> fields = activity.settingsFields(texts(language), Map.of("done", "whenever"),
                settings.errors());
        assertThat(fields.get(0).error()).isEqualTo(texts(language).t("picker.error.blocks"));
        assertThat(fields).extracting(Views.Field::name).contains("block-dialogue", "done", "personal");
    }

    @Test
    void readCustom_fallsBackToDefaults_forAHandMadeOrBrokenPlacement() {
        Map<String, String> custom = new HashMap<>();
        custom.put("kasvu_blocks", "nonsense, DIALOGUE ,");
        custom.put("kasvu_done", "sometime");
        custom.put("kasvu_personal", "yes");

        assertThat(activity.readCustom(custom)).containsEntry("kasvu_blocks", "dialogue")
                .containsEntry("kasvu_done", "decision").containsEntry("kasvu_personal", "false");
        assertThat(activity.readCustom(Map.of()).get("kasvu_blocks").split(",")).hasSize(CultureElement.values().length);
        assertThat(activity.defaultTitle(Map.of(), Language.SV)).isEqualTo("Teamexperiment");
        assertThatThrownBy(() -> new ExperimentSettings(java.util.Set.of(), ExperimentSettings.DoneWhen.DECISION, false))
                .hasMessageContaining("blocks");
    }

    @Test
    void split_keepsGroupsApart_andTeamsDifferByAtMostOne() {
        List<TeamSplit.Candidate> people = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            people.add(new TeamSplit.Candidate(PersonId.of("a" + i), "group-a"));
        }
        for (int i = 1; i <= 5; i++) {
            people.add(new TeamSplit.Candidate(PersonId.of("b" + i), "group-b"));
        }

        List<List<PersonId>> teams = TeamSplit.split(people, 3);

        assertThat(teams).extracting(List::size).containsExactly(4, 3, 3, 2);
        for (List<PersonId> team : teams) {
            assertThat(team.stream().map(p -> p.value().charAt(0)).distinct()).hasSize(1);
        }
        assertThat(TeamSplit.split(List.of(new TeamSplit.Candidate(PersonId.of("x"), "")), 4)).hasSize(1);
        assertThatThrownBy(() -> TeamSplit.split(people, 1)).hasMessageContaining("size");
    }

    @Test
    void rosterSubjects_becomeTheSamePeopleAsTheLtiLayerMakes() {
        String longId = "u".repeat(230);
        assertThat(Teams.person("42")).isEqualTo(LtiIds.person("42"));
        assertThat(Teams.person(longId)).isEqualTo(LtiIds.person(longId));
    }

    @Test
    void teamIds_carryNoCourseNames_andFitCoresIdLimit() {
        String context = "activity:" + "kurssi-".repeat(25);
        String id = Teams.teamId(context, 12);

        assertThat(id).doesNotContain("kurssi").hasSizeLessThan(60).endsWith("-t12");
        assertThat(Teams.personalId(context, PersonId.of("p"))).doesNotContain("kurssi").hasSizeLessThan(60);
        assertThat(Teams.facilitator(id).value()).startsWith("kasvu-team:");
    }
}

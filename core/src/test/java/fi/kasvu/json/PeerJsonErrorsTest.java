package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Groups;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.Populations;
import fi.kasvu.peer.PreviousRounds;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad peer document fails with the JSON path of the problem and what is wrong there. */
class PeerJsonErrorsTest {

    final KasvuJson json = KasvuJson.create();

    final String formation = json.toJson(GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD,
            Populations.generate(9, 9, 1, 0), 1).withMeetings(new MeetingPlan(LocalDate.of(2026, 1, 15), 3, 4))));

    final String group = json.toJson(Groups.anyTriadWithNotesAndReflections());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"groupKind\":\"PEER_TRIAD\"|\"groupKind\":\"QUARTET\"|$.groupKind|unknown value \"QUARTET\"; expected one of PEER_TRIAD",
        "\"language\":\"fi\",\"languages\":[\"|\"language\":\"fi\",\"languages\":[\"de\",\"|$.groups[0].members[0].languages[0]|language must be one of fi, sv, en: de",
        "\"groupRole\":\"PEER\"|\"groupRole\":\"BOSS\"|$.groups[0].members[0].groupRole|unknown value \"BOSS\"",
        "\"role\":\"COACH\"|\"role\":\"CAPTAIN\"|$.groups[0].meetings[0].roles[1].role|unknown value \"CAPTAIN\"",
        "\"date\":\"2026-01-15\"|\"date\":\"15.1.2026\"|$.groups[0].meetings[0].date|expected an ISO-8601 date",
        "\"number\":1,\"size\"|\"number\":0,\"size\"|$.groups[0]|number must be at least 1: 0",
        "\"seed\":1|\"seed\":\"one\"|$.seed|expected a whole number but found the string \"one\"",
        "\"cohortScore\":|\"surprise\":1,\"cohortScore\":|$.surprise|unknown field",
        "\"schemaVersion\":1|\"schemaVersion\":2|$.schemaVersion|version 2 is newer than this Kasvu reads",
        "\"code\":\"peer.finding.sizes\"|\"code\":\"peer.finding.nonsense\"|$.findingReasons[0].code|unknown reason code: peer.finding.nonsense",
        "\"participants\":\"9\"|\"persons\":\"9\"|$.findingReasons[0].arguments|do not fit peer.finding.sizes",
        "\"arguments\":{\"groups\":\"3\"|\"arguments\":{\"groups\":3|$.findingReasons[0].arguments.groups|expected a string"})
    void badFormation_namesThePath(String from, String to, String path, String problem) {
        assertThat(formation).contains(from);
        String bad = formation.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));

        assertThatThrownBy(() -> json.fromJson(bad, Formation.class)).isInstanceOfSatisfying(KasvuJsonException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.problem()).contains(problem);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"author\":\"a\"|\"author\":\"stranger\"|$|notes[0].author must be a member of the group: stranger",
        "\"meetingCount\":6|\"meetingCount\":0|$.charter|meetingCount must be 1..100: 0",
        "\"written\":\"2026-11-23T10:00:00Z\"|\"written\":\"yesterday\"|$.notes[0].written|expected an ISO-8601 instant",
        "\"state\":\"PLANNED\"|\"state\":\"MAYBE\"|$.meetings[0].state|unknown value \"MAYBE\"; expected one of PLANNED, HELD",
        "\"fi\":\"Luottamuksellisuus|\"xx\":\"Luottamuksellisuus|$.charter.groundRules[0].xx|unknown field"})
    void badGroup_namesThePath(String from, String to, String path, String problem) {
        assertThat(group).contains(from);
        String bad = group.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));

        assertThatThrownBy(() -> json.fromJson(bad, PeerGroup.class)).isInstanceOfSatisfying(KasvuJsonException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.problem()).contains(problem);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"kind\":\"peer.rounds\",\"schemaVersion\":1,\"rounds\":[{\"groups\":[{\"members\":[\"p1\",7]}]}]}|$.rounds[0].groups[0].members[1]|expected a string but found the number 7",
        "{\"kind\":\"peer.rounds\",\"schemaVersion\":1,\"rounds\":[{\"groups\":[{\"members\":[\"\"]}]}]}|$.rounds[0].groups[0]|person id must be",
        "{\"kind\":\"peer.formation\",\"schemaVersion\":1}|$.kind|expected \"peer.rounds\" but found \"peer.formation\""})
    void badRounds_nameThePath(String text, String path, String problem) {
        assertThatThrownBy(() -> json.fromJson(text, PreviousRounds.class)).isInstanceOfSatisfying(KasvuJsonException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.problem()).contains(problem);
        });
    }
}

package fi.kasvu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group formation's reasons in the organiser's language: every code has fi, sv and en words,
 * the Finnish and Swedish say nothing in English, and a real formation's findings, explanations
 * and broken constraints read in Finnish and Swedish.
 */
class PeerMessagesTest {

    /** Words that only an English sentence of a formation would hold. */
    static final String ENGLISH = "(?s).*\\b(participants?|members|groups?|hard constraints?|pairs|share an interest|"
            + "meets for the first time|search steps|newcomers?|onboarders?|supervisors|size rule|quota|"
            + "reporting line|language in common|capacity)\\b.*";

    /** Every code with values of the kind the formation gives. */
    static final Map<String, Map<String, String>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("peer.finding.none", Map.of("participants", "1"));
        SAMPLES.put("peer.finding.sizes", Map.of("participants", "7", "groups", "2", "min", "3", "max", "4",
                "target", "3", "sizes", "4:1,3:1"));
        SAMPLES.put("peer.finding.reverseSizes", Map.of("supervisors", "8", "newcomers", "2", "groups", "1",
                "minSupervisors", "2", "maxSupervisors", "3", "minNewcomers", "2", "maxNewcomers", "3", "outside", "5"));
        SAMPLES.put("peer.finding.noSites", Map.of());
        SAMPLES.put("peer.finding.noInterests", Map.of());
        SAMPLES.put("peer.finding.keyCrowded", Map.of("key", "ORGANISATION", "kind", "PEER_TRIAD", "name", "Verohallinto",
                "count", "40", "participants", "90", "groups", "30", "excess", "10", "repeating", "5"));
        SAMPLES.put("peer.finding.language", Map.of("count", "2", "languages", "sv,en", "partners", "1", "minSize", "3"));
        SAMPLES.put("peer.finding.allHold", Map.of("groups", "30"));
        SAMPLES.put("peer.finding.violating", Map.of("violating", "2", "groups", "30", "violations", "3"));
        SAMPLES.put("peer.finding.score", Map.of("cohort", "0.9611", "bound", "0.9733", "gap", "0.0122",
                "steps", "5400"));
        SAMPLES.put("peer.finding.evaluated", Map.of("cohort", "0.9611", "bound", "0.9733", "violations", "1"));
        SAMPLES.put("peer.finding.poolCapacity", Map.of("newcomers", "3", "onboarders", "1", "capacity", "1",
                "short", "2"));
        SAMPLES.put("peer.finding.poolIdle", Map.of("idle", "2"));
        SAMPLES.put("peer.finding.poolScore", Map.of("cohort", "0.5000", "bound", "0.7500"));
        SAMPLES.put("peer.unassigned.roleNeither", Map.of("role", "EXPERT"));
        SAMPLES.put("peer.unassigned.reverseNeedsBoth", Map.of("supervisors", "3", "newcomers", "0"));
        SAMPLES.put("peer.unassigned.alone", Map.of());
        SAMPLES.put("peer.unassigned.notEvaluated", Map.of());
        SAMPLES.put("peer.unassigned.noOnboarderLanguage", Map.of("languages", "sv", "onboarders", "1"));
        SAMPLES.put("peer.unassigned.onboardersFull", Map.of("eligible", "1", "capacity", "1"));
        SAMPLES.put("peer.unassigned.notPlaced", Map.of());
        SAMPLES.put("peer.group.composition", Map.of("size", "3", "organisations", "3", "sites", "2", "shared", "3",
                "pairs", "3", "interests", "hybrid work", "met", "1"));
        SAMPLES.put("peer.group.offTarget", Map.of("size", "4", "target", "3", "participants", "7", "kind", "PEER_TRIAD",
                "min", "3", "max", "4", "why", "larger"));
        SAMPLES.put("peer.group.searchMoved", Map.of("size", "4", "target", "3", "min", "3", "max", "4"));
        SAMPLES.put("peer.group.reverseUneven", Map.of("groupSupervisors", "3", "groupNewcomers", "2",
                "supervisors", "5", "newcomers", "4", "groups", "2"));
        SAMPLES.put("peer.group.broken", Map.of("count", "1"));
        SAMPLES.put("peer.group.pool", Map.of("taken", "2", "capacity", "3", "otherSite", "1", "shared", "2"));
        SAMPLES.put("peer.violation.distinctKey", Map.of("count", "2", "key", "UNIT", "name", "Vero / HR",
                "members", "p1, p2"));
        SAMPLES.put("peer.violation.reportingLine", Map.of("member", "p2", "above", "p1"));
        SAMPLES.put("peer.violation.sharedLanguage", Map.of("members", "sv1 (sv), fi1 (fi)"));
        SAMPLES.put("peer.violation.roleQuota", Map.of("supervisors", "4", "newcomers", "1", "minSupervisors", "2",
                "maxSupervisors", "3", "minNewcomers", "2", "maxNewcomers", "3"));
        SAMPLES.put("peer.violation.groupSize", Map.of("size", "2", "min", "3", "max", "4", "target", "3"));
        SAMPLES.put("peer.violation.capacity", Map.of("onboarder", "Outi Onboarder", "count", "3", "capacity", "2"));
        SAMPLES.put("peer.violation.poolLanguage", Map.of("newcomer", "Nils", "newcomerLanguages", "sv",
                "onboarder", "Outi", "onboarderLanguages", "fi,en"));
    }

    @Test
    void everyReason_hasFinnishSwedishAndEnglishWords_andTheFinnishAndSwedishHoldNoEnglish() {
        for (Map.Entry<String, Map<String, String>> sample : SAMPLES.entrySet()) {
            Reason reason = new Reason(sample.getKey(), sample.getValue());
            String en = PeerMessages.text(reason, Language.EN);
            for (Language language : List.of(Language.FI, Language.SV)) {
                String text = PeerMessages.text(reason, language);

                assertThat(text).as(reason.code() + " in " + language).isNotBlank().isNotEqualTo(en)
                        .doesNotContain("{", "}", "..").doesNotMatch(ENGLISH);
            }
            assertThat(en).as(reason.code()).isNotBlank().doesNotContain("{", "}");
        }
    }

    @Test
    void englishIsTheWordingTheCommandLineAlwaysPrinted() {
        assertThat(PeerMessages.text(new Reason("peer.finding.sizes", SAMPLES.get("peer.finding.sizes")), Language.EN))
                .isEqualTo("7 participants form 2 groups (size rule 3..4 (target 3)): 1 of 4, 1 of 3.");
        assertThat(PeerMessages.text(new Reason("peer.group.composition", SAMPLES.get("peer.group.composition")),
                Language.EN)).isEqualTo("3 members from 3 organisations and 2 sites; 3 of 3 pairs share an interest "
                + "(hybrid work); 1 of 3 pairs have met in an earlier round.");
        assertThat(PeerMessages.text(new Reason("peer.finding.language", SAMPLES.get("peer.finding.language")),
                Language.FI)).contains("sv tai en");
        assertThat(PeerMessages.text(new Reason("peer.finding.score", SAMPLES.get("peer.finding.score")),
                Language.SV)).contains("0,9611", "0,9733");
    }

    @Test
    void aRealFormation_readsInFinnishAndSwedish() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            people.add(new Participant(PersonId.of("p" + i), "Person " + i, "", i <= 3 ? "Org A" : "Org " + i, "",
                    "", ParticipantRole.SUPERVISOR, List.of(i == 7 ? Language.SV : Language.FI), null, List.of()));
        }
        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 1));
        List<Reason> all = new ArrayList<>(formation.findings());
        formation.groups().forEach(group -> all.addAll(group.explanation()));
        formation.violations().forEach(violation -> all.add(violation.reason()));
        assertThat(all).extracting(Reason::code).contains("peer.finding.sizes", "peer.finding.keyCrowded",
                "peer.group.composition", "peer.group.offTarget", "peer.violation.distinctKey");

        for (Language language : List.of(Language.FI, Language.SV)) {
            for (Reason reason : all) {
                assertThat(PeerMessages.text(reason, language)).as(reason.code() + " in " + language)
                        .doesNotMatch(ENGLISH);
            }
        }
    }

    @Test
    void aSentenceKeptAsWritten_readsTheSameInEveryLanguage_andAnUnknownCodeIsRefused() {
        Reason old = Reason.verbatim("Every hard constraint holds in all 3 groups.");

        assertThat(PeerMessages.text(old, Language.FI)).isEqualTo("Every hard constraint holds in all 3 groups.");
        assertThat(PeerMessages.covers("peer.nonsense")).isFalse();
        assertThatThrownBy(() -> PeerMessages.text(new Reason("peer.nonsense", Map.of()), Language.EN))
                .hasMessage("no peer message for code: peer.nonsense");
        assertThatThrownBy(() -> PeerMessages.text(new Reason("peer.group.broken", Map.of()), Language.EN))
                .hasMessage("peer.group.broken has no argument count");
    }
}

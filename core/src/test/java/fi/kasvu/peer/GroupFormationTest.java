package fi.kasvu.peer;

import static fi.kasvu.peer.Populations.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.i18n.PeerMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupFormationTest {

    /** The reasons as the command line and the JSON file word them. */
    static List<String> english(List<Reason> reasons) {
        return PeerMessages.texts(reasons, Language.EN);
    }

    static String english(Reason reason) {
        return PeerMessages.text(reason, Language.EN);
    }

    static final List<Language> FI = List.of(Language.FI);

    @Test
    void triadFormationAcrossFiftyOrganisations_keepsEveryConstraintAndReachesTheBound() {
        List<Participant> people = Populations.mobility(2);

        Formation formation = GroupFormation.form(FormationRequest.of("mobility", GroupKind.PEER_TRIAD, people, 42));

        assertThat(formation.groups()).hasSize(30).allSatisfy(g -> assertThat(g.size()).isEqualTo(3));
        assertThat(formation.hardConstraintsHold()).isTrue();
        assertThat(formation.cohortScore()).isLessThanOrEqualTo(formation.upperBound());
        assertThat(formation.gap()).isLessThan(0.05);
    }

    @Test
    void oneOrganisationWithFortyOfNinety_isExplainedInNumbers_andTheRelaxedGroupingListsEveryViolation() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            people.add(person("p" + i, i <= 40 ? "Verohallinto" : "Org " + i, FI, null));
        }

        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 1));

        assertThat(english(formation.findings())).contains("Organisation Verohallinto has 40 of 90 participants; at most 30 triads can "
                + "hold distinct organisations, so at least 10 of them share a group with a colleague from Verohallinto and at "
                + "least 5 groups repeat an organisation.");
        assertThat(formation.violations()).allSatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(HardConstraint.DISTINCT_KEY);
            assertThat(GroupFormationTest.english(v.reason())).contains("from the same organisation (Verohallinto)");
        });
        int excess = formation.violations().stream().mapToInt(v -> v.persons().size() - 1).sum();
        assertThat(excess).isEqualTo(10);
        assertThat(formation.groups().stream().mapToInt(FormedGroup::size).sum()).isEqualTo(90);
        assertThat(formation.hardConstraintsHold()).isFalse();
    }

    @Test
    void reportingLines_areKeptApart_evenTwoLevelsUp() {
        List<Participant> people = new ArrayList<>(List.of(
                unitPerson("a", "u1", null), unitPerson("b", "u2", "a"), unitPerson("c", "u3", "b")));
        for (int i = 0; i < 6; i++) {
            people.add(unitPerson("x" + i, "v" + i, null));
        }
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 3).withGroupingKey(GroupingKey.UNIT);

        Formation formation = GroupFormation.form(request);

        assertThat(formation.violations()).isEmpty();
        for (FormedGroup group : formation.groups()) {
            Set<String> ids = new HashSet<>();
            group.members().forEach(m -> ids.add(m.participant().id().value()));
            assertThat(ids.containsAll(List.of("a", "c"))).as("a is c's manager's manager: %s", ids).isFalse();
            assertThat(ids.containsAll(List.of("a", "b"))).as("a manages b: %s", ids).isFalse();
            assertThat(ids.containsAll(List.of("b", "c"))).as("b manages c: %s", ids).isFalse();
        }
    }

    @Test
    void aManagerWithTooManyReports_isAReportingLineViolationNamingBoth() {
        List<Participant> people = List.of(unitPerson("boss", "u1", null), unitPerson("r1", "u2", "boss"),
                unitPerson("r2", "u3", "r1"));
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 3).withGroupingKey(GroupingKey.UNIT);

        Formation formation = GroupFormation.form(request);

        assertThat(formation.violations()).extracting(v -> english(v.reason()))
                .contains("r1 is in the reporting line of boss", "r2 is in the reporting line of boss",
                        "r2 is in the reporting line of r1");
    }

    private static Participant unitPerson(String id, String unit, String manager) {
        return new Participant(PersonId.of(id), "Name " + id, "", "Agency", unit, "", ParticipantRole.SUPERVISOR, FI,
                manager == null ? null : PersonId.of(manager), List.of());
    }

    @Test
    void twoSwedishOnlySpeakers_areExplained_andTheirGroupListsNoSharedLanguage() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            people.add(person("fi" + i, "Org " + i, FI, null));
        }
        people.add(person("sv1", "Org S1", List.of(Language.SV), null));
        people.add(person("sv2", "Org S2", List.of(Language.SV), null));

        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 1));

        assertThat(english(formation.findings())).contains("2 participants work only in sv, and 1 other participant shares one of "
                + "those languages; a group of 3 needs a language in common, so at least one group must be formed without one.");
        assertThat(formation.violations()).extracting(Violation::constraint).containsOnly(HardConstraint.SHARED_LANGUAGE);
        assertThat(formation.violations()).hasSize(1);
        assertThat(english(formation.violations().get(0).reason())).startsWith("no language in common:").contains("sv1 (sv)", "sv2 (sv)");
    }

    @ParameterizedTest(name = "{0} participants -> {1}")
    @CsvSource({"3,3", "4,4", "6,3 3", "7,4 3", "8,4 4", "10,4 3 3", "11,4 4 3", "91,4 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3"})
    void triadRemainders_makeGroupsOfFourRatherThanPairs(int n, String expected) {
        Sizing sizing = Sizing.of(n, GroupKind.PEER_TRIAD.defaultSize(), GroupKind.PEER_TRIAD);

        assertThat(Arrays.stream(sizing.sizes).mapToObj(String::valueOf).toList()).isEqualTo(List.of(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0} participants, pairs allowed -> {1}")
    @CsvSource({"5,3 2", "8,3 3 2", "7,4 3", "2,2"})
    void triadRemainders_makeAPairWhenPairsAreAllowed(int n, String expected) {
        Sizing sizing = Sizing.of(n, new SizeRule(2, 3, 4), GroupKind.PEER_TRIAD);

        assertThat(Arrays.stream(sizing.sizes).mapToObj(String::valueOf).toList()).isEqualTo(List.of(expected.split(" ")));
    }

    @ParameterizedTest(name = "{0} participants -> {1}")
    @CsvSource({"12,6 6", "13,7 6", "17,6 6 5", "5,5", "40,6 6 6 6 6 5 5"})
    void coachingGroups_stayBetweenFiveAndEight(int n, String expected) {
        Sizing sizing = Sizing.of(n, GroupKind.COACHING_GROUP.defaultSize(), GroupKind.COACHING_GROUP);

        assertThat(Arrays.stream(sizing.sizes).mapToObj(String::valueOf).toList()).isEqualTo(List.of(expected.split(" ")));
    }

    @Test
    void aGroupOfFour_saysWhyItIsNotATriad() {
        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD,
                Populations.generate(7, 7, 1, 0), 1));

        assertThat(formation.groups()).filteredOn(g -> g.size() == 4).singleElement()
                .satisfies(g -> assertThat(english(g.explanation())).contains("4 members rather than 3: 7 participants do not divide "
                        + "into triads of 3; a larger group is preferred to one below 3."));
    }

    @Test
    void onePerson_isUnassignedWithAReason() {
        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD,
                List.of(person("alone", "Org", FI, null)), 1));

        assertThat(formation.groups()).isEmpty();
        assertThat(formation.unassigned()).singleElement()
                .satisfies(u -> assertThat(english(u.reason())).contains("a group of one is never formed"));
    }

    @Test
    void reverseMentoring_holdsTheQuota_andLeavesOtherRolesOutWithAReason() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ParticipantRole role = i <= 4 ? ParticipantRole.SUPERVISOR : ParticipantRole.NEWCOMER;
            people.add(new Participant(PersonId.of("p" + i), "P " + i, "", "Org " + i, "", "", role, FI, null, List.of()));
        }
        people.add(new Participant(PersonId.of("e"), "Expert", "", "Org E", "", "", ParticipantRole.EXPERT, FI, null, List.of()));

        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.REVERSE_MENTORING, people, 1));

        assertThat(formation.groups()).hasSize(2).allSatisfy(g -> assertThat(g.members()).extracting(GroupMember::role)
                .containsExactlyInAnyOrder(MemberRole.MENTOR, MemberRole.MENTOR, MemberRole.MENTEE, MemberRole.MENTEE));
        assertThat(formation.violations()).isEmpty();
        assertThat(formation.unassigned()).singleElement().satisfies(u -> assertThat(english(u.reason())).contains("role EXPERT is neither"));
    }

    @Test
    void reverseMentoringWithTooFewNewcomers_listsQuotaViolations() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ParticipantRole role = i <= 8 ? ParticipantRole.SUPERVISOR : ParticipantRole.NEWCOMER;
            people.add(new Participant(PersonId.of("p" + i), "P " + i, "", "Org " + i, "", "", role, FI, null, List.of()));
        }

        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.REVERSE_MENTORING, people, 1));

        assertThat(formation.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.constraint()).isEqualTo(HardConstraint.ROLE_QUOTA);
            assertThat(GroupFormationTest.english(v.reason())).contains("where the quota is 2..3 supervisors and 2..3 newcomers");
        });
        assertThat(english(formation.findings())).anyMatch(f -> f.startsWith("8 supervisors and 2 newcomers form"));
    }

    @Test
    void nineParticipants_theOptimiserFindsTheBestOfAll280Triads_andTheBoundIsNotBelowIt() {
        List<Participant> people = Populations.generate(9, 9, 11, 0);
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, people, 5);

        Formation formation = GroupFormation.form(request);

        double best = Double.NEGATIVE_INFINITY;
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        for (List<int[]> partition : triadPartitions(order)) {
            best = Math.max(best, score(people, partition));
        }
        assertThat(best).as("a population where not every grouping is perfect").isLessThan(1.0);
        assertThat(formation.cohortScore()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(formation.upperBound()).isGreaterThanOrEqualTo(best - 1e-9);
    }

    /** Brute-force score, hard constraints first (as many broken units as the optimiser counts), soft second. */
    private static double score(List<Participant> people, List<int[]> groups) {
        double soft = 0;
        int hard = 0;
        for (int[] g : groups) {
            Set<String> orgs = new HashSet<>();
            Set<String> sites = new HashSet<>();
            int shared = 0;
            for (int i : g) {
                orgs.add(people.get(i).organisation());
                sites.add(people.get(i).site());
                for (int j : g) {
                    if (i < j && people.get(i).interestSet().stream().anyMatch(people.get(j).interestSet()::contains)) {
                        shared++;
                    }
                }
            }
            Set<Language> common = new HashSet<>(List.of(Language.values()));
            for (int i : g) {
                common.retainAll(people.get(i).languages());
            }
            hard += g.length - orgs.size() + (common.isEmpty() ? 1 : 0);
            soft += 0.25 * orgs.size() / 3.0 + 0.15 * sites.size() / 3.0 + 0.25 * shared / 3.0 + 0.35;
        }
        return hard > 0 ? -hard : soft / groups.size();
    }

    private static List<List<int[]>> triadPartitions(int[] rest) {
        if (rest.length == 0) {
            return List.of(List.of());
        }
        List<List<int[]>> result = new ArrayList<>();
        for (int b = 1; b < rest.length; b++) {
            for (int c = b + 1; c < rest.length; c++) {
                int[] group = {rest[0], rest[b], rest[c]};
                int[] remaining = new int[rest.length - 3];
                int k = 0;
                for (int i = 1; i < rest.length; i++) {
                    if (i != b && i != c) {
                        remaining[k++] = rest[i];
                    }
                }
                for (List<int[]> tail : triadPartitions(remaining)) {
                    List<int[]> partition = new ArrayList<>(tail);
                    partition.add(group);
                    result.add(partition);
                }
            }
        }
        return result;
    }

    @Test
    void plannedMeetings_rotateTriadRoles() {
        Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD,
                Populations.generate(6, 6, 1, 0), 1).withMeetings(new MeetingPlan(java.time.LocalDate.of(2026, 1, 15), 3, 4)));

        FormedGroup group = formation.groups().get(0);
        assertThat(group.meetings()).extracting(Meeting::date).containsExactly(java.time.LocalDate.of(2026, 1, 15),
                java.time.LocalDate.of(2026, 2, 12), java.time.LocalDate.of(2026, 3, 12));
        PersonId first = group.members().get(0).participant().id();
        assertThat(group.meetings()).extracting(m -> m.roles().get(first))
                .containsExactlyInAnyOrder(TriadRole.COACH, TriadRole.COACHEE, TriadRole.OBSERVER);
    }

    @Test
    void duplicateParticipantIds_areRejectedNamingTheId() {
        Participant p = person("same", "Org", FI, null);

        assertThatThrownBy(() -> FormationRequest.of("f", GroupKind.PEER_TRIAD, List.of(p, p), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("participants[1].id must be unique: same");
    }

    @Test
    void weightsOutsideZeroToOne_areRejectedNamingTheCriterion() {
        assertThatThrownBy(() -> FormationRequest.of("f", GroupKind.PEER_TRIAD, List.of(), 1)
                .withWeights(Map.of(Criterion.SHARED_INTERESTS, 1.5)))
                .hasMessage("weights.SHARED_INTERESTS must be 0..1: 1.5");
    }

    @Test
    void onboardingPoolsAreNotFormedHere() {
        assertThatThrownBy(() -> FormationRequest.of("f", GroupKind.ONBOARDING_POOL, List.of(), 1))
                .hasMessageContaining("use OnboardingPools");
    }

    @Test
    void evaluatingTheFormedGrouping_givesTheSameScoresAndViolations() {
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, Populations.generate(30, 8, 3, 0), 3);
        Formation formed = GroupFormation.form(request);

        Formation evaluated = GroupFormation.evaluate(request, formed.groups().stream()
                .map(g -> g.members().stream().map(m -> m.participant().id()).toList()).toList());

        assertThat(evaluated.cohortScore()).isCloseTo(formed.cohortScore(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(evaluated.upperBound()).isCloseTo(formed.upperBound(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(evaluated.violations()).isEqualTo(formed.violations());
    }

    @Test
    void evaluatingAGroupingWithAnUnknownOrRepeatedId_namesIt() {
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, Populations.generate(3, 3, 3, 0), 3);

        assertThatThrownBy(() -> GroupFormation.evaluate(request, List.of(List.of(PersonId.of("p00001"), PersonId.of("ghost")))))
                .hasMessage("grouping[0] names an unknown participant: ghost");
        assertThatThrownBy(() -> GroupFormation.evaluate(request, List.of(List.of(PersonId.of("p00001"), PersonId.of("p00001")))))
                .hasMessage("grouping[0] repeats a participant: p00001");
    }

    @Test
    void progress_isReported_endingWithTheStepsTaken() {
        List<long[]> calls = new ArrayList<>();
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, Populations.generate(60, 5, 4, 0), 4)
                .withMaxIterations(5_000);

        Formation formation = GroupFormation.form(request, (done, total, violations) -> calls.add(new long[] {done, total, violations}));

        assertThat(calls).isNotEmpty();
        long[] last = calls.get(calls.size() - 1);
        assertThat(last[0]).isEqualTo(formation.iterations());
        assertThat(last[1]).isEqualTo(5_000);
        assertThat(last[2] == 0).isEqualTo(formation.hardConstraintsHold());
        assertThat(formation.hardConstraintsHold()).as("5 organisations for 60 people cannot all be apart").isFalse();
    }
}

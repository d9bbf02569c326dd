package fi.kasvu.peer;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of formation over generated populations. */
class FormationProperties {

    @Provide
    Arbitrary<GroupKind> kinds() {
        return Arbitraries.of(GroupKind.PEER_TRIAD, GroupKind.REVERSE_MENTORING, GroupKind.COACHING_GROUP);
    }

    @Property(tries = 60)
    void everyoneIsPlacedExactlyOnce_orListedWithAReason(@ForAll("kinds") GroupKind kind,
                                                         @ForAll @IntRange(min = 0, max = 120) int n,
                                                         @ForAll @IntRange(min = 1, max = 60) int organisations,
                                                         @ForAll @LongRange(min = 0, max = 1000) long seed) {
        List<Participant> people = Populations.generate(n, organisations, seed, kind == GroupKind.REVERSE_MENTORING ? 0.5 : 0.1);
        Formation formation = GroupFormation.form(FormationRequest.of("f", kind, people, seed).withMaxIterations(3_000));

        List<PersonId> placed = new ArrayList<>();
        formation.groups().forEach(g -> g.members().forEach(m -> placed.add(m.participant().id())));
        formation.unassigned().forEach(u -> placed.add(u.participant().id()));
        assertThat(placed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(people.stream().map(Participant::id).toList());
        assertThat(formation.unassigned()).allSatisfy(u -> assertThat(GroupFormationTest.english(u.reason())).isNotBlank());
        assertThat(formation.groups()).allSatisfy(g -> assertThat(g.size()).isGreaterThanOrEqualTo(2));
    }

    @Property(tries = 60)
    void sizesStayWithinTheRule_wheneverTheCountAllowsIt(@ForAll @IntRange(min = 3, max = 200) int n,
                                                         @ForAll @LongRange(min = 0, max = 1000) long seed) {
        List<Participant> people = Populations.generate(n, n, seed, 0);
        for (GroupKind kind : List.of(GroupKind.PEER_TRIAD, GroupKind.COACHING_GROUP)) {
            SizeRule rule = kind.defaultSize();
            boolean divisible = false;
            for (int groups = 1; groups <= n; groups++) {
                divisible |= n >= groups * rule.min() && n <= groups * rule.max();
            }
            Formation formation = GroupFormation.form(FormationRequest.of("f", kind, people, seed).withMaxIterations(2_000));
            if (divisible) {
                assertThat(formation.groups()).allSatisfy(g -> assertThat(rule.allows(g.size()))
                        .as("group of %d under %s for %d participants", g.size(), rule, n).isTrue());
            }
        }
    }

    /** Populations where every hard constraint can hold: distinct organisations, one shared language, not 5 people (no triad split). */
    @Provide
    Arbitrary<List<Participant>> feasiblePopulations() {
        return Combinators.combine(Arbitraries.integers().between(3, 90).filter(n -> n != 5), Arbitraries.longs().between(0, 10_000))
                .as((n, seed) -> {
                    List<Participant> generated = Populations.generate(n, n, seed, 0);
                    List<Participant> people = new ArrayList<>();
                    for (Participant p : generated) {
                        List<Language> languages = new ArrayList<>(p.languages());
                        if (!languages.contains(Language.FI)) {
                            languages.add(Language.FI);
                        }
                        people.add(new Participant(p.id(), p.name(), p.email(), p.organisation(), p.unit(), p.site(),
                                p.role(), languages, p.manager(), p.interests()));
                    }
                    return people;
                });
    }

    @Property(tries = 50)
    void noHardViolation_whenThePopulationMakesItFeasible(@ForAll("feasiblePopulations") List<Participant> people,
                                                           @ForAll @LongRange(min = 0, max = 100) long seed) {
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, people, seed);

        Formation formation = GroupFormation.form(request);

        assertThat(formation.violations()).isEmpty();
        assertThat(Checks.breaks(request, formation)).isEmpty();
    }

    @Property(tries = 40)
    void listedViolations_areExactlyTheBrokenConstraints_andTheScoreStaysUnderTheBound(
            @ForAll("kinds") GroupKind kind, @ForAll @IntRange(min = 2, max = 80) int n,
            @ForAll @IntRange(min = 1, max = 8) int organisations, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        List<Participant> people = Populations.generate(n, organisations, seed, 0.5);
        FormationRequest request = FormationRequest.of("f", kind, people, seed).withMaxIterations(3_000);

        Formation formation = GroupFormation.form(request);

        assertThat(Checks.listed(formation)).containsExactlyInAnyOrderElementsOf(Checks.breaks(request, formation));
        assertThat(formation.cohortScore()).isLessThanOrEqualTo(formation.upperBound() + 1e-9);
        assertThat(formation.hardConstraintsHold()).isEqualTo(formation.violations().isEmpty());
    }

    @Property(tries = 20)
    void theSameSeed_givesTheSameFormation(@ForAll @IntRange(min = 2, max = 60) int n,
                                           @ForAll @LongRange(min = 0, max = 1000) long seed) {
        List<Participant> people = Populations.generate(n, Math.max(1, n / 3), seed, 0);
        FormationRequest request = FormationRequest.of("f", GroupKind.PEER_TRIAD, people, seed);

        assertThat(GroupFormation.form(request)).isEqualTo(GroupFormation.form(request));
    }

    @Property(tries = 30)
    void rolesRotate_soThatInATriadEveryoneHoldsEveryRole(@ForAll @IntRange(min = 2, max = 8) int size,
                                                           @ForAll @IntRange(min = 0, max = 5) int extra) {
        List<PersonId> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(PersonId.of("m" + i));
        }
        var plan = RoleRotation.plan(members, RoleRotation.meetingsForFullRotation(size) + extra);

        for (PersonId member : members) {
            Set<TriadRole> held = new HashSet<>();
            plan.forEach(meeting -> held.add(meeting.get(member)));
            assertThat(held).contains(TriadRole.COACH, TriadRole.COACHEE);
            if (size >= 3) {
                assertThat(held).containsExactlyInAnyOrder(TriadRole.values());
            }
        }
        assertThat(plan).allSatisfy(meeting -> assertThat(meeting.values()).containsOnlyOnce(TriadRole.COACH, TriadRole.COACHEE));
    }
}

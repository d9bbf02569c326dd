package fi.kasvu.peer;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingPoolsTest {

    static Participant at(String id, String site, List<Language> languages, ParticipantRole role) {
        return new Participant(PersonId.of(id), "Name " + id, "", "Ulosottolaitos", "", site, role, languages, null, List.of());
    }

    @Test
    void newcomers_goToOnboardersAtAnotherSite_withinCapacity() {
        List<OnboardingPools.Onboarder> onboarders = List.of(
                new OnboardingPools.Onboarder(at("o-hki", "Helsinki", List.of(Language.FI), ParticipantRole.SUPERVISOR), 2),
                new OnboardingPools.Onboarder(at("o-oulu", "Oulu", List.of(Language.FI), ParticipantRole.SUPERVISOR), 2));
        List<Participant> newcomers = List.of(at("n1", "Helsinki", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n2", "Helsinki", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n3", "Oulu", List.of(Language.FI), ParticipantRole.NEWCOMER));

        Formation pools = OnboardingPools.assign(new OnboardingPools.Request("pool", onboarders, newcomers, true, 1, null));

        assertThat(pools.groups()).allSatisfy(g -> {
            GroupMember onboarder = g.members().get(0);
            assertThat(onboarder.role()).isEqualTo(MemberRole.ONBOARDER);
            assertThat(g.size() - 1).isLessThanOrEqualTo(2);
            assertThat(g.members().subList(1, g.size())).allSatisfy(m ->
                    assertThat(m.participant().site()).isNotEqualTo(onboarder.participant().site()));
        });
        assertThat(pools.unassigned()).isEmpty();
        assertThat(pools.cohortScore()).isLessThanOrEqualTo(pools.upperBound());
    }

    @Test
    void newcomersBeyondCapacity_orWithoutALanguage_areListedWithTheNumbers() {
        List<OnboardingPools.Onboarder> onboarders = List.of(
                new OnboardingPools.Onboarder(at("o1", "Turku", List.of(Language.FI), ParticipantRole.SUPERVISOR), 1));
        List<Participant> newcomers = new ArrayList<>(List.of(at("n1", "Oulu", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n2", "Oulu", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n3", "Vaasa", List.of(Language.SV), ParticipantRole.NEWCOMER)));

        Formation pools = OnboardingPools.assign(new OnboardingPools.Request("pool", onboarders, newcomers, true, 1, null));

        assertThat(pools.groups()).hasSize(1);
        assertThat(pools.unassigned()).extracting(u -> GroupFormationTest.english(u.reason())).containsExactlyInAnyOrder(
                "all 1 onboarders who share a language with them are full (capacity 1 in all)",
                "no onboarder works in sv; 1 onboarders in all");
        assertThat(GroupFormationTest.english(pools.findings()).get(0)).isEqualTo("3 newcomers, 1 onboarders with a capacity of 1 in all; at least 2 "
                + "newcomers cannot be placed.");
    }

    @Test
    void aFullOnboarder_isFreedByMovingAnEarlierNewcomer() {
        List<OnboardingPools.Onboarder> onboarders = List.of(
                new OnboardingPools.Onboarder(at("fi-sv", "Vaasa", List.of(Language.FI, Language.SV), ParticipantRole.SUPERVISOR), 1),
                new OnboardingPools.Onboarder(at("fi", "Oulu", List.of(Language.FI), ParticipantRole.SUPERVISOR), 1));
        List<Participant> newcomers = List.of(at("bilingual", "Helsinki", List.of(Language.FI, Language.SV), ParticipantRole.NEWCOMER),
                at("swedish", "Helsinki", List.of(Language.SV), ParticipantRole.NEWCOMER));

        Formation pools = OnboardingPools.assign(new OnboardingPools.Request("pool", onboarders, newcomers, false, 7, null));

        assertThat(pools.unassigned()).isEmpty();
        assertThat(pools.groups()).hasSize(2);
    }

    @Test
    void anAssignmentMadeByHand_isScoredAsAssignDoes_andItsBrokenConstraintsAreListed() {
        List<OnboardingPools.Onboarder> onboarders = List.of(
                new OnboardingPools.Onboarder(at("o-hki", "Helsinki", List.of(Language.FI), ParticipantRole.SUPERVISOR), 2),
                new OnboardingPools.Onboarder(at("o-vaasa", "Vaasa", List.of(Language.SV, Language.FI), ParticipantRole.SUPERVISOR), 1));
        List<Participant> newcomers = List.of(at("n1", "Oulu", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n2", "Oulu", List.of(Language.FI), ParticipantRole.NEWCOMER),
                at("n3", "Turku", List.of(Language.SV), ParticipantRole.NEWCOMER));
        OnboardingPools.Request request = new OnboardingPools.Request("pool", onboarders, newcomers, true, 1, null);
        Formation assigned = OnboardingPools.assign(request);
        java.util.Map<PersonId, PersonId> same = new java.util.HashMap<>();
        assigned.groups().forEach(g -> g.members().subList(1, g.size()).forEach(m ->
                same.put(m.participant().id(), g.members().get(0).participant().id())));

        Formation again = OnboardingPools.evaluate(request, same);
        assertThat(again.groups()).isEqualTo(assigned.groups());
        assertThat(again.cohortScore()).isEqualTo(assigned.cohortScore());
        assertThat(again.violations()).isEmpty();

        // Everyone to Helsinki: above its capacity, and n3 works in Swedish only.
        java.util.Map<PersonId, PersonId> byHand = new java.util.HashMap<>();
        newcomers.forEach(n -> byHand.put(n.id(), PersonId.of("o-hki")));
        Formation moved = OnboardingPools.evaluate(request, byHand);
        assertThat(moved.groups()).hasSize(1);
        assertThat(moved.violations()).extracting(Violation::constraint)
                .containsExactlyInAnyOrder(HardConstraint.CAPACITY, HardConstraint.SHARED_LANGUAGE);
        assertThat(moved.violations()).anySatisfy(v -> assertThat(GroupFormationTest.english(v.reason()))
                .isEqualTo("Name o-hki onboards 3 newcomers, above their capacity of 2."));
        assertThat(moved.violations()).anySatisfy(v -> assertThat(v.persons())
                .containsExactly(PersonId.of("n3"), PersonId.of("o-hki")));

        // A newcomer left out is unassigned; a stranger or a newcomer as onboarder is refused.
        byHand.remove(PersonId.of("n3"));
        assertThat(OnboardingPools.evaluate(request, byHand).unassigned()).extracting(u -> u.participant().id())
                .containsExactly(PersonId.of("n3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnboardingPools.evaluate(request,
                java.util.Map.of(PersonId.of("n1"), PersonId.of("n2")))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnboardingPools.evaluate(request,
                java.util.Map.of(PersonId.of("x"), PersonId.of("o-hki")))).isInstanceOf(IllegalArgumentException.class);
    }
}

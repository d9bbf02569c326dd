package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.peer.Charter;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.Groups;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.OnboardingPools;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.Populations;
import fi.kasvu.peer.PreviousRounds;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every peer document reads back equal to what was written. */
class PeerJsonProperties {

    final KasvuJson json = KasvuJson.create();

    @Provide
    Arbitrary<Formation> formations() {
        Arbitrary<GroupKind> kinds = Arbitraries.of(GroupKind.PEER_TRIAD, GroupKind.REVERSE_MENTORING, GroupKind.COACHING_GROUP);
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 15),
                Arbitraries.longs().between(0, 1_000), Arbitraries.of(GroupingKey.values()), Arbitraries.of(true, false))
                .as((kind, n, orgs, seed, key, meetings) -> {
                    List<Participant> people = Populations.generate(n, orgs, seed, 0.4);
                    FormationRequest request = FormationRequest.of("f-" + seed, kind, people, seed).withGroupingKey(key)
                            .withMaxIterations(500).withContext(seed % 2 == 0 ? "course-" + seed : null);
                    if (meetings) {
                        request = request.withMeetings(new MeetingPlan(LocalDate.of(2026, 1, 15), 4, 3));
                    }
                    return GroupFormation.form(request);
                });
    }

    @Property(tries = 40)
    void formations_roundTrip(@ForAll("formations") Formation formation) {
        String text = json.toJson(formation);

        assertThat(json.fromJson(text, Formation.class)).isEqualTo(formation);
        assertThat(text).startsWith("{\"kind\":\"peer.formation\",\"schemaVersion\":1,");
    }

    @Property(tries = 15)
    void onboardingPools_roundTrip(@ForAll("seeds") long seed) {
        List<Participant> people = Populations.generate(30, 10, seed, 0.7);
        List<OnboardingPools.Onboarder> onboarders = people.stream().filter(p -> p.role().name().equals("SUPERVISOR"))
                .map(p -> new OnboardingPools.Onboarder(p, 1 + (int) (seed % 3))).toList();
        List<Participant> newcomers = people.stream().filter(p -> p.role().name().equals("NEWCOMER")).toList();
        Formation pools = OnboardingPools.assign(new OnboardingPools.Request("pool", onboarders, newcomers, true, seed, null));

        assertThat(json.fromJson(json.toJson(pools), Formation.class)).isEqualTo(pools);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(0, 10_000);
    }

    @Provide
    Arbitrary<PeerGroup> groups() {
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', 'ö').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
        return Combinators.combine(texts, texts, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((note, reflection, planned, held) -> {
                    PeerGroup group = Groups.anyTriadWithNotesAndReflections();
                    group = group.addNote(PersonId.of("c"), Groups.NOW.plusSeconds(60), note).orElseThrow()
                            .addReflection(PersonId.of("a"), Groups.NOW.plusSeconds(120), 0, reflection).orElseThrow()
                            .withCharter(new Charter(List.of(note), 1 + planned, 2, Charter.defaultGroundRules()));
                    for (int i = 0; i < planned; i++) {
                        group = group.planMeeting(LocalDate.of(2026, 2, 1).plusWeeks(i), i % 2 == 0 ? "" : note);
                    }
                    return held ? group.recordHeld(1, Set.of(PersonId.of("a"), PersonId.of("c"))).orElseThrow() : group;
                });
    }

    @Property(tries = 40)
    void peerGroups_roundTrip(@ForAll("groups") PeerGroup group) {
        assertThat(json.fromJson(json.toJson(group), PeerGroup.class)).isEqualTo(group);
    }

    @Property(tries = 20)
    void previousRounds_roundTrip(@ForAll("formations") Formation formation) {
        PreviousRounds rounds = PreviousRounds.of(List.of(formation, formation));

        assertThat(json.fromJson(json.toJson(rounds), PreviousRounds.class)).isEqualTo(rounds);
    }
}

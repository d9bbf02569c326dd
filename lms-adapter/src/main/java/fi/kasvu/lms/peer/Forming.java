package fi.kasvu.lms.peer;

import fi.kasvu.common.Require;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationProgress;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.OnboardingPools;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.PreviousRounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@code kasvu groups form} and the peer-group activity turn participants into a formation,
 * in one place, so that the same participants, kind, options and seed give the same groups in both:
 * core's {@link GroupFormation} for triads, reverse mentoring and coaching groups, and core's
 * {@link OnboardingPools} for onboarding pools (onboarders are the participants with a capacity).
 */
public final class Forming {

    private Forming() {
    }

    /**
     * One participant with their onboarding capacity (0 for everyone who is not an onboarder).
     *
     * @param participant who
     * @param capacity    0..50
     */
    public record Person(Participant participant, int capacity) {
        /** @throws IllegalArgumentException if the capacity is out of range */
        public Person {
            Require.nonNull("participant", participant);
            Require.range("capacity", capacity, 0, ParticipantCsv.MAX_CAPACITY);
        }
    }

    /**
     * What to form.
     *
     * @param id              the formation's id
     * @param kind            the kind of groups
     * @param people          everyone to place
     * @param seed            the random seed
     * @param groupBy         what no two members may share (not used by onboarding pools)
     * @param previous        earlier rounds whose partners should not meet again (not used by onboarding pools)
     * @param meetings        planned meetings, or null
     * @param context         the course or programme, or null
     * @param preferOtherSite onboarding pools: prefer an onboarder at another site than the newcomer
     */
    public record Spec(String id, GroupKind kind, List<Person> people, long seed, GroupingKey groupBy,
                       PreviousRounds previous, MeetingPlan meetings, String context, boolean preferOtherSite) {
        /** Copies the people. */
        public Spec {
            Require.id("id", id);
            Require.nonNull("kind", kind);
            people = List.copyOf(people);
            Require.nonNull("groupBy", groupBy);
            Require.nonNull("previous", previous);
        }
    }

    /** The kind a command-line or settings word names: triad, reverse-mentoring, coaching-group, onboarding-pool. */
    public static Optional<GroupKind> kind(String word) {
        return Optional.ofNullable(switch (word == null ? "" : word.strip().toLowerCase(Locale.ROOT)) {
            case "triad", "peer-triad" -> GroupKind.PEER_TRIAD;
            case "reverse-mentoring" -> GroupKind.REVERSE_MENTORING;
            case "coaching-group" -> GroupKind.COACHING_GROUP;
            case "onboarding-pool" -> GroupKind.ONBOARDING_POOL;
            default -> null;
        });
    }

    /** The word for a kind, as {@link #kind} reads it. */
    public static String word(GroupKind kind) {
        return switch (kind) {
            case PEER_TRIAD -> "triad";
            case REVERSE_MENTORING -> "reverse-mentoring";
            case COACHING_GROUP -> "coaching-group";
            case ONBOARDING_POOL -> "onboarding-pool";
        };
    }

    /** The command's default formation id: the kind and a hash of the participant ids. */
    public static String defaultId(GroupKind kind, List<Participant> participants) {
        int hash = String.join("\n", participants.stream().map(p -> p.id().value()).sorted().toList()).hashCode();
        String name = kind == GroupKind.ONBOARDING_POOL ? "onboarding" : word(kind);
        return name + "-" + Integer.toHexString(hash);
    }

    /** The fewest people one group of the kind needs. */
    public static int fewestFor(GroupKind kind) {
        return kind == GroupKind.ONBOARDING_POOL ? 2 : kind == GroupKind.REVERSE_MENTORING ? 4 : kind.defaultSize().min();
    }

    /**
     * The request core's {@link GroupFormation} gets for a kind other than onboarding pools.
     *
     * @throws IllegalArgumentException if the kind is an onboarding pool or the participants are unusable
     */
    public static FormationRequest request(Spec spec) {
        FormationRequest request = FormationRequest.of(spec.id(), spec.kind(),
                        spec.people().stream().map(Person::participant).toList(), spec.seed())
                .withGroupingKey(spec.groupBy()).withPrevious(spec.previous()).withContext(spec.context());
        return spec.meetings() == null ? request : request.withMeetings(spec.meetings());
    }

    /**
     * Forms the groups.
     *
     * @throws IllegalArgumentException if the participants are unusable (a repeated id, an onboarding
     *                                  pool without an onboarder), with the reason
     */
    public static Formation form(Spec spec, FormationProgress progress) {
        if (spec.kind() != GroupKind.ONBOARDING_POOL) {
            return GroupFormation.form(request(spec), progress);
        }
        return OnboardingPools.assign(poolRequest(spec));
    }

    /**
     * The onboarding pool request of a spec: onboarders are the people with a capacity.
     *
     * @throws IllegalArgumentException if nobody has a capacity
     */
    public static OnboardingPools.Request poolRequest(Spec spec) {
        List<OnboardingPools.Onboarder> onboarders = new ArrayList<>();
        List<Participant> newcomers = new ArrayList<>();
        for (Person person : spec.people()) {
            if (person.capacity() > 0) {
                onboarders.add(new OnboardingPools.Onboarder(person.participant(), person.capacity()));
            } else {
                newcomers.add(person.participant());
            }
        }
        if (onboarders.isEmpty()) {
            throw new IllegalArgumentException("an onboarding pool needs at least one onboarder: give each onboarder"
                    + " a capacity (1.." + ParticipantCsv.MAX_CAPACITY + ") in the capacity column");
        }
        return new OnboardingPools.Request(spec.id(), onboarders, newcomers, spec.preferOtherSite(), spec.seed(),
                spec.context());
    }
}

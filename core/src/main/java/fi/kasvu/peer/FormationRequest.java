package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to form: the kind of groups, the participants, and the options (grouping key, earlier
 * rounds, size rule, role quota, criterion weights, meeting plan). Made with {@link #of} and the
 * {@code with…} methods.
 *
 * @param formationId   the id the result gets
 * @param kind          the kind of groups (not {@link GroupKind#ONBOARDING_POOL}; see {@link OnboardingPools})
 * @param participants  everyone to place, ids distinct
 * @param groupingKey   which attribute members must not share
 * @param seed          the random seed; the same request and seed give the same result
 * @param previous      earlier rounds, to avoid repeated partners
 * @param size          the size rule
 * @param quota         supervisors and newcomers per reverse-mentoring group
 * @param weights       each criterion's weight, 0..1
 * @param meetings      when groups meet, or null for no planned meetings
 * @param context       the programme or course, or null
 * @param maxIterations local-search steps, or 0 for an automatic budget (proportional to the population)
 */
public record FormationRequest(String formationId, GroupKind kind, List<Participant> participants, GroupingKey groupingKey,
                               long seed, PreviousRounds previous, SizeRule size, RoleQuota quota,
                               Map<Criterion, Double> weights, MeetingPlan meetings, String context, long maxIterations) {

    /**
     * The default weights: organisations 0.25, regions 0.15, shared interests 0.25, new encounters
     * 0.35 (new encounters outweigh a shared interest, so a later round does not put the same
     * like-minded pair together again; without earlier rounds the criterion is constant).
     */
    public static final Map<Criterion, Double> DEFAULT_WEIGHTS = Map.of(
            Criterion.ORGANISATION_DIVERSITY, 0.25, Criterion.REGION_DIVERSITY, 0.15,
            Criterion.SHARED_INTERESTS, 0.25, Criterion.NEW_ENCOUNTERS, 0.35);

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a participant id repeats, the kind is an onboarding pool,
     *                                  a weight is outside 0..1 or the iteration budget is negative
     */
    public FormationRequest {
        Require.id("formationId", formationId);
        Require.nonNull("kind", kind);
        if (kind == GroupKind.ONBOARDING_POOL) {
            throw new IllegalArgumentException("kind must be a group kind formed by GroupFormation, not " + kind
                    + " (use OnboardingPools)");
        }
        participants = Require.list("participants", participants);
        Set<PersonId> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!seen.add(participants.get(i).id())) {
                throw new IllegalArgumentException("participants[" + i + "].id must be unique: " + participants.get(i).id());
            }
        }
        Require.nonNull("groupingKey", groupingKey);
        Require.nonNull("previous", previous);
        Require.nonNull("size", size);
        Require.nonNull("quota", quota);
        EnumMap<Criterion, Double> copy = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            Double weight = Require.nonNull("weights", weights).getOrDefault(criterion, 0.0);
            if (weight == null || !(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("weights." + criterion + " must be 0..1: " + weight);
            }
            copy.put(criterion, weight);
        }
        weights = Map.copyOf(copy);
        if (context != null) {
            Require.id("context", context);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be at least 0: " + maxIterations);
        }
    }

    /**
     * A request with the defaults: distinct organisations, no earlier rounds, the kind's size rule,
     * two-and-two reverse mentoring, the default weights, no meeting plan.
     */
    public static FormationRequest of(String formationId, GroupKind kind, List<Participant> participants, long seed) {
        return new FormationRequest(formationId, kind, participants, GroupingKey.ORGANISATION, seed, PreviousRounds.none(),
                kind.defaultSize(), RoleQuota.fewAndFew(), DEFAULT_WEIGHTS, null, null, 0);
    }

    /** The same request with another grouping key. */
    public FormationRequest withGroupingKey(GroupingKey key) {
        return new FormationRequest(formationId, kind, participants, key, seed, previous, size, quota, weights, meetings,
                context, maxIterations);
    }

    /** The same request avoiding partners of earlier rounds. */
    public FormationRequest withPrevious(PreviousRounds rounds) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, rounds, size, quota, weights,
                meetings, context, maxIterations);
    }

    /** The same request with another size rule (a minimum of 2 allows pairs for triads). */
    public FormationRequest withSize(SizeRule rule) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, rule, quota, weights,
                meetings, context, maxIterations);
    }

    /** The same request with another reverse-mentoring quota. */
    public FormationRequest withQuota(RoleQuota roleQuota) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, size, roleQuota, weights,
                meetings, context, maxIterations);
    }

    /** The same request with other criterion weights (a missing criterion weighs 0). */
    public FormationRequest withWeights(Map<Criterion, Double> criterionWeights) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, size, quota,
                criterionWeights, meetings, context, maxIterations);
    }

    /** The same request with planned meetings for every group. */
    public FormationRequest withMeetings(MeetingPlan plan) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, size, quota, weights,
                plan, context, maxIterations);
    }

    /** The same request in a programme or course. */
    public FormationRequest withContext(String programme) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, size, quota, weights,
                meetings, programme, maxIterations);
    }

    /** The same request with a fixed local-search budget (0 for automatic). */
    public FormationRequest withMaxIterations(long iterations) {
        return new FormationRequest(formationId, kind, participants, groupingKey, seed, previous, size, quota, weights,
                meetings, context, iterations);
    }
}

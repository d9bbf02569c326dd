package fi.kasvu.plan;

import fi.kasvu.common.PersonalData;

/**
 * Where a development plan holds personal data: it belongs to its owner alone (a team it is
 * shared with is named, not its members), so it is exported to the owner and deleted with them.
 */
public final class PlanPersonalData {

    /** The policy for {@link DevelopmentPlans#KIND}. */
    public static final PersonalData<DevelopmentPlan> POLICY = PersonalData.ownedBy(DevelopmentPlans.KIND);

    private PlanPersonalData() {
    }
}

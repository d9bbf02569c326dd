package fi.kasvu.peer;

/** The four kinds of peer group Kasvu forms, each with its own default size rule. */
public enum GroupKind {
    /** Three supervisors from different organisations who coach each other in turn (seed 002). */
    PEER_TRIAD(new SizeRule(3, 3, 4)),
    /** A few supervisors and a few newcomers, two and two by default (seed 002). */
    REVERSE_MENTORING(new SizeRule(4, 4, 6)),
    /** Group coaching for five to eight people (seed 001). */
    COACHING_GROUP(new SizeRule(5, 6, 8)),
    /** One onboarder with the newcomers they onboard, up to the onboarder's capacity (seed 000). */
    ONBOARDING_POOL(new SizeRule(2, 3, 11));

    private final SizeRule defaultSize;

    GroupKind(SizeRule defaultSize) {
        this.defaultSize = defaultSize;
    }

    /** The size rule used unless the settings give another. */
    public SizeRule defaultSize() {
        return defaultSize;
    }
}

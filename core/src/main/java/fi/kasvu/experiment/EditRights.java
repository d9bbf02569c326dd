package fi.kasvu.experiment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what in an experiment. Team members shape the content (picture, mappings, plan,
 * observations); the facilitator may do all of that and also moves the process on, records
 * the evaluation and the decision the team reached, shares the result and manages members.
 */
public final class EditRights {

    private static final Set<ExperimentAction> MEMBER = EnumSet.of(
            ExperimentAction.ADD_TO_PICTURE, ExperimentAction.REMOVE_OWN_ENTRY,
            ExperimentAction.EDIT_CONTENT, ExperimentAction.OBSERVE);

    private EditRights() {
    }

    /** Whether a person in the role may take the action. */
    public static boolean allows(ExperimentRole role, ExperimentAction action) {
        return role == ExperimentRole.FACILITATOR || MEMBER.contains(action);
    }

    /** The actions a role may take. */
    public static Set<ExperimentAction> of(ExperimentRole role) {
        return role == ExperimentRole.FACILITATOR ? EnumSet.allOf(ExperimentAction.class) : EnumSet.copyOf(MEMBER);
    }
}

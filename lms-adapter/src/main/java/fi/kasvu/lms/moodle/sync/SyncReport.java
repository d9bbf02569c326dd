package fi.kasvu.lms.moodle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a sync run did.
 *
 * @param outcome how the run ended
 * @param plan the plan it followed
 * @param groupingCreated whether it created the grouping
 * @param groupsCreated how many groups it created
 * @param assignmentsSent how many grouping assignments it sent
 * @param membersAdded how many memberships it added
 * @param eventsCreated how many events it created
 * @param messagesSent how many welcome messages Moodle stored
 * @param problems what needs a person's attention (refused messages, refused events, blocked groups, unmatched members)
 * @param missingFunctions functions the token's service lacks (when the run was refused)
 */
public record SyncReport(Outcome outcome, SyncPlan plan, boolean groupingCreated, int groupsCreated,
        int assignmentsSent, int membersAdded, int eventsCreated, int messagesSent, List<String> problems,
        Set<String> missingFunctions) {

    /** Copies the lists. */
    public SyncReport {
        problems = List.copyOf(problems);
        missingFunctions = Set.copyOf(missingFunctions);
    }

    /** How a run ended. */
    public enum Outcome {
        /** Only planned, nothing written. */
        DRY_RUN,
        /** Moodle already had everything. */
        UP_TO_DATE,
        /** Everything missing was written. */
        COMPLETED,
        /** Nothing written: the token's service lacks functions. */
        REFUSED
    }

    /** Whether the run changed anything in Moodle. */
    public boolean changedAnything() {
        return groupingCreated || groupsCreated + assignmentsSent + membersAdded + eventsCreated + messagesSent > 0;
    }

    /** The report in words, one line each. */
    public List<String> describe() {
        if (outcome == Outcome.REFUSED) {
            return List.of("Refused: the token's service lacks " + String.join(", ", missingFunctions));
        }
        List<String> lines = new ArrayList<>();
        lines.add(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": grouping "
                + (groupingCreated ? "created" : "kept") + ", groups created " + groupsCreated
                + ", assignments " + assignmentsSent + ", members added " + membersAdded + ", events created "
                + eventsCreated + ", messages sent " + messagesSent);
        problems.forEach(problem -> lines.add("  " + problem));
        return lines;
    }
}

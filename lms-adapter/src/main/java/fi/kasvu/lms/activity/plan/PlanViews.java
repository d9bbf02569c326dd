package fi.kasvu.lms.activity.plan;

import fi.kasvu.lms.web.Views;
import java.util.List;

/** The models of the development plan pages: plain, already translated values. */
public final class PlanViews {

    private PlanViews() {
    }

    /**
     * One action of a goal.
     *
     * @param id        the action's id
     * @param what      the action
     * @param due       its due day ("" for none)
     * @param status    where it stands, in words
     * @param done      whether it is done
     * @param newStatus the status select (null for a reader)
     * @param note      the note field, which a dropped action needs (null for a reader)
     * @param editWhat  the action's text field (null for a reader)
     * @param editDue   the action's due day field (null for a reader)
     * @param open      whether its change forms start open (an error or a refused submission in them)
     */
    public record ActionView(String id, String what, String due, String status, boolean done, Views.Field newStatus,
                             Views.Field note, Views.Field editWhat, Views.Field editDue, boolean open) {
    }

    /**
     * One goal with its actions and (for the owner) the form to add an action.
     *
     * @param id        the goal's id
     * @param what      the goal
     * @param measures  how success shows ("" for none)
     * @param target    the target day ("" for none)
     * @param actions   its actions
     * @param newWhat   the new action's text field (null for a reader)
     * @param newDue    the new action's due day field (null for a reader)
     * @param edit      the owner's form to rewrite the goal (null for a reader)
     */
    public record GoalView(String id, String what, String measures, String target, List<ActionView> actions,
                           Views.Field newWhat, Views.Field newDue, GoalEdit edit) {
    }

    /**
     * The owner's form to rewrite a goal.
     *
     * @param what     the goal's text field
     * @param measures its measures field
     * @param target   its target day field
     * @param open     whether the form starts open (an error or a refused submission in it)
     */
    public record GoalEdit(Views.Field what, Views.Field measures, Views.Field target, boolean open) {
    }

    /**
     * One review.
     *
     * @param id       its id
     * @param date     the scheduled day
     * @param held     whether it was held
     * @param outcome  what was noted at it ("" while not held)
     * @param notes    the notes field to record it as held (null when held or for a reader)
     * @param progress the progress select (null when held or for a reader)
     */
    public record ReviewView(String id, String date, boolean held, String outcome, Views.Field notes,
                             Views.Field progress) {
    }

    /**
     * A comment of the team.
     *
     * @param author who wrote it
     * @param when   when
     * @param text   what
     */
    public record CommentView(String author, String when, String text) {
    }

    /**
     * A link to a plan.
     *
     * @param title   the plan's title
     * @param href    its page
     * @param current whether it is the one shown
     */
    public record PlanLink(String title, String href, boolean current) {
    }

    /**
     * A plan's page, for its owner (editable) or a member of its team (read and comment).
     *
     * @param frame        the page frame
     * @param errors       what was wrong with the last submission
     * @param notice       what just happened ("" for nothing)
     * @param owner        whether the viewer owns the plan
     * @param action       the plan's address, which the forms post under
     * @param title        the plan's title
     * @param source       where the plan came from, in words
     * @param ownerName    whose plan it is (for a member)
     * @param reminders    reviews due soon or overdue
     * @param missing      what the plan still lacks
     * @param goals        the goals
     * @param goalWhat     the new goal's field
     * @param goalMeasures the new goal's measures field
     * @param goalTarget   the new goal's target day field
     * @param followUp     how progress is followed up (its field for the owner)
     * @param followUpText the current follow-up method ("" for none)
     * @param reviews      the reviews
     * @param reviewDate   the new review's day field
     * @param shared       whether the plan is shared with a team
     * @param members      the team's members' names
     * @param candidates   roster members to pick (owner only)
     * @param group        the course group select (null when the platform offers no groups, or for a reader)
     * @param groupsNote   why the course's groups cannot be offered now ("" when they are, or not configured)
     * @param comments     the team's comments
     * @param comment      the comment field
     * @param plans        the viewer's own plans
     * @param sharedWithMe plans of others shared with the viewer
     */
    public record PlanView(Views.Frame frame, List<Views.Message> errors, String notice, boolean owner, String action,
                           String title, String source, String ownerName, List<String> reminders, List<String> missing,
                           List<GoalView> goals, Views.Field goalWhat, Views.Field goalMeasures, Views.Field goalTarget,
                           Views.Field followUp, String followUpText, List<ReviewView> reviews, Views.Field reviewDate,
                           boolean shared, List<String> members, List<Views.Choice> candidates,
                           Views.Field group, String groupsNote, List<CommentView> comments, Views.Field comment, List<PlanLink> plans,
                           List<PlanLink> sharedWithMe) {
    }
}

package fi.kasvu.grow;

import fi.kasvu.common.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the way forward: what, who and by when, its progress notes and how it ended.
 *
 * @param id            unique within the conversation ({@code action-1}, …)
 * @param what          what will be done
 * @param who           who does it, in the coachee's words ("" means the coachee)
 * @param dueDate       by when, or null while not yet decided (a rule problem, not an error)
 * @param progressNotes dated notes on how it goes, oldest first
 * @param status        open, done or dropped
 */
public record Action(String id, String what, String who, LocalDate dueDate, List<ProgressNote> progressNotes,
                     ActionStatus status) {

    /**
     * @throws IllegalArgumentException if the id or what is blank or a text is too long
     * @throws NullPointerException     if the status is null
     */
    public Action {
        Require.id("action.id", id);
        Require.nonBlank("action.what", what);
        who = Require.maxLength("action.who", Require.text("action.who", who), Require.MAX_ID);
        progressNotes = Require.list("action.progressNotes", progressNotes);
        Require.nonNull("action.status", status);
    }

    /** A new open action. */
    public static Action of(String id, String what, String who, LocalDate dueDate) {
        return new Action(id, what, who, dueDate, List.of(), ActionStatus.OPEN);
    }

    /** This action with other what, who and due date, keeping notes and status. */
    public Action with(String newWhat, String newWho, LocalDate newDueDate) {
        return new Action(id, newWhat, newWho, newDueDate, progressNotes, status);
    }

    /** This action with one more progress note. */
    public Action withNote(ProgressNote note) {
        List<ProgressNote> notes = new ArrayList<>(progressNotes);
        notes.add(Require.nonNull("note", note));
        return new Action(id, what, who, dueDate, notes, status);
    }

    /** This action with another status. */
    public Action withStatus(ActionStatus newStatus) {
        return new Action(id, what, who, dueDate, progressNotes, newStatus);
    }

    /** Whether the action is still open and due on or before the day. */
    public boolean dueBy(LocalDate day) {
        return !status.ended() && dueDate != null && !dueDate.isAfter(day);
    }
}

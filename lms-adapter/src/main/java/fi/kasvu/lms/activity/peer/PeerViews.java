package fi.kasvu.lms.activity.peer;

import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Frame;
import fi.kasvu.lms.web.Views.Message;
import java.util.List;

/** The models of the peer-group pages' templates. */
public final class PeerViews {

    private PeerViews() {
    }

    /**
     * The learner's intake form.
     *
     * @param frame    the page frame
     * @param errors   the error summary
     * @param action   where the form posts
     * @param fields   the fields
     * @param uploaded whether an organiser's upload holds the learner (then the form is not used)
     * @param saved    whether the answers are saved
     */
    public record IntakeView(Frame frame, List<Message> errors, String action, List<Field> fields, boolean uploaded,
                             boolean saved) {
    }

    /**
     * A learner's group page.
     *
     * @param frame        the page frame
     * @param errors       the error summary
     * @param group        the group
     * @param others       links to the learner's other groups (earlier rounds)
     * @param accepted     when the learner accepted the confidentiality agreement ("" if not yet)
     * @param nextRoles    who holds which triad role at the next meeting (empty for other kinds)
     * @param charterForm  the charter's fields
     * @param meetingForm  the fields of a new meeting
     * @param notes        the group's notes, the learner's own editable (empty until accepted)
     * @param newNote      the field of a new note (null until accepted)
     * @param reflections  the learner's own reflection field for each held meeting
     * @param autosaveUrl  where the note and reflection fields save
     * @param action       the base of the page's forms
     * @param saveAction   where the notes form posts (its last segment is the group id, the autosave's "phase")
     */
    public record GroupView(Frame frame, List<Message> errors, GroupCard group, List<Choice> others, String accepted,
                            List<Views.Item> nextRoles, List<Field> charterForm, List<Field> meetingForm,
                            List<NoteView> notes, Field newNote, List<Field> reflections, String autosaveUrl,
                            String action, String saveAction) {
    }

    /**
     * One note as a member reads it.
     *
     * @param author the author's name
     * @param when   when it was written
     * @param text   the text (read-only notes)
     * @param field  the editable field of the reader's own note, or null
     */
    public record NoteView(String author, String when, String text, Field field) {
    }

    /**
     * A group as its members see it.
     *
     * @param id         the group's id
     * @param title      its heading
     * @param kind       the kind's name
     * @param members    each member: name, organisation, role, acceptance
     * @param themes     the charter's themes ("" if none)
     * @param cadence    the charter's cadence ("" if none)
     * @param rules      the ground rules in the page language
     * @param meetings   the meetings
     */
    public record GroupCard(String id, String title, String kind, List<MemberLine> members, String themes, String cadence,
                            List<String> rules, List<MeetingLine> meetings) {
    }

    /**
     * A member line.
     *
     * @param name         the name
     * @param organisation the organisation
     * @param role         the role in the group
     * @param accepted     the date the member accepted the confidentiality agreement, or ""
     */
    public record MemberLine(String name, String organisation, String role, String accepted) {
    }

    /**
     * One meeting.
     *
     * @param number     from 1
     * @param date       the date
     * @param theme      the theme
     * @param place      a room or link
     * @param link       whether the place is an https link
     * @param held       whether it was held
     * @param attendance who attended (held) or ""
     * @param roles      the triad roles, as "name: role" lines
     * @param attend     the attendance check boxes (planned meetings)
     * @param growUrl    the meeting's peer GROW conversation ("" when the meeting has no triad roles)
     */
    public record MeetingLine(int number, String date, String theme, String place, boolean link, boolean held,
                              String attendance, List<String> roles, List<Field> attend, String growUrl) {
    }

    /**
     * The peer GROW conversation of a triad meeting, as one member sees it.
     *
     * @param frame      the page frame
     * @param errors     the error summary
     * @param notice     a confirmation ("" for none)
     * @param meeting    the meeting's number
     * @param role       the viewer's role in this meeting
     * @param intro      what the role does here
     * @param who        who holds which role
     * @param fields     the coachee's fields (empty for the coach and the observer)
     * @param shared     what the coachee shared, phase by phase (empty for the coachee)
     * @param suggestion the coach's field for suggesting an option (null for others)
     * @param action     the base of the page's forms
     * @param version    the conversation's version (a stale tab's save is refused)
     * @param back       the group page's meeting
     */
    public record GrowView(Frame frame, List<Message> errors, String notice, int meeting, String role, String intro,
                           List<Views.Item> who, List<Field> fields, List<Views.Item> shared, Field suggestion,
                           String action, long version, String back) {
    }

    /**
     * The organiser's page.
     *
     * @param frame        the page frame
     * @param errors       the error summary
     * @param notice       a confirmation ("" for none)
     * @param kindName     the kind's name
     * @param kindHint     what the kind is
     * @param people       the participants
     * @param upload       the upload's state
     * @param formFields   the formation fields
     * @param draft        the formation preview, or null
     * @param overview     the published groups, or null
     */
    public record OrganiserView(Frame frame, List<Message> errors, String notice, String kindName, String kindHint,
                                List<PersonRow> people, UploadView upload, List<Field> formFields, DraftView draft,
                                OverviewView overview) {
    }

    /**
     * One participant row.
     *
     * @param name     the name
     * @param cells    organisation, unit, site, role, languages, capacity, source
     */
    public record PersonRow(String name, List<String> cells) {
    }

    /**
     * The upload form and its preview.
     *
     * @param csv      the pasted text
     * @param columns  the expected header
     * @param problems every problem, with line and column
     * @param preview  the rows read, when there were no problems
     * @param ready    whether the preview can be stored
     */
    public record UploadView(String csv, String columns, List<String> problems, List<PersonRow> preview, boolean ready) {
    }

    /**
     * The formation preview.
     *
     * @param round      which round this is
     * @param findings   core's findings (infeasibility explained in numbers)
     * @param groups     the groups
     * @param unassigned who could not be placed, with the reason
     * @param violations every broken hard constraint
     * @param movable    whether members can be moved by hand
     * @param formationId the previewed formation's id (the publish form sends it back)
     * @param version    the preview's stored version (a stale tab's publish is refused)
     */
    public record DraftView(int round, List<String> findings, List<DraftGroup> groups, List<String> unassigned,
                            List<String> violations, boolean movable, String formationId, long version) {
    }

    /**
     * One group of the preview.
     *
     * @param number      from 1
     * @param explanation why it looks as it does
     * @param members     the members
     * @param violations  its broken hard constraints
     */
    public record DraftGroup(int number, String explanation, List<DraftMember> members, List<String> violations) {
    }

    /**
     * One member of a previewed group.
     *
     * @param id          the person's id (the move button's value)
     * @param name        the name
     * @param details     organisation, site, role
     * @param involved    whether a broken constraint involves them
     * @param move        the move-to select
     */
    public record DraftMember(String id, String name, String details, boolean involved, Field move) {
    }

    /**
     * The published groups' overview: counts only, never notes or reflections.
     *
     * @param rows      one row per group
     * @param bars      meetings held per month
     * @param chartText the chart as a sentence
     * @param weeks     the "not met for" limit in weeks
     * @param stale     the groups that have not met for the limit
     * @param exportUrl the CSV export
     * @param lastRound  the latest published round's number
     * @param lastFormationId the latest published round's formation id (publishing it to the course again)
     */
    public record OverviewView(List<OverviewRow> rows, List<Views.Bar> bars, String chartText, int weeks,
                               List<String> stale, String exportUrl, int lastRound, String lastFormationId) {
    }

    /**
     * One group's counts.
     *
     * @param number     the group's number in its round
     * @param members    the members' names and organisations
     * @param planned    meetings planned (not yet held)
     * @param held       meetings held
     * @param attendance attendance of held meetings, as a percentage text
     * @param lastMet    the last held meeting's date, or "–"
     * @param stale      whether it has not met for the limit
     */
    public record OverviewRow(String number, List<String> members, int planned, int held, String attendance,
                              String lastMet, boolean stale) {
    }
}

package fi.kasvu.lms.web;

import fi.kasvu.common.Versioned;
import fi.kasvu.session.SeenPeople;
import fi.kasvu.session.SeenPerson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organiser's progress view of any activity: the people known from the roster and from
 * launches, the activity's rows and chart, and each learner's score state when graded.
 */
final class ProgressPage {

    private final Activities activities;
    private final SeenPeople seen;
    private final ClassRoster roster;
    private final ScorePublisher scores;

    ProgressPage(Activities activities, SeenPeople seen, ClassRoster roster, ScorePublisher scores) {
        this.activities = activities;
        this.seen = seen;
        this.roster = roster;
        this.scores = scores;
    }

    Answer handle(Call call, Activity activity) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        Map<String, String> people = new LinkedHashMap<>();
        for (ClassRoster.Member member : roster.learners(session)) {
            people.put(fi.kasvu.lms.lti.LtiIds.person(member.subject()).value(), member.name());
        }
        for (Versioned<SeenPerson> person : seen.listByContext(session.tenant(), session.contextId()).documents()) {
            if (!person.value().name().isBlank() || !people.containsKey(person.value().subject())) {
                people.put(person.value().subject(), person.value().name());
            }
        }
        people.remove(session.person().value());
        Activity.Progress progress = activity.progress(session, people, t);
        boolean graded = session.placement().graded() && !session.lineItem().isEmpty();
        List<Views.ProgressRow> rows = new ArrayList<>();
        for (Activity.Row row : progress.rows()) {
            String score = "";
            String resend = "";
            List<Views.MemberScore> members = new ArrayList<>();
            if (graded && !row.subject().isEmpty()) {
                ScoreState state = state(session, row.subject(), row.complete());
                score = describe(state, t);
                if (resendable(state)) {
                    resend = row.subject();
                }
            } else if (graded) {
                // A team's row: each member's own score state (a team's completion scores every member).
                for (Map.Entry<String, String> member : row.scored().entrySet()) {
                    if (member.getKey().isBlank()) {
                        continue;
                    }
                    ScoreState state = state(session, member.getKey(), row.complete());
                    String name = member.getValue().isBlank() ? people.getOrDefault(member.getKey(), "")
                            : member.getValue();
                    members.add(new Views.MemberScore(name.isBlank() ? t.t("progress.member.unnamed",
                            members.size() + 1) : name, describe(state, t),
                            resendable(state) ? member.getKey() : ""));
                }
            }
            rows.add(new Views.ProgressRow(row.name(), row.cells(), score, row.shared(), resend, members));
        }
        List<String> text = progress.chart().stream().map(b -> b.label() + ": " + b.count()).toList();
        String chartText = t.t("progress.chart.text", progress.rows().size(), String.join(", ", text));
        Views.Frame frame = call.frame(t.t("progress.title"), "progress");
        String notice = switch (call.param("resent")) {
            case "1" -> t.t("progress.resent");
            case "0" -> t.t("progress.resent.none");
            default -> "";
        };
        return Answer.page("progress.jte", new Views.ProgressView(frame, progress.intro(), progress.columns(), graded,
                rows, progress.chartTitle(), progress.chart(), chartText, notice, activity.organiserLinks(session, t)));
    }

    /**
     * The organiser's "Send again" of a refused or superseded score: queued again for the background
     * worker (only a score of this session's activity; any other subject finds nothing).
     */
    Answer resend(Call call) {
        String subject = call.param("subject");
        boolean queued = !subject.isEmpty() && subject.length() <= 1000
                && call.session().placement().graded() && !call.session().lineItem().isEmpty()
                && scores.resend(call.session(), subject);
        return Answer.redirect(call.base() + "/progress?resent=" + (queued ? "1" : "0"));
    }

    /**
     * Where a learner's score stands: what is stored, whatever the row says (a score recorded
     * reads as recorded); with nothing stored, queued if the row is complete (the sweeper queues
     * it) and not complete otherwise.
     */
    private ScoreState state(PageSession session, String subject, boolean complete) {
        return scores.stored(session, subject).orElseGet(() -> complete ? scores.status(session, subject)
                : new ScoreState.NotCompleted());
    }

    private static boolean resendable(ScoreState state) {
        return state instanceof ScoreState.Refused || state instanceof ScoreState.Superseded;
    }

    /** A score state as the organiser's table shows it. */
    static String describe(ScoreState state, PageTexts t) {
        return ScoreNotes.organiser(state, t);
    }
}

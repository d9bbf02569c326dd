package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.Participants;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.ClassRoster;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views.Choice;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's pairing page of a two-party GROW activity: for each learner on the roster, who
 * coaches them. A pair is saved at once (a conversation not started yet is started with its coach),
 * checked against the roster and against the coach the row was drawn with, so that a stale tab
 * never overwrites a change made meanwhile. The teacher sees names and pairs only, no content.
 */
final class PairsPage {

    private static final int OK = 200;

    private final Exercise exercise;
    private final Coaching coaching;

    PairsPage(Exercise exercise, Coaching coaching) {
        this.exercise = exercise;
        this.coaching = coaching;
    }

    /** {@code pairs} (GET shows, POST saves one pair). */
    Answer handle(Call call) {
        GrowSettings settings = GrowSettings.fromCustom(call.session().placement().settings());
        if (!Coaching.twoParty(settings.template())) {
            return Answer.notFound();
        }
        return call.post() ? save(call) : show(call, List.of(), Map.of(), noticeOf(call));
    }

    /** The confirmation of the pair just saved, told from what is stored (nothing of the URL is echoed). */
    private String noticeOf(Call call) {
        PageTexts t = call.texts();
        if (!call.param("done").equals("pair")) {
            return "";
        }
        PageSession session = call.session();
        Coaching.Roster roster = coaching.roster(session);
        Optional<ClassRoster.Member> coachee = roster.bySubject(call.param("who"));
        if (coachee.isEmpty()) {
            return "";
        }
        PersonId coach = exercise.own(session.tenant(), coachee.get().person(), session.contextId())
                .map(v -> v.value().participants().coach()).orElse(null);
        String name = roster.name(coachee.get().person(), t);
        return coach == null ? t.t("notice.unpaired", name) : t.t("notice.paired", name, roster.name(coach, t));
    }

    private Answer save(Call call) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        Coaching.Roster roster = coaching.roster(session);
        String row = call.param("row");
        String field = "coach." + (row.matches("[0-9]{1,5}") ? row : "0");
        String chosen = call.param(field);
        if (!roster.available()) {
            return show(call, List.of(new Message("#main", t.t("pairs.error.noRoster"))), Map.of(), "", 422);
        }
        Optional<ClassRoster.Member> coachee = roster.bySubject(call.param("coachee"));
        if (coachee.isEmpty()) {
            return show(call, List.of(new Message("#main", t.t("pairs.error.notOnRoster"))), Map.of(), "", 422);
        }
        PersonId person = coachee.get().person();
        Optional<Versioned<GrowConversation>> own = exercise.own(session.tenant(), person, session.contextId());
        PersonId current = own.map(v -> v.value().participants().coach()).orElse(null);
        String name = roster.name(person, t);
        Coaching.Choice choice = Coaching.choose(roster, person, chosen, call.param("was"), current, t);
        if (choice instanceof Coaching.Choice.Refused refused) {
            String key = switch (refused.key()) {
                case "coach.error.self" -> "pairs.error.self";
                case "coach.error.stale" -> "pairs.error.stale";
                case "coach.error.notOnRoster" -> "pairs.error.notOnRoster";
                default -> "pairs.error.noRoster";
            };
            List<Object> arguments = new ArrayList<>();
            arguments.add(name);
            arguments.addAll(refused.arguments());
            String message = t.t(key, arguments.toArray());
            return show(call, List.of(new Message("#f-" + field.replace('.', '-'), message)),
                    Map.of(coachee.get().subject(), message), "", 422);
        }
        if (choice instanceof Coaching.Choice.Set set) {
            if (own.isEmpty()) {
                exercise.startPaired(session, person, set.coach());
            } else {
                exercise.change(session.tenant(), person, own.get(), c -> new Exercise.Outcome(
                        c.withSetting(c.mode(), new Participants(c.coachee(), set.coach(), List.of())), null));
            }
            return Answer.redirect(call.base() + "/pairs?done=pair&who=" + encode(coachee.get().subject()));
        }
        return Answer.redirect(call.base() + "/pairs");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Answer show(Call call, List<Message> errors, Map<String, String> rowErrors, String notice) {
        return show(call, errors, rowErrors, notice, OK);
    }

    private Answer show(Call call, List<Message> errors, Map<String, String> rowErrors, String notice, int status) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        Coaching.Roster roster = coaching.roster(session);
        Map<PersonId, PersonId> coaches = new HashMap<>();
        for (Versioned<GrowConversation> v : exercise.inContext(session.tenant(), session.contextId())) {
            GrowConversation c = v.value();
            if (Coaching.twoParty(c) && c.participants().coach() != null) {
                coaches.put(c.coachee(), c.participants().coach());
            }
        }
        List<GrowViews.PairRow> rows = new ArrayList<>();
        int index = 0;
        for (ClassRoster.Member member : roster.members()) {
            PersonId coach = coaches.get(member.person());
            String selected = coach == null ? "" : roster.subjectOf(coach);
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice("", t.t("coach.nobody"), selected.isEmpty(), ""));
            for (ClassRoster.Member other : roster.members()) {
                if (!other.subject().equals(member.subject())) {
                    choices.add(new Choice(other.subject(), other.name().isBlank() ? t.t("coach.unnamed") : other.name(),
                            other.subject().equals(selected), ""));
                }
            }
            String name = member.name().isBlank() ? t.t("coach.unnamed") : member.name();
            String hint = coach != null && roster.left(coach) ? t.t("coach.box.left", roster.name(coach, t)) : "";
            Field field = new Field("coach." + index, t.t("pairs.coach.label", name), hint, selected, "select", 0,
                    rowErrors.get(member.subject()), choices, false, false);
            rows.add(new GrowViews.PairRow(name, member.subject(), field, coach == null ? "" : coach.value(),
                    t.t("pairs.save.label", name), Integer.toString(index)));
            index++;
        }
        List<Message> all = new ArrayList<>(errors);
        if (!roster.available() && errors.isEmpty()) {
            all.add(new Message("#main", t.t("pairs.error.noRoster")));
        }
        return Answer.page(status, "grow/pairs.jte", new GrowViews.PairsView(call.frame(t.t("pairs.title"), "pairs"),
                t.t("pairs.intro"), all, notice, rows, call.base() + "/pairs", call.base() + "/progress"));
    }
}

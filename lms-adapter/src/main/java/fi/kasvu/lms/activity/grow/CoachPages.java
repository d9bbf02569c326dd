package fi.kasvu.lms.activity.grow;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.CoachNotes;
import fi.kasvu.grow.ConversationView;
import fi.kasvu.grow.GrowCoachNotes;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.Phase;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.lms.web.Views.Item;
import fi.kasvu.lms.web.Views.Message;
import fi.kasvu.lms.web.When;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coach's pages in a two-party GROW activity: the conversations they coach here, and for each
 * the coachee's progress, the phases the coachee shared (core's {@link ConversationView.SharedView},
 * never the conversation itself) and the coach's own private notes. A coach reads nothing the
 * coachee kept private; the coachee, the teacher and the grades never see the notes. A coach who
 * was replaced, or who left the course, sees the conversation no more.
 */
final class CoachPages {

    private static final int OK = 200;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    private final Exercise exercise;
    private final GrowCoachNotes notes;
    private final Coaching coaching;
    private final Clock clock;

    CoachPages(Exercise exercise, GrowCoachNotes notes, Coaching coaching, Clock clock) {
        this.exercise = exercise;
        this.notes = notes;
        this.coaching = coaching;
        this.clock = clock;
    }

    /** {@code coaching}, {@code coaching/<id>}, {@code coaching/<id>/notes} and {@code coaching/own}. */
    Answer handle(Call call) {
        String rest = call.path();
        if (rest.equals("coaching") && !call.post()) {
            return list(call, "");
        }
        if (rest.equals("coaching/own") && call.post()) {
            exercise.findOrStart(call.session());
            return Answer.redirect(call.base() + "/start");
        }
        String[] parts = rest.substring("coaching/".length()).split("/", 2);
        if (!parts[0].matches("[A-Za-z0-9._:-]{1,200}")) {
            return Answer.notFound();
        }
        String action = parts.length > 1 ? parts[1] : "";
        if (action.isEmpty() && !call.post()) {
            return conversation(call, parts[0]);
        }
        if (action.equals("notes") && call.post()) {
            return saveNotes(call, parts[0]);
        }
        if (action.equals("suggest") && call.post()) {
            return suggest(call, parts[0]);
        }
        return Answer.notFound();
    }

    private Answer list(Call call, String notice) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        Coaching.Roster roster = coaching.roster(session);
        List<GrowViews.CoachedRow> rows = new ArrayList<>();
        List<Message> errors = new ArrayList<>();
        if (roster.left(session.person())) {
            errors.add(new Message("#main", t.t("coaching.error.left")));
        } else {
            for (Versioned<GrowConversation> v : exercise.coachedBy(session.tenant(), session.person(),
                    session.contextId())) {
                GrowConversation c = v.value();
                String name = roster.name(c.coachee(), t);
                String phase = c.complete() ? t.t("progress.completed")
                        : GrowTexts.phase(c.phaseReached(), t.language());
                rows.add(new GrowViews.CoachedRow(name, phase, call.base() + "/coaching/" + c.id(),
                        t.t("coaching.open", name)));
            }
        }
        Optional<Versioned<GrowConversation>> own = exercise.own(session.tenant(), session.person(),
                session.contextId());
        String ownHref = own.isPresent() ? call.base() + "/start" : "";
        String startOwn = own.isPresent() ? "" : call.base() + "/coaching/own";
        return Answer.page(errors.isEmpty() ? OK : FORBIDDEN, "grow/coaching.jte", new GrowViews.CoachingView(
                call.frame(t.t("coaching.title"), "coaching"), t.t("coaching.title"), t.t("coaching.intro"), errors,
                notice, rows, ownHref, startOwn, List.of(), List.of(), "", null, "", "", null, ""));
    }

    /** The conversation if the session's person coaches it here and is still on the course; else why not. */
    private Access access(Call call, String id) {
        PageSession session = call.session();
        Optional<Versioned<GrowConversation>> found = exercise.byId(session.tenant(), id)
                .filter(v -> session.contextId().equals(v.value().context()) && Coaching.twoParty(v.value()));
        if (found.isEmpty() || !session.person().equals(found.get().value().participants().coach())) {
            // Not theirs to coach, never or no longer: one answer whether the id exists or not.
            return new Access(null, null, "coaching.error.notCoach");
        }
        Coaching.Roster roster = coaching.roster(session);
        GrowConversation c = found.get().value();
        if (roster.left(session.person())) {
            return new Access(null, roster, "coaching.error.left");
        }
        return new Access(c, roster, null);
    }

    private record Access(GrowConversation conversation, Coaching.Roster roster, String refusal) {
    }

    private Answer conversation(Call call, String id) {
        Access access = access(call, id);
        if (access.conversation() == null) {
            return refused(call, access.refusal(), null);
        }
        String notice = switch (call.param("done")) {
            case "notes" -> call.texts().t("notice.notes");
            case "suggested" -> call.texts().t("notice.suggested");
            default -> "";
        };
        return page(call, access, OK, List.of(), null, null, notice);
    }

    private Answer saveNotes(Call call, String id) {
        PageTexts t = call.texts();
        String text = call.param("notes");
        Access access = access(call, id);
        if (access.conversation() == null) {
            // A stale tab (another coach now, or the coach left): nothing saved, what they wrote shown back.
            return refused(call, access.refusal(), text);
        }
        if (text.length() > CoachNotes.MAX_TEXT) {
            String message = t.t("field.tooLong", CoachNotes.MAX_TEXT, text.length());
            return page(call, access, 422, List.of(new Message("#f-notes", message)), message, text, "", null, "");
        }
        PageSession session = call.session();
        GrowConversation c = access.conversation();
        String notesId = CoachNotes.idOf(c.id(), session.person());
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<CoachNotes>> stored = notes.find(session.tenant(), notesId);
            Versioned<CoachNotes> read = stored.orElseGet(() -> Versioned.unsaved(
                    CoachNotes.empty(c, session.person(), clock.instant())));
            SaveResult<CoachNotes> saved = notes.save(session.tenant(),
                    read.with(read.value().withText(text.strip(), clock.instant())));
            if (saved.isSaved() || attempt >= 3) {
                saved.orElseThrow();
                return Answer.redirect(call.base() + "/coaching/" + c.id() + "?done=notes");
            }
        }
    }

    /**
     * The coach writes alongside as core's modes allow: a suggested option goes into the coachee's
     * conversation as one of their options, which the coachee keeps, chooses or removes. The coach
     * still reads only what is shared.
     */
    private Answer suggest(Call call, String id) {
        PageTexts t = call.texts();
        String text = call.param("suggestion");
        Access access = access(call, id);
        if (access.conversation() == null) {
            return refused(call, access.refusal(), null);
        }
        String error = null;
        if (text.isBlank()) {
            error = t.t("coaching.suggest.empty");
        } else if (text.length() > GrowForms.MAX_SHORT) {
            error = t.t("field.tooLong", GrowForms.MAX_SHORT, text.length());
        } else if (access.conversation().options().size() >= GrowConversation.MAX_ITEMS) {
            error = t.t("field.tooMany");
        }
        if (error != null) {
            return page(call, access, 422, List.of(new Message("#f-suggestion", error)), null, null, "",
                    error, text);
        }
        GrowConversation c = access.conversation();
        Versioned<GrowConversation> read = exercise.byId(call.session().tenant(), c.id()).orElseThrow();
        exercise.change(call.session().tenant(), c.coachee(), read, x -> new Exercise.Outcome(
                x.options().size() >= GrowConversation.MAX_ITEMS ? x : x.addOption(text.strip()), null));
        return Answer.redirect(call.base() + "/coaching/" + c.id() + "?done=suggested");
    }

    private Answer refused(Call call, String key, String typed) {
        PageTexts t = call.texts();
        int status = key.equals("coaching.error.left") ? FORBIDDEN : NOT_FOUND;
        String message = t.t(key) + (typed == null ? "" : " " + t.t("coaching.error.notSaved"));
        Field kept = typed == null ? null : new Field("notes", t.t("coaching.notes.unsaved"), "", typed, "textarea",
                CoachNotes.MAX_TEXT, null, List.of(), false, false);
        return Answer.page(status, "grow/coaching.jte", new GrowViews.CoachingView(
                call.frame(t.t("coaching.title"), "coaching"), t.t("coaching.title"), "",
                List.of(new Message(typed == null ? "#main" : "#f-notes", message)), "", List.of(), "", "",
                List.of(), List.of(), "", kept, "", call.base() + "/coaching", null, ""));
    }

    private Answer page(Call call, Access access, int status, List<Message> errors, String error, String typed,
                        String notice) {
        return page(call, access, status, errors, error, typed, notice, null, "");
    }

    private Answer page(Call call, Access access, int status, List<Message> errors, String error, String typed,
                        String notice, String suggestionError, String suggestion) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        GrowConversation c = access.conversation();
        String name = access.roster().name(c.coachee(), t);
        ConversationView.SharedView view = ConversationView.SharedView.of(c);
        ConversationView.Progress progress = view.progress();
        List<String> labels = GrowActivity.progressLabels(t);
        List<String> values = GrowActivity.progressValues(progress, progress.complete()
                ? t.t("coaching.completedAt", When.format(progress.completedAt(), t.language())) : t.t("progress.no"), t);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            items.add(new Item(labels.get(i), values.get(i)));
        }
        List<String> hidden = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            if (!view.shares(phase)) {
                hidden.add(GrowTexts.phase(phase, t.language()));
            }
        }
        String notShared = hidden.isEmpty() ? "" : t.t("coaching.notShared", String.join(", ", hidden), name);
        String text = typed != null ? typed : notes.find(session.tenant(), CoachNotes.idOf(c.id(), session.person()))
                .map(v -> v.value().text()).orElse("");
        Field field = new Field("notes", t.t("coaching.notes.field"), t.t("coaching.notes.hint", name), text,
                "textarea", CoachNotes.MAX_TEXT, error, List.of(), false, false);
        return Answer.page(status, "grow/coaching.jte", new GrowViews.CoachingView(
                call.frame(t.t("coaching.detail.title", name), "coaching/" + c.id()), t.t("coaching.detail.title", name),
                t.t("coaching.detail.intro", name), errors, notice, List.of(), "", "", items,
                GrowActivity.shared(view, t), notShared, field, call.base() + "/coaching/" + c.id() + "/notes",
                call.base() + "/coaching", new Field("suggestion", t.t("coaching.suggest.field"),
                        t.t("coaching.suggest.hint", name), suggestion, "text", GrowForms.MAX_SHORT, suggestionError,
                        List.of(), false, false), call.base() + "/coaching/" + c.id() + "/suggest"));
    }
}

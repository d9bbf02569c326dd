package fi.kasvu.json;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.Answer;
import fi.kasvu.grow.CheckIn;
import fi.kasvu.grow.Goal;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.Mode;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.grow.ProgressNote;
import fi.kasvu.grow.Reality;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Sharing;
import fi.kasvu.grow.Will;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The JSON format of a {@link GrowConversation}: kind {@code grow.conversation}, schema version 1. */
final class GrowConversationCodec implements Codec<GrowConversation> {

    @Override
    public Class<GrowConversation> type() {
        return GrowConversation.class;
    }

    @Override
    public String kind() {
        return "grow.conversation";
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public void write(GrowConversation c, JsonOut out) {
        out.string("id", c.id())
                .string("context", c.context())
                .string("templateId", c.templateId())
                .enumValue("mode", c.mode())
                .object("participants", c.participants(), GrowConversationCodec::writeParticipants)
                .string("language", c.language().code())
                .string("topic", c.topic())
                .instant("created", c.created())
                .instant("updated", c.updated())
                .number("minimumOptions", c.minimumOptions())
                .enumValue("currentPhase", c.currentPhase())
                .enums("completedPhases", sorted(c.completedPhases()))
                .object("goal", c.goal(), GrowConversationCodec::writeGoal)
                .objects("answers", c.answers(), GrowConversationCodec::writeAnswer)
                .object("reality", c.reality(), (r, o) -> o.string("tried", r.tried()).string("essentialInsight", r.essentialInsight()))
                .objects("options", c.options(), GrowConversationCodec::writeOption)
                .object("will", c.will(), GrowConversationCodec::writeWill)
                .enums("sharedPhases", sorted(c.sharing().phases()))
                .instant("completedAt", c.completedAt());
    }

    private static List<Phase> sorted(Set<Phase> phases) {
        return List.copyOf(new TreeSet<>(phases));
    }

    private static void writeParticipants(Participants p, JsonOut out) {
        out.string("coachee", p.coachee().value())
                .string("coach", p.coach() == null ? null : p.coach().value())
                .strings("observers", p.observers().stream().map(PersonId::value).toList());
    }

    private static void writeGoal(Goal g, JsonOut out) {
        out.string("sessionGoal", g.sessionGoal())
                .string("longTermGoal", g.longTermGoal())
                .string("measures", g.measures())
                .date("targetDate", g.targetDate());
    }

    private static void writeAnswer(Answer a, JsonOut out) {
        out.enumValue("phase", a.phase()).string("questionKey", a.questionKey()).string("text", a.text());
    }

    private static void writeOption(Option o, JsonOut out) {
        out.string("id", o.id())
                .string("text", o.text())
                .string("notes", o.notes())
                .strings("pros", o.pros())
                .strings("cons", o.cons())
                .optionalNumber("impact", o.impact())
                .optionalNumber("feasibility", o.feasibility())
                .bool("chosen", o.chosen());
    }

    private static void writeWill(Will w, JsonOut out) {
        out.objects("actions", w.actions(), GrowConversationCodec::writeAction)
                .string("obstacles", w.obstacles())
                .string("support", w.support())
                .optionalNumber("commitment", w.commitment())
                .objects("checkIns", w.checkIns(), (c, o) -> o.string("id", c.id())
                        .date("plannedOn", c.plannedOn())
                        .date("heldOn", c.heldOn())
                        .string("note", c.note()));
    }

    private static void writeAction(Action a, JsonOut out) {
        out.string("id", a.id())
                .string("what", a.what())
                .string("who", a.who())
                .date("dueDate", a.dueDate())
                .objects("progressNotes", a.progressNotes(), (n, o) -> o.date("on", n.on()).string("text", n.text()));
        ActionStatus status = a.status();
        if (status instanceof ActionStatus.Open) {
            out.string("status", "OPEN");
        } else if (status instanceof ActionStatus.Done done) {
            out.string("status", "DONE").date("endedOn", done.on()).string("note", done.note());
        } else if (status instanceof ActionStatus.Dropped dropped) {
            out.string("status", "DROPPED").date("endedOn", dropped.on()).string("reason", dropped.reason());
        }
    }

    @Override
    public GrowConversation read(JsonCursor in, int version) {
        in.allowOnly("kind", "schemaVersion", "id", "context", "templateId", "mode", "participants", "language",
                "topic", "created", "updated", "minimumOptions", "currentPhase", "completedPhases", "goal", "answers",
                "reality", "options", "will", "sharedPhases", "completedAt");
        String id = in.string("id");
        String context = in.optionalString("context");
        String templateId = in.string("templateId");
        Mode mode = in.enumValue("mode", Mode.class);
        Participants participants = in.object("participants", GrowConversationCodec::readParticipants);
        Language language = readLanguage(in);
        String topic = in.text("topic");
        in.buildAt("topic", () -> Require.maxLength("topic", topic, GrowConversation.MAX_TOPIC));
        var created = in.instant("created");
        var updated = in.instant("updated");
        int minimumOptions = in.integer("minimumOptions");
        Phase currentPhase = in.enumValue("currentPhase", Phase.class);
        Set<Phase> completedPhases = in.enums("completedPhases", Phase.class);
        Goal goal = in.object("goal", GrowConversationCodec::readGoal);
        List<Answer> answers = in.objects("answers", GrowConversationCodec::readAnswer);
        Reality reality = in.object("reality", r -> {
            r.allowOnly("tried", "essentialInsight");
            String tried = r.text("tried");
            String essential = r.text("essentialInsight");
            return r.build(() -> new Reality(tried, essential));
        });
        List<Option> options = in.objects("options", GrowConversationCodec::readOption);
        Will will = in.object("will", GrowConversationCodec::readWill);
        Sharing sharing = new Sharing(in.enums("sharedPhases", Phase.class));
        var completedAt = in.optionalInstant("completedAt");
        return in.build(() -> new GrowConversation(id, context, templateId, mode, participants, language, topic, created,
                updated, minimumOptions, currentPhase, completedPhases, goal, answers, reality, options, will, sharing,
                completedAt));
    }

    private static Language readLanguage(JsonCursor in) {
        String code = in.string("language");
        try {
            return Language.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw in.error("language", "unknown value \"" + JsonCursor.clip(code) + "\"; expected one of fi, sv, en");
        }
    }

    private static Participants readParticipants(JsonCursor p) {
        p.allowOnly("coachee", "coach", "observers");
        String coachee = p.string("coachee");
        String coach = p.optionalString("coach");
        List<String> observers = p.strings("observers");
        return p.build(() -> new Participants(PersonId.of(coachee), coach == null ? null : PersonId.of(coach),
                observers.stream().map(PersonId::of).toList()));
    }

    private static Goal readGoal(JsonCursor g) {
        g.allowOnly("sessionGoal", "longTermGoal", "measures", "targetDate");
        String sessionGoal = g.text("sessionGoal");
        String longTermGoal = g.text("longTermGoal");
        String measures = g.text("measures");
        var targetDate = g.optionalDate("targetDate");
        return g.build(() -> new Goal(sessionGoal, longTermGoal, measures, targetDate));
    }

    private static Answer readAnswer(JsonCursor a) {
        a.allowOnly("phase", "questionKey", "text");
        Phase phase = a.enumValue("phase", Phase.class);
        String key = a.string("questionKey");
        String text = a.string("text");
        return a.build(() -> new Answer(phase, key, text));
    }

    private static Option readOption(JsonCursor o) {
        o.allowOnly("id", "text", "notes", "pros", "cons", "impact", "feasibility", "chosen");
        String id = o.string("id");
        String text = o.string("text");
        String notes = o.text("notes");
        List<String> pros = o.strings("pros");
        List<String> cons = o.strings("cons");
        Integer impact = rating(o, "impact");
        Integer feasibility = rating(o, "feasibility");
        boolean chosen = o.bool("chosen", false);
        return o.build(() -> new Option(id, text, notes, pros, cons, impact, feasibility, chosen));
    }

    private static Integer rating(JsonCursor o, String name) {
        Integer value = o.optionalInteger(name);
        if (value != null) {
            o.buildAt(name, () -> Require.range(name, value, Option.MIN_RATING, Option.MAX_RATING));
        }
        return value;
    }

    private static Will readWill(JsonCursor w) {
        w.allowOnly("actions", "obstacles", "support", "commitment", "checkIns");
        List<Action> actions = w.objects("actions", GrowConversationCodec::readAction);
        String obstacles = w.text("obstacles");
        String support = w.text("support");
        Integer commitment = w.optionalInteger("commitment");
        if (commitment != null) {
            w.buildAt("commitment", () -> Require.range("commitment", commitment, Will.MIN_COMMITMENT, Will.MAX_COMMITMENT));
        }
        List<CheckIn> checkIns = w.objects("checkIns", c -> {
            c.allowOnly("id", "plannedOn", "heldOn", "note");
            String id = c.string("id");
            var plannedOn = c.date("plannedOn");
            var heldOn = c.optionalDate("heldOn");
            String note = c.text("note");
            return c.build(() -> new CheckIn(id, plannedOn, heldOn, note));
        });
        return w.build(() -> new Will(actions, obstacles, support, commitment, checkIns));
    }

    private static Action readAction(JsonCursor a) {
        a.allowOnly("id", "what", "who", "dueDate", "progressNotes", "status", "endedOn", "note", "reason");
        String id = a.string("id");
        String what = a.string("what");
        String who = a.text("who");
        var dueDate = a.optionalDate("dueDate");
        List<ProgressNote> notes = a.objects("progressNotes", n -> {
            n.allowOnly("on", "text");
            var on = n.date("on");
            String text = n.string("text");
            return n.build(() -> new ProgressNote(on, text));
        });
        String status = a.string("status");
        ActionStatus actionStatus = switch (status) {
            case "OPEN" -> ActionStatus.OPEN;
            case "DONE" -> {
                var on = a.date("endedOn");
                String note = a.text("note");
                yield a.build(() -> new ActionStatus.Done(on, note));
            }
            case "DROPPED" -> {
                var on = a.date("endedOn");
                String reason = a.text("reason");
                yield a.build(() -> new ActionStatus.Dropped(on, reason));
            }
            default -> throw a.error("status", "unknown value \"" + JsonCursor.clip(status)
                    + "\"; expected one of OPEN, DONE, DROPPED");
        };
        return a.build(() -> new Action(id, what, who, dueDate, notes, actionStatus));
    }
}

package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.SaveResult;
import fi.kasvu.common.Versioned;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.ConversationView;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Mode;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.lms.web.Views.Field;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.TriadRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer GROW conversation of one triad meeting, on core's {@link Mode#PEER}: the meeting's
 * coachee owns it and writes it; the coach writes alongside by suggesting options, which go into
 * the coachee's conversation as the coachee's to keep or remove; the coach and the observer read
 * only what the coachee shares, through core's {@link ConversationView} (never the conversation
 * itself). Nobody outside the group reaches it, the organiser included.
 */
final class MeetingGrow {

    /** The longest text of one field. */
    static final int MAX_TEXT = 2000;

    /** The most options. */
    static final int MAX_OPTIONS = 20;

    private final PeerActivity activity;
    private final Call call;
    private final PageTexts t;
    private final PersonId me;

    MeetingGrow(PeerActivity activity, Call call) {
        this.activity = activity;
        this.call = call;
        this.t = call.texts();
        this.me = call.session().person();
    }

    /** The conversation's id: one per group and meeting. */
    static String conversationId(PeerGroup group, int meeting) {
        return "peer-grow-" + group.id() + "-m" + meeting;
    }

    /** The meeting's triad roles, or empty when the meeting has none (not a triad, or no such meeting). */
    static Optional<Map<PersonId, TriadRole>> roles(PeerGroup group, int number) {
        if (group.kind() != GroupKind.PEER_TRIAD) {
            return Optional.empty();
        }
        return group.meetings().stream().filter(m -> m.number() == number).findFirst().map(Meeting::roles)
                .filter(r -> r.containsValue(TriadRole.COACH) && r.containsValue(TriadRole.COACHEE));
    }

    private static PersonId holder(Map<PersonId, TriadRole> roles, TriadRole role) {
        return roles.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** The page or a post of {@code peer/group/<id>/grow/<n>[/save|/suggest]}, for a member of the group. */
    Answer handle(PeerGroup group, String rest) {
        String[] parts = rest.split("/", 2);
        int number;
        try {
            number = Integer.parseInt(parts[0]);
        } catch (NumberFormatException notANumber) {
            return Answer.notFound();
        }
        Optional<Map<PersonId, TriadRole>> roles = roles(group, number);
        if (roles.isEmpty() || !roles.get().containsKey(me)) {
            return Answer.notFound();
        }
        TriadRole role = roles.get().get(me);
        String action = parts.length > 1 ? parts[1] : "";
        if (!call.post()) {
            return action.isEmpty() ? page(group, number, roles.get(), Map.of(), Map.of(), "", 200) : Answer.notFound();
        }
        return switch (action) {
            case "save" -> role == TriadRole.COACHEE ? save(group, number, roles.get()) : Answer.notFound();
            case "suggest" -> role == TriadRole.COACH ? suggest(group, number, roles.get()) : Answer.notFound();
            default -> Answer.notFound();
        };
    }

    private Optional<Versioned<GrowConversation>> stored(PeerGroup group, int number) {
        return activity.grow.find(call.session().tenant(), conversationId(group, number));
    }

    /** The stored conversation, or a new one for the meeting (owned by its coachee; saved on the first change). */
    private Versioned<GrowConversation> conversation(PeerGroup group, int number, Map<PersonId, TriadRole> roles) {
        return stored(group, number).orElseGet(() -> {
            PersonId observer = holder(roles, TriadRole.OBSERVER);
            Participants participants = new Participants(holder(roles, TriadRole.COACHEE), holder(roles, TriadRole.COACH),
                    observer == null ? List.of() : List.of(observer));
            GrowConversation started = GrowConversation.start(conversationId(group, number),
                    GrowTemplates.defaultTemplate(), participants, t.language(), activity.clock)
                    .withSetting(Mode.PEER, participants).inContext(group.context());
            return Versioned.unsaved(started);
        });
    }

    private SaveResult<GrowConversation> store(Versioned<GrowConversation> read,
                                               java.util.function.UnaryOperator<GrowConversation> change) {
        GrowConversation after = change.apply(read.value()).touched(activity.clock.instant());
        return activity.grow.save(call.session().tenant(), read.with(after));
    }

    // ---- the coachee writes ----

    private Answer save(PeerGroup group, int number, Map<PersonId, TriadRole> roles) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : List.of("goal", "measures", "tried", "insight", "options", "action", "due", "commitment")) {
            String value = call.param(name).strip();
            given.put(name, value);
            if (value.length() > MAX_TEXT) {
                errors.put(name, t.t("peer.grow.error.long", MAX_TEXT));
            }
        }
        List<String> options = Arrays.stream(given.get("options").split("\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (options.size() > MAX_OPTIONS || options.stream().anyMatch(o -> o.length() > 500)) {
            errors.put("options", t.t("peer.grow.error.options", MAX_OPTIONS, 500));
        }
        LocalDate due = null;
        if (!given.get("due").isEmpty()) {
            try {
                due = LocalDate.parse(given.get("due"));
            } catch (DateTimeParseException notADate) {
                errors.put("due", t.t("peer.grow.error.due"));
            }
        }
        Integer commitment = null;
        if (!given.get("commitment").isEmpty()) {
            try {
                commitment = Integer.parseInt(given.get("commitment"));
                if (commitment < 1 || commitment > 10) {
                    errors.put("commitment", t.t("peer.grow.error.commitment"));
                }
            } catch (NumberFormatException notANumber) {
                errors.put("commitment", t.t("peer.grow.error.commitment"));
            }
        }
        if (!given.get("due").isEmpty() && given.get("action").isEmpty() && !errors.containsKey("due")) {
            errors.put("action", t.t("peer.grow.error.action"));
        }
        Versioned<GrowConversation> read = conversation(group, number, roles);
        String version = call.param("version");
        if (errors.isEmpty() && !version.isEmpty() && !version.equals(Long.toString(read.version()))) {
            errors.put("goal", t.t("peer.grow.error.stale"));
        }
        if (!errors.isEmpty()) {
            return page(group, number, roles, errors, given, "", 422);
        }
        LocalDate day = due;
        Integer said = commitment;
        SaveResult<GrowConversation> saved = store(read, c -> apply(c, given, options, day, said));
        if (!saved.isSaved()) {
            return page(group, number, roles, Map.of("goal", t.t("peer.grow.error.stale")), given, "", 409);
        }
        return Answer.redirect(call.base() + "/peer/group/" + group.id() + "/grow/" + number + "#saved");
    }

    private GrowConversation apply(GrowConversation c, Map<String, String> given, List<String> options, LocalDate due,
                                   Integer commitment) {
        GrowConversation x = c.withSessionGoal(given.get("goal")).withMeasures(given.get("measures"))
                .withTried(given.get("tried")).withEssentialInsight(given.get("insight")).withCommitment(commitment);
        for (Option option : List.copyOf(x.options())) {
            if (!options.contains(option.text())) {
                x = x.removeOption(option.id());
            }
        }
        for (String text : options) {
            if (x.options().stream().noneMatch(o -> o.text().equals(text))) {
                x = x.addOption(text);
            }
        }
        String what = given.get("action");
        List<Action> actions = x.will().actions();
        if (!what.isEmpty()) {
            if (actions.isEmpty()) {
                x = x.addAction(what, "", due);
            } else {
                x = x.updateAction(actions.get(0).id(), a -> a.with(what, a.who(), due));
            }
        } else if (!actions.isEmpty()) {
            x = x.removeAction(actions.get(0).id());
        }
        for (Phase phase : Phase.values()) {
            x = x.share(phase, call.has("share-" + phase.name()));
        }
        return x;
    }

    // ---- the coach writes alongside ----

    private Answer suggest(PeerGroup group, int number, Map<PersonId, TriadRole> roles) {
        String text = call.param("suggestion").strip();
        if (text.isEmpty() || text.length() > 500) {
            return page(group, number, roles, Map.of("suggestion", t.t("peer.grow.error.suggestion", 500)),
                    Map.of("suggestion", text), "", 422);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Versioned<GrowConversation> read = conversation(group, number, roles);
            if (read.value().options().size() >= MAX_OPTIONS) {
                return page(group, number, roles, Map.of("suggestion", t.t("peer.grow.error.options", MAX_OPTIONS, 500)),
                        Map.of("suggestion", text), "", 422);
            }
            if (read.value().options().stream().anyMatch(o -> o.text().equals(text))
                    || store(read, c -> c.addOption(text)).isSaved()) {
                return page(group, number, roles, Map.of(), Map.of(), t.t("peer.grow.suggested"), 200);
            }
        }
        return page(group, number, roles, Map.of("suggestion", t.t("peer.grow.error.stale")), Map.of("suggestion", text),
                "", 409);
    }

    // ---- the page ----

    private Answer page(PeerGroup group, int number, Map<PersonId, TriadRole> roles, Map<String, String> errors,
                        Map<String, String> given, String notice, int status) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        group.members().forEach(m -> names.put(m.participant().id(), m.participant().name()));
        TriadRole role = roles.get(me);
        List<Views.Item> who = new ArrayList<>();
        for (TriadRole r : TriadRole.values()) {
            PersonId holder = holder(roles, r);
            if (holder != null) {
                who.add(new Views.Item(PeerTexts.triadRole(r, t.language()), names.getOrDefault(holder, "?")));
            }
        }
        Versioned<GrowConversation> read = conversation(group, number, roles);
        ConversationView view = read.value().viewFor(me);
        List<Field> fields = new ArrayList<>();
        List<Views.Item> shared = new ArrayList<>();
        String base = call.base() + "/peer/group/" + group.id() + "/grow/" + number;
        if (view instanceof ConversationView.OwnView own) {
            GrowConversation c = own.conversation();
            Action first = c.will().actions().isEmpty() ? null : c.will().actions().get(0);
            fields.add(field("goal", c.goal().sessionGoal(), "textarea", given, errors));
            fields.add(field("measures", c.goal().measures(), "textarea", given, errors));
            fields.add(field("tried", c.reality().tried(), "textarea", given, errors));
            fields.add(field("insight", c.reality().essentialInsight(), "textarea", given, errors));
            fields.add(field("options", String.join("\n", c.options().stream().map(Option::text).toList()), "textarea",
                    given, errors));
            fields.add(field("action", first == null ? "" : first.what(), "text", given, errors));
            fields.add(field("due", first == null || first.dueDate() == null ? "" : first.dueDate().toString(), "date",
                    given, errors));
            fields.add(field("commitment", c.will().commitment() == null ? "" : c.will().commitment().toString(), "number",
                    given, errors));
            for (Phase phase : Phase.values()) {
                boolean checked = given.isEmpty() ? c.sharing().shares(phase) : call.has("share-" + phase.name());
                fields.add(new Field("share-" + phase.name(), t.t("peer.grow.share", phaseName(phase)), "", "yes",
                        "checkbox", 0, null, List.of(), checked, false));
            }
        } else if (view instanceof ConversationView.SharedView other) {
            shared.add(new Views.Item(phaseName(Phase.GOAL), other.goal().map(g -> joined(g.sessionGoal(), g.measures()))
                    .orElse(t.t("peer.grow.notShared"))));
            shared.add(new Views.Item(phaseName(Phase.REALITY), other.reality().map(r -> joined(r.tried(),
                    r.essentialInsight())).orElse(t.t("peer.grow.notShared"))));
            shared.add(new Views.Item(phaseName(Phase.OPTIONS), other.options().map(o -> String.join("; ",
                    o.stream().map(Option::text).toList())).orElse(t.t("peer.grow.notShared"))));
            shared.add(new Views.Item(phaseName(Phase.WILL), other.will().map(w -> joined(String.join("; ",
                    w.actions().stream().map(Action::what).toList()), w.commitment() == null ? ""
                    : t.t("peer.grow.commitmentIs", w.commitment()))).orElse(t.t("peer.grow.notShared"))));
        }
        Field suggestion = role == TriadRole.COACH ? new Field("suggestion", t.t("peer.grow.suggestion"),
                t.t("peer.grow.suggestion.hint"), given.getOrDefault("suggestion", ""), "textarea", 500,
                errors.get("suggestion"), List.of(), false, false) : null;
        List<Views.Message> summary = new ArrayList<>();
        errors.forEach((name, message) -> summary.add(new Views.Message("#f-" + name, message)));
        Views.Frame frame = call.frame(t.t("peer.grow.title", number), "peer/group/" + group.id());
        return Answer.page(status, "peer/grow.jte", new PeerViews.GrowView(frame, summary, notice, number,
                PeerTexts.triadRole(role, t.language()), t.t("peer.grow.intro." + role.name()), who, fields, shared,
                suggestion, base, read.version(), call.base() + "/peer/group/" + group.id() + "#m-" + number));
    }

    private Field field(String name, String stored, String kind, Map<String, String> given, Map<String, String> errors) {
        return new Field(name, t.t("peer.grow.field." + name), t.t("peer.grow.field." + name + ".hint"),
                given.getOrDefault(name, stored), kind, name.equals("commitment") ? 2 : name.equals("due") ? 10 : MAX_TEXT,
                errors.get(name), List.of(), false, false);
    }

    private String phaseName(Phase phase) {
        return t.t("peer.grow.phase." + phase.name());
    }

    private static String joined(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " – " + b;
    }
}

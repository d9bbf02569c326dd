package fi.kasvu.grow;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One GROW coaching conversation: who takes part and how, the four phases and their content,
 * where the coachee is, what they chose to share, and whether it is complete.
 *
 * <p>Immutable: every operation ({@link #withSessionGoal}, {@link #addOption},
 * {@link #chooseOption}, {@link #recordCheckIn}, …) returns a new conversation, so that a page
 * can save after each field. Operations do not stamp {@link #updated()}; {@link GrowService}
 * does that with its clock, or call {@link #touched(Instant)}. What a person may still get wrong
 * is reported by {@link GrowRules}, never thrown; an operation throws only for impossible values
 * (a commitment of 11, an unknown option id).
 *
 * @param id              unique within the tenant
 * @param context         where it belongs (an LMS activity, a programme, a peer group), or null
 * @param templateId      the {@link GrowTemplate} it was started from
 * @param mode            how it is held
 * @param participants    coachee, coach and observers
 * @param language        the language of its questions
 * @param topic           what it is about, in a few words ("" if not named)
 * @param created         when it was started
 * @param updated         when it last changed
 * @param minimumOptions  how many options the Options phase needs (the activity's setting)
 * @param currentPhase    the phase the coachee is in
 * @param completedPhases the phases completed so far
 * @param goal            the Goal phase
 * @param answers         answers to the bank's coaching questions, of every phase
 * @param reality         the Reality phase beyond its answers
 * @param options         the Options phase
 * @param will            the Will phase
 * @param sharing         what the coachee chose to share
 * @param completedAt     when the conversation was completed, or null
 */
public record GrowConversation(String id, String context, String templateId, Mode mode, Participants participants,
                               Language language, String topic, Instant created, Instant updated, int minimumOptions,
                               Phase currentPhase, Set<Phase> completedPhases, Goal goal, List<Answer> answers,
                               Reality reality, List<Option> options, Will will, Sharing sharing, Instant completedAt) {

    /** The default minimum number of options. */
    public static final int DEFAULT_MINIMUM_OPTIONS = 3;

    /** The largest minimum an activity can set. */
    public static final int MAX_MINIMUM_OPTIONS = 20;

    /** The longest topic. */
    public static final int MAX_TOPIC = 500;

    /** The most answers, options, actions or check-ins one conversation holds. */
    public static final int MAX_ITEMS = 100;

    /** The most check-ins a conversation keeps: daily check-ins for more than two years. */
    public static final int MAX_CHECK_INS = 1000;

    /**
     * @throws NullPointerException     naming the field if a required part is null
     * @throws IllegalArgumentException naming the field and value if a value is impossible: a
     *                                  blank id, updated before created, a minimum outside 1..20,
     *                                  repeated ids, more than {@link #MAX_ITEMS} items, phases
     *                                  completed out of order, a current phase not yet reached,
     *                                  or a completion time without every phase completed
     */
    public GrowConversation {
        Require.id("id", id);
        if (context != null) {
            Require.id("context", context);
        }
        Require.id("templateId", templateId);
        Require.nonNull("mode", mode);
        Require.nonNull("participants", participants);
        Require.nonNull("language", language);
        topic = Require.maxLength("topic", Require.text("topic", topic), MAX_TOPIC);
        Require.nonNull("created", created);
        Require.nonNull("updated", updated);
        if (updated.isBefore(created)) {
            throw new IllegalArgumentException("updated must not be before created (" + created + "): " + updated);
        }
        Require.range("minimumOptions", minimumOptions, 1, MAX_MINIMUM_OPTIONS);
        Require.nonNull("currentPhase", currentPhase);
        Require.nonNull("completedPhases", completedPhases);
        completedPhases = completedPhases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(completedPhases));
        requireEnteredInOrder(currentPhase, completedPhases);
        Require.nonNull("goal", goal);
        answers = maxItems("answers", Require.list("answers", answers));
        Set<String> answered = new HashSet<>();
        for (Answer answer : answers) {
            if (!answered.add(answer.phase() + "/" + answer.questionKey())) {
                throw new IllegalArgumentException("answers must answer each question once: " + answer.questionKey());
            }
        }
        Require.nonNull("reality", reality);
        options = maxItems("options", Require.list("options", options));
        requireUniqueIds("options", options.stream().map(Option::id).toList());
        Require.nonNull("will", will);
        maxItems("will.actions", will.actions());
        if (will.checkIns().size() > MAX_CHECK_INS) {
            throw new IllegalArgumentException("will.checkIns must hold at most " + MAX_CHECK_INS + " items: "
                    + will.checkIns().size());
        }
        Require.nonNull("sharing", sharing);
        if (completedAt != null && !completedPhases.containsAll(EnumSet.allOf(Phase.class))) {
            throw new IllegalArgumentException("completedAt needs every phase completed: " + completedPhases);
        }
    }

    /**
     * A new conversation in the Goal phase, with the template's defaults (mode, minimum options),
     * stamped with the clock's time.
     *
     * @throws NullPointerException     if a part is null
     * @throws IllegalArgumentException if the id is blank
     */
    public static GrowConversation start(String id, GrowTemplate template, Participants participants,
                                         Language language, Clock clock) {
        Require.nonNull("template", template);
        Instant now = Require.nonNull("clock", clock).instant();
        return new GrowConversation(id, null, template.id(), template.mode(), participants, language, "", now, now,
                template.minimumOptions(), Phase.GOAL, Set.of(), Goal.EMPTY, List.of(), Reality.EMPTY, List.of(),
                Will.EMPTY, Sharing.PRIVATE, null);
    }

    /** The coachee, who owns the conversation. */
    public PersonId coachee() {
        return participants.coachee();
    }

    /** Whether the conversation has been completed. */
    public boolean complete() {
        return completedAt != null;
    }

    /** The furthest phase the coachee has entered. */
    public Phase phaseReached() {
        Phase reached = currentPhase;
        for (Phase phase : completedPhases) {
            Phase after = phase.next().orElse(phase);
            if (after.compareTo(reached) > 0) {
                reached = after;
            }
        }
        return reached;
    }

    /** Whether the coachee may go to the phase now: phases are entered in order, and revisited freely. */
    public boolean canVisit(Phase phase) {
        return phase.previous().map(completedPhases::contains).orElse(true) || phase.compareTo(phaseReached()) <= 0;
    }

    /** The answers given in one phase, in the order given. */
    public List<Answer> answersIn(Phase phase) {
        return answers.stream().filter(answer -> answer.phase() == phase).toList();
    }

    /** The answer to a question, if given. */
    public Optional<Answer> answerTo(Phase phase, String questionKey) {
        return answers.stream().filter(a -> a.phase() == phase && a.questionKey().equals(questionKey)).findFirst();
    }

    /** The chosen options, in order. */
    public List<Option> chosenOptions() {
        return options.stream().filter(Option::chosen).toList();
    }

    /**
     * The option with the id.
     *
     * @throws IllegalArgumentException naming the id if there is none
     */
    public Option option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option with id: " + optionId));
    }

    /**
     * The action with the id.
     *
     * @throws IllegalArgumentException naming the id if there is none
     */
    public Action action(String actionId) {
        return will.actions().stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no action with id: " + actionId));
    }

    /** What a person sees of this conversation: everything for the coachee, the shared view for anyone else. */
    public ConversationView viewFor(PersonId viewer) {
        return ConversationView.of(this, viewer);
    }

    // ---- operations: each returns a new conversation ----

    /** This conversation stamped as changed at the instant (never earlier than created). */
    public GrowConversation touched(Instant at) {
        Instant stamp = Require.nonNull("at", at).isBefore(created) ? created : at;
        return copy(b -> b.updated = stamp);
    }

    /** This conversation in another context (null for none). */
    public GrowConversation inContext(String newContext) {
        return copy(b -> b.context = newContext);
    }

    /** This conversation held in another mode with other participants (checked by {@link GrowRules}). */
    public GrowConversation withSetting(Mode newMode, Participants newParticipants) {
        return copy(b -> {
            b.mode = newMode;
            b.participants = newParticipants;
        });
    }

    /** This conversation in another language. */
    public GrowConversation withLanguage(Language newLanguage) {
        return copy(b -> b.language = newLanguage);
    }

    /** This conversation with another topic. */
    public GrowConversation withTopic(String newTopic) {
        return copy(b -> b.topic = newTopic);
    }

    /**
     * This conversation needing another number of options.
     *
     * @throws IllegalArgumentException if the minimum lies outside 1..20
     */
    public GrowConversation withMinimumOptions(int minimum) {
        return copy(b -> b.minimumOptions = minimum);
    }

    /** This conversation with another goal. */
    public GrowConversation withGoal(Goal newGoal) {
        return copy(b -> b.goal = newGoal);
    }

    /** This conversation with another goal for the conversation itself. */
    public GrowConversation withSessionGoal(String text) {
        return withGoal(goal.withSessionGoal(text));
    }

    /** This conversation with another longer-term goal. */
    public GrowConversation withLongTermGoal(String text) {
        return withGoal(goal.withLongTermGoal(text));
    }

    /** This conversation with other measures of success. */
    public GrowConversation withMeasures(String text) {
        return withGoal(goal.withMeasures(text));
    }

    /** This conversation with another target date (null for none). */
    public GrowConversation withTargetDate(LocalDate date) {
        return withGoal(goal.withTargetDate(date));
    }

    /**
     * This conversation with the answer to a question set, replaced, or (for a blank text) removed.
     *
     * @throws IllegalArgumentException if the key is not an identifier or the text too long
     */
    public GrowConversation answer(Phase phase, String questionKey, String text) {
        List<Answer> changed = new ArrayList<>();
        boolean replaced = false;
        for (Answer existing : answers) {
            if (existing.phase() == phase && existing.questionKey().equals(questionKey)) {
                replaced = true;
                if (text != null && !text.isBlank()) {
                    changed.add(new Answer(phase, questionKey, text));
                }
            } else {
                changed.add(existing);
            }
        }
        if (!replaced && text != null && !text.isBlank()) {
            changed.add(new Answer(phase, questionKey, text));
        }
        return copy(b -> b.answers = changed);
    }

    /** This conversation with another account of what has been tried. */
    public GrowConversation withTried(String text) {
        return copy(b -> b.reality = new Reality(text, reality.essentialInsight()));
    }

    /** This conversation with another essential insight marked. */
    public GrowConversation withEssentialInsight(String text) {
        return copy(b -> b.reality = new Reality(reality.tried(), text));
    }

    /**
     * This conversation with one more option, its id the next free {@code option-N}.
     *
     * @throws IllegalArgumentException if the text is blank or too long
     */
    public GrowConversation addOption(String text) {
        List<Option> changed = new ArrayList<>(options);
        changed.add(Option.of(nextId("option", options.stream().map(Option::id).toList()), text));
        return copy(b -> b.options = changed);
    }

    /** The id the next added option gets. */
    public String nextOptionId() {
        return nextId("option", options.stream().map(Option::id).toList());
    }

    /**
     * This conversation with one option changed.
     *
     * @throws IllegalArgumentException naming the id if there is no such option
     */
    public GrowConversation updateOption(String optionId, UnaryOperator<Option> change) {
        Option current = option(optionId);
        Option changedOption = Require.nonNull("change", change).apply(current);
        if (!changedOption.id().equals(optionId)) {
            throw new IllegalArgumentException("an option's id must not change: " + changedOption.id());
        }
        return copy(b -> b.options = options.stream().map(o -> o.id().equals(optionId) ? changedOption : o).toList());
    }

    /**
     * This conversation with the option chosen.
     *
     * @throws IllegalArgumentException naming the id if there is no such option
     */
    public GrowConversation chooseOption(String optionId) {
        return updateOption(optionId, o -> o.withChosen(true));
    }

    /**
     * This conversation with the option no longer chosen.
     *
     * @throws IllegalArgumentException naming the id if there is no such option
     */
    public GrowConversation unchooseOption(String optionId) {
        return updateOption(optionId, o -> o.withChosen(false));
    }

    /**
     * This conversation without the option.
     *
     * @throws IllegalArgumentException naming the id if there is no such option
     */
    public GrowConversation removeOption(String optionId) {
        option(optionId);
        return copy(b -> b.options = options.stream().filter(o -> !o.id().equals(optionId)).toList());
    }

    /**
     * This conversation with one more open action, its id the next free {@code action-N}.
     *
     * @throws IllegalArgumentException if what is blank or a text too long
     */
    public GrowConversation addAction(String what, String who, LocalDate dueDate) {
        List<Action> changed = new ArrayList<>(will.actions());
        changed.add(Action.of(nextActionId(), what, who, dueDate));
        return copy(b -> b.will = will.withActions(changed));
    }

    /** The id the next added action gets. */
    public String nextActionId() {
        return nextId("action", will.actions().stream().map(Action::id).toList());
    }

    /**
     * This conversation with one action changed.
     *
     * @throws IllegalArgumentException naming the id if there is no such action
     */
    public GrowConversation updateAction(String actionId, UnaryOperator<Action> change) {
        Action current = action(actionId);
        Action changedAction = Require.nonNull("change", change).apply(current);
        if (!changedAction.id().equals(actionId)) {
            throw new IllegalArgumentException("an action's id must not change: " + changedAction.id());
        }
        return copy(b -> b.will = will.withActions(
                will.actions().stream().map(a -> a.id().equals(actionId) ? changedAction : a).toList()));
    }

    /**
     * This conversation with the action removed.
     *
     * @throws IllegalArgumentException naming the id if there is no such action
     */
    public GrowConversation removeAction(String actionId) {
        action(actionId);
        return copy(b -> b.will = will.withActions(
                will.actions().stream().filter(a -> !a.id().equals(actionId)).toList()));
    }

    /**
     * This conversation with a progress note on the action.
     *
     * @throws IllegalArgumentException naming the id if there is no such action, or if the note is blank
     */
    public GrowConversation addProgressNote(String actionId, LocalDate on, String text) {
        ProgressNote note = new ProgressNote(on, text);
        return updateAction(actionId, a -> a.withNote(note));
    }

    /**
     * This conversation with the action ended as done.
     *
     * @throws IllegalArgumentException naming the id if there is no such action
     */
    public GrowConversation markActionDone(String actionId, LocalDate on, String note) {
        ActionStatus done = new ActionStatus.Done(on, note);
        return updateAction(actionId, a -> a.withStatus(done));
    }

    /**
     * This conversation with the action ended as dropped, for the reason given.
     *
     * @throws IllegalArgumentException naming the id if there is no such action, or if the reason is blank
     */
    public GrowConversation dropAction(String actionId, LocalDate on, String reason) {
        ActionStatus dropped = new ActionStatus.Dropped(on, reason);
        return updateAction(actionId, a -> a.withStatus(dropped));
    }

    /** This conversation with the action open again. */
    public GrowConversation reopenAction(String actionId) {
        return updateAction(actionId, a -> a.withStatus(ActionStatus.OPEN));
    }

    /** This conversation with another account of obstacles. */
    public GrowConversation withObstacles(String text) {
        return copy(b -> b.will = will.withObstacles(text));
    }

    /** This conversation with another account of the support needed. */
    public GrowConversation withSupport(String text) {
        return copy(b -> b.will = will.withSupport(text));
    }

    /**
     * This conversation with another commitment (null for "not yet said").
     *
     * @throws IllegalArgumentException if the commitment lies outside 1..10: {@code commitment must be 1..10: 11}
     */
    public GrowConversation withCommitment(Integer commitment) {
        return copy(b -> b.will = will.withCommitment(commitment));
    }

    /**
     * This conversation with a check-in planned for the day, its id the next free {@code check-in-N}.
     *
     * @throws NullPointerException if the day is null
     */
    public GrowConversation planCheckIn(LocalDate on) {
        List<CheckIn> changed = new ArrayList<>(will.checkIns());
        changed.add(CheckIn.planned(nextCheckInId(), on));
        return copy(b -> b.will = will.withCheckIns(changed));
    }

    /** The id the next planned check-in gets. */
    public String nextCheckInId() {
        return nextId("check-in", will.checkIns().stream().map(CheckIn::id).toList());
    }

    /**
     * This conversation with the check-in held on the day, with the coachee's progress note.
     *
     * @throws IllegalArgumentException naming the id if there is no such check-in
     */
    public GrowConversation recordCheckIn(String checkInId, LocalDate heldOn, String note) {
        boolean found = will.checkIns().stream().anyMatch(c -> c.id().equals(checkInId));
        if (!found) {
            throw new IllegalArgumentException("no check-in with id: " + checkInId);
        }
        return copy(b -> b.will = will.withCheckIns(will.checkIns().stream()
                .map(c -> c.id().equals(checkInId) ? c.heldOn(heldOn, note) : c).toList()));
    }

    /**
     * This conversation with a check-in held today that was not planned: planned and recorded at once.
     *
     * @throws NullPointerException if the day is null
     */
    public GrowConversation recordUnplannedCheckIn(LocalDate heldOn, String note) {
        String checkInId = nextCheckInId();
        return planCheckIn(heldOn).recordCheckIn(checkInId, heldOn, note);
    }

    /** This conversation with the phase shared or made private again. */
    public GrowConversation share(Phase phase, boolean shared) {
        return copy(b -> b.sharing = sharing.with(phase, shared));
    }

    /**
     * Moves to a phase: forward only to the next phase after a completed one, back to any phase
     * already reached (GROW loops: reality can change the goal).
     *
     * @return the moved conversation, or a refusal naming the phase that must be completed first
     */
    public Result<GrowConversation, GrowProblem> goTo(Phase phase) {
        Require.nonNull("phase", phase);
        if (!canVisit(phase)) {
            return Result.rejected(List.of(new GrowProblem.PhaseNotReached(phase, phase.previous().orElseThrow())));
        }
        return Result.accepted(copy(b -> b.currentPhase = phase));
    }

    /**
     * Completes the current phase if it meets its rules and moves to the next one (staying in
     * Will after it).
     *
     * @return the advanced conversation, or the problems that keep the phase from completing
     */
    public Result<GrowConversation, GrowProblem> advance() {
        List<GrowProblem> problems = GrowRules.check(this, currentPhase);
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        EnumSet<Phase> done = completedSet();
        done.add(currentPhase);
        Phase next = currentPhase.next().orElse(currentPhase);
        return Result.accepted(copy(b -> {
            b.completedPhases = done;
            b.currentPhase = next;
        }));
    }

    /**
     * Completes the conversation at the instant if every phase meets its rules; completing an
     * already completed conversation keeps its first completion time.
     *
     * @return the completed conversation, or every problem still open
     */
    public Result<GrowConversation, GrowProblem> completeAt(Instant at) {
        Require.nonNull("at", at);
        List<GrowProblem> problems = GrowRules.check(this);
        if (!problems.isEmpty()) {
            return Result.rejected(problems);
        }
        Instant stamp = completedAt != null ? completedAt : (at.isBefore(created) ? created : at);
        return Result.accepted(copy(b -> {
            b.completedPhases = EnumSet.allOf(Phase.class);
            b.currentPhase = Phase.WILL;
            b.completedAt = stamp;
        }));
    }

    // ---- machinery ----

    private EnumSet<Phase> completedSet() {
        return completedPhases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(completedPhases);
    }

    private GrowConversation copy(Consumer<Parts> change) {
        Parts b = new Parts(this);
        change.accept(b);
        return b.build();
    }

    /** The mutable parts of one copy, so each operation changes only what it names. */
    private static final class Parts {
        String id;
        String context;
        String templateId;
        Mode mode;
        Participants participants;
        Language language;
        String topic;
        Instant created;
        Instant updated;
        int minimumOptions;
        Phase currentPhase;
        Set<Phase> completedPhases;
        Goal goal;
        List<Answer> answers;
        Reality reality;
        List<Option> options;
        Will will;
        Sharing sharing;
        Instant completedAt;

        Parts(GrowConversation c) {
            id = c.id;
            context = c.context;
            templateId = c.templateId;
            mode = c.mode;
            participants = c.participants;
            language = c.language;
            topic = c.topic;
            created = c.created;
            updated = c.updated;
            minimumOptions = c.minimumOptions;
            currentPhase = c.currentPhase;
            completedPhases = c.completedPhases;
            goal = c.goal;
            answers = c.answers;
            reality = c.reality;
            options = c.options;
            will = c.will;
            sharing = c.sharing;
            completedAt = c.completedAt;
        }

        GrowConversation build() {
            return new GrowConversation(id, context, templateId, mode, participants, language, topic, created, updated,
                    minimumOptions, currentPhase, completedPhases, goal, answers, reality, options, will, sharing,
                    completedAt);
        }
    }

    private static String nextId(String prefix, Collection<String> taken) {
        int n = taken.size() + 1;
        while (taken.contains(prefix + "-" + n)) {
            n++;
        }
        return prefix + "-" + n;
    }

    /** Phases complete in order from Goal, and the current phase is one already reached or the next after them. */
    private static void requireEnteredInOrder(Phase current, Set<Phase> completed) {
        Phase firstOpen = null;
        for (Phase phase : Phase.values()) {
            if (!completed.contains(phase)) {
                if (firstOpen == null) {
                    firstOpen = phase;
                }
            } else if (firstOpen != null) {
                throw new IllegalArgumentException("completedPhases must be completed in order from GOAL: "
                        + new TreeSet<>(completed));
            }
        }
        if (firstOpen != null && current.compareTo(firstOpen) > 0) {
            throw new IllegalArgumentException("currentPhase must be a phase already reached: " + current
                    + " before " + firstOpen + " is completed");
        }
    }

    static void requireUniqueIds(String field, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String itemId : ids) {
            if (!seen.add(itemId)) {
                throw new IllegalArgumentException(field + " must have unique ids: " + itemId);
            }
        }
    }

    private static <T> List<T> maxItems(String field, List<T> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(field + " must hold at most " + MAX_ITEMS + " items: " + items.size());
        }
        return items;
    }
}

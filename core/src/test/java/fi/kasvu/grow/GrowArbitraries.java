package fi.kasvu.grow;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid GROW conversations in any state, for property tests in every module. */
public final class GrowArbitraries {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private GrowArbitraries() {
    }

    /** Free text, possibly empty, with Nordic letters, quotes, backslashes and line breaks. */
    public static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("äöåÄÖÅ€–\"\\\n\t").ofMaxLength(40);
    }

    /** Free text with at least one visible character. */
    public static Arbitrary<String> nonBlank() {
        return text().filter(s -> !s.isBlank());
    }

    /** A day in 2026–2028. */
    public static Arbitrary<LocalDate> day() {
        return Arbitraries.integers().between(0, 3 * 365).map(FIRST_DAY::plusDays);
    }

    /** A day or null. */
    public static Arbitrary<LocalDate> optionalDay() {
        return day().injectNull(0.3);
    }

    /** The Goal phase in any state. */
    public static Arbitrary<Goal> goal() {
        return Combinators.combine(text(), text(), text(), optionalDay()).as(Goal::new);
    }

    /** A rating 1..5 or null. */
    public static Arbitrary<Integer> rating() {
        return Arbitraries.integers().between(Option.MIN_RATING, Option.MAX_RATING).injectNull(0.3);
    }

    /** Options numbered option-1, option-2, … */
    public static Arbitrary<List<Option>> options() {
        Arbitrary<Option> option = Combinators.combine(nonBlank(), text(), nonBlank().list().ofMaxSize(3),
                nonBlank().list().ofMaxSize(3), rating(), rating(), Arbitraries.of(true, false))
                .as((text, notes, pros, cons, impact, feasibility, chosen) ->
                        new Option("x", text, notes, pros, cons, impact, feasibility, chosen));
        return option.list().ofMaxSize(6).map(list -> {
            List<Option> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Option o = list.get(i);
                numbered.add(new Option("option-" + (i + 1), o.text(), o.notes(), o.pros(), o.cons(), o.impact(),
                        o.feasibility(), o.chosen()));
            }
            return numbered;
        });
    }

    /** Any action status. */
    public static Arbitrary<ActionStatus> status() {
        return Arbitraries.oneOf(Arbitraries.just(ActionStatus.OPEN),
                Combinators.combine(day(), text()).as(ActionStatus.Done::new),
                Combinators.combine(day(), nonBlank()).as(ActionStatus.Dropped::new));
    }

    /** The Will phase in any state, its actions and check-ins numbered. */
    public static Arbitrary<Will> will() {
        Arbitrary<Action> action = Combinators.combine(nonBlank(), text(), optionalDay(),
                Combinators.combine(day(), nonBlank()).as(ProgressNote::new).list().ofMaxSize(3), status())
                .as((what, who, due, notes, status) -> new Action("x", what, who, due, notes, status));
        Arbitrary<CheckIn> checkIn = Combinators.combine(day(), optionalDay(), text())
                .as((planned, held, note) -> new CheckIn("x", planned, held, note));
        return Combinators.combine(action.list().ofMaxSize(5), text(), text(),
                Arbitraries.integers().between(Will.MIN_COMMITMENT, Will.MAX_COMMITMENT).injectNull(0.3),
                checkIn.list().ofMaxSize(3)).as((actions, obstacles, support, commitment, checkIns) -> {
                    List<Action> numberedActions = new ArrayList<>();
                    for (int i = 0; i < actions.size(); i++) {
                        Action a = actions.get(i);
                        numberedActions.add(new Action("action-" + (i + 1), a.what(), a.who(), a.dueDate(),
                                a.progressNotes(), a.status()));
                    }
                    List<CheckIn> numberedCheckIns = new ArrayList<>();
                    for (int i = 0; i < checkIns.size(); i++) {
                        CheckIn c = checkIns.get(i);
                        numberedCheckIns.add(new CheckIn("check-in-" + (i + 1), c.plannedOn(), c.heldOn(), c.note()));
                    }
                    return new Will(numberedActions, obstacles, support, commitment, numberedCheckIns);
                });
    }

    /** Answers to distinct questions. */
    public static Arbitrary<List<Answer>> answers() {
        return Combinators.combine(Arbitraries.of(Phase.class), Arbitraries.integers().between(1, 9), nonBlank())
                .as((phase, n, text) -> new Answer(phase, "grow." + phase.key() + "." + n, text))
                .list().ofMaxSize(8).uniqueElements(a -> a.phase() + a.questionKey());
    }

    /** Who takes part. */
    public static Arbitrary<Participants> participants() {
        return Arbitraries.of(
                Participants.alone(PersonId.of("p-1")),
                Participants.coached(PersonId.of("p-1"), PersonId.of("p-2")),
                Participants.triad(PersonId.of("p-2"), PersonId.of("p-1"), PersonId.of("p-3")));
    }

    /** A conversation in any valid state: any phase, any content, completed or not. */
    public static Arbitrary<GrowConversation> conversations() {
        Arbitrary<Instant> created = Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Integer> completedCount = Arbitraries.integers().between(0, 4);
        Arbitrary<String> context = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).injectNull(0.4);
        Arbitrary<GrowConversation> head = Combinators.combine(
                Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(36),
                context, Arbitraries.of(GrowTemplates.all()), Arbitraries.of(Mode.class), participants(),
                Arbitraries.of(Language.class), text(), created)
                .as((id, ctx, template, mode, participants, language, topic, start) ->
                        GrowConversation.start(id, template, participants, language,
                                java.time.Clock.fixed(start, java.time.ZoneOffset.UTC))
                                .inContext(ctx).withSetting(mode, participants).withTopic(topic));
        return Combinators.combine(head, goal(), answers(), Combinators.combine(text(), text()).as(Reality::new),
                options(), will(), completedCount, Arbitraries.integers().between(1, 10))
                .as((c, goal, answers, reality, options, will, count, minimum) -> {
                    Set<Phase> completed = count == 0 ? Set.of() : EnumSet.range(Phase.GOAL, Phase.values()[count - 1]);
                    Phase current = Phase.values()[Math.min(minimum % 4, Math.min(count, 3))];
                    Set<Phase> shared = EnumSet.noneOf(Phase.class);
                    for (Phase phase : Phase.values()) {
                        if ((minimum >> phase.ordinal() & 1) == 1) {
                            shared.add(phase);
                        }
                    }
                    return new GrowConversation(c.id(), c.context(), c.templateId(), c.mode(), c.participants(),
                            c.language(), c.topic(), c.created(), c.updated().plusSeconds(minimum * 97L), minimum,
                            current, completed, goal, answers, reality, options, will, new Sharing(shared),
                            count == 4 && minimum % 2 == 0 ? c.created().plusSeconds(60) : null);
                });
    }
}

package fi.kasvu.programme;

import static fi.kasvu.programme.ProgrammeFixtures.COACH;
import static fi.kasvu.programme.ProgrammeFixtures.HELSINKI;
import static fi.kasvu.programme.ProgrammeFixtures.LEARNER;
import static fi.kasvu.programme.ProgrammeFixtures.ORGANISER;
import static fi.kasvu.programme.ProgrammeFixtures.OTHER_LEARNER;
import static fi.kasvu.programme.ProgrammeFixtures.STARTS;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios over the programme service that run on any ports: core's in-memory ones and
 * {@code kasvu-store-jdbc}'s on H2 and PostgreSQL. A fake clock moves through seed 003's whole
 * programme: timelines, reflections, reminders and events.
 */
public final class ProgrammeScenarios {

    private static final TenantId TENANT = TenantId.of("tem");

    /** A clock the scenario moves to given instants; it starts ten days before the programme. */
    public static final class MovingClock extends Clock {
        private volatile Instant now = STARTS.minusDays(10).atStartOfDay(HELSINKI).toInstant();

        void to(Instant instant) {
            now = instant;
        }

        @Override public ZoneId getZone() { return HELSINKI; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private ProgrammeScenarios() {
    }

    /** Seed 003's programme from its template through to its end. */
    public static void throughTheWholeProgramme(Programmes programmes, ReflectionAssignments reflections,
                                                MovingClock clock) {
        List<ProgrammeEvent> heard = new ArrayList<>();
        ProgrammeService service = ProgrammeService.of(programmes, reflections, heard::add, clock,
                IdGenerator.sequence("p"));
        String id = service.fromTemplate(TENANT, ProgrammeTemplates.SUPERVISOR_COACHING, "course-1", STARTS, HELSINKI,
                ORGANISER).value().id();
        service.change(TENANT, id, (p, at) -> p.addMember(ORGANISER, new Member(COACH, ProgrammeRole.COACH), at))
                .orElseThrow();
        service.change(TENANT, id, (p, at) -> p.addMember(ORGANISER, new Member(LEARNER, ProgrammeRole.PARTICIPANT), at))
                .orElseThrow();
        service.change(TENANT, id, (p, at) -> p.addMember(ORGANISER,
                new Member(OTHER_LEARNER, ProgrammeRole.PARTICIPANT), at)).orElseThrow();
        ActivityCompletion feedback360Done = (person, activity) -> activity.kind() == ActivityKind.FEEDBACK_360;

        // Before the start: everything is ahead, and both participants owe every assignment but the 360.
        Timeline before = service.timeline(TENANT, id, LEARNER, feedback360Done).orElseThrow();
        assertThat(before.happened()).isEmpty();
        assertThat(before.dueForMe()).extracting(item -> ((TimelineItem.Deadline) item).assignment().id())
                .containsExactly("team-experiment", "reflection-1", "development-plan", "final-reflection");
        assertThat(service.timeline(TENANT, id, COACH, feedback360Done).orElseThrow().dueForMe()).isEmpty();

        // Day 50: the kick-off and the first session are over.
        clock.to(STARTS.plusDays(50).atTime(12, 0).atZone(HELSINKI).toInstant());
        Timeline day50 = service.timeline(TENANT, id, LEARNER, feedback360Done).orElseThrow();
        assertThat(day50.happened()).filteredOn(item -> item instanceof TimelineItem.Event)
                .extracting(item -> ((TimelineItem.Event) item).event().id()).containsExactly("kick-off", "session-1");
        assertThat(day50.next()).first().satisfies(item ->
                assertThat(((TimelineItem.Deadline) item).assignment().id()).isEqualTo("team-experiment"));

        // Day 90: Anna writes and submits her reflection; the coach now owes feedback.
        clock.to(STARTS.plusDays(90).atTime(10, 0).atZone(HELSINKI).toInstant());
        String reflection = service.startReflection(TENANT, id, "reflection-1", LEARNER, COACH).orElseThrow().value().id();
        assertThat(service.startReflection(TENANT, id, "reflection-1", LEARNER, COACH).orElseThrow().value().id())
                .isEqualTo(reflection);
        service.write(TENANT, reflection, LEARNER, "Kokeilu opetti, että tiimi ratkaisee itse.").orElseThrow();
        service.submit(TENANT, reflection, LEARNER).orElseThrow();
        assertThat(service.timeline(TENANT, id, COACH, feedback360Done).orElseThrow().dueForMe())
                .singleElement().isInstanceOf(TimelineItem.FeedbackToGive.class);
        assertThat(service.timeline(TENANT, id, LEARNER, feedback360Done).orElseThrow().dueForMe())
                .extracting(item -> ((TimelineItem.Deadline) item).assignment().id())
                .containsExactly("team-experiment", "development-plan", "final-reflection");

        // Reminders for the week before reflection-1's deadline: Bertil owes it, the coach owes feedback by day 97.
        Instant deadline = STARTS.plusDays(99).atStartOfDay(HELSINKI).toInstant();
        List<DueItem> week = service.dueItems(TENANT, id, feedback360Done, deadline.minus(Duration.ofDays(7)),
                deadline.plusSeconds(1));
        assertThat(week).extracting(DueItem::recipient, DueItem::kind, DueItem::itemId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(COACH, "programme.feedback.due", reflection),
                        org.assertj.core.groups.Tuple.tuple(OTHER_LEARNER, "programme.assignment.due", "reflection-1"));
        List<DueItem> feedbackWeek = service.dueItems(TENANT, id, feedback360Done, clock.instant(),
                clock.instant().plus(Duration.ofDays(8)));
        assertThat(feedbackWeek).extracting(DueItem::kind).contains("programme.feedback.due");
        assertThat(feedbackWeek.toString()).doesNotContain("Kokeilu opetti");

        // Day 95: feedback; the organiser sees progress only.
        clock.to(STARTS.plusDays(95).atStartOfDay(HELSINKI).toInstant());
        service.giveFeedback(TENANT, reflection, COACH, "Hieno oivallus.").orElseThrow();
        assertThat(service.reflection(TENANT, reflection, ORGANISER).orElseThrow())
                .isInstanceOf(ReflectionView.Progress.class);
        assertThat(service.reflectionProgress(TENANT, id).toString()).doesNotContain("Kokeilu", "Hieno");

        // After the end everything has happened.
        clock.to(STARTS.plusDays(200).atStartOfDay(HELSINKI).toInstant());
        Timeline after = service.timeline(TENANT, id, LEARNER, feedback360Done).orElseThrow();
        assertThat(after.next()).isEmpty();
        assertThat(after.happened()).hasSize(5 + 5);

        assertThat(heard).extracting(e -> e.getClass().getSimpleName()).containsExactly("ProgrammeCreated",
                "ProgrammeChanged", "ProgrammeChanged", "ProgrammeChanged", "ReflectionSubmitted", "ReflectionCompleted");
        assertThat(heard.toString()).doesNotContain("Kokeilu", "Hieno");
    }

    /** A refused change saves nothing and publishes nothing. */
    public static void aRefusedChangeSavesNothing(Programmes programmes, ReflectionAssignments reflections,
                                                  MovingClock clock) {
        List<ProgrammeEvent> heard = new ArrayList<>();
        ProgrammeService service = ProgrammeService.of(programmes, reflections, heard::add, clock,
                IdGenerator.sequence("q"));
        String id = service.fromTemplate(TENANT, ProgrammeTemplates.PEER_MENTORING, null, STARTS, HELSINKI, ORGANISER)
                .value().id();
        heard.clear();

        assertThat(service.change(TENANT, id, (p, at) -> p.addMember(LEARNER, new Member(LEARNER,
                ProgrammeRole.ORGANISER), at)).problems()).containsExactly(new ProgrammeProblem.NotOrganiser());
        assertThat(heard).isEmpty();
        assertThat(service.create(TENANT, null, ProgrammeFixtures.title("x"), STARTS, STARTS.minusDays(1), HELSINKI,
                ORGANISER).problems()).hasSize(1);
    }
}

package fi.kasvu.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Decision;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentEvent;
import fi.kasvu.experiment.ExperimentFixtures;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentService;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.experiment.PictureEntry;
import fi.kasvu.library.EntryView;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryEvent;
import fi.kasvu.library.LibraryQuery;
import fi.kasvu.library.LibraryService;
import fi.kasvu.library.Reader;
import fi.kasvu.library.Visibility;
import fi.kasvu.peer.Charter;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.ParticipantRole;
import fi.kasvu.peer.PeerEvent;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerGroupService;
import fi.kasvu.peer.PeerGroups;
import fi.kasvu.plan.DevelopmentGoal;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanAction;
import fi.kasvu.plan.PlanEvent;
import fi.kasvu.plan.PlanProblem;
import fi.kasvu.plan.PlanService;
import fi.kasvu.plan.Review;
import fi.kasvu.survey.AnonymityThreshold;
import fi.kasvu.survey.Answer;
import fi.kasvu.survey.GroupRef;
import fi.kasvu.survey.GroupResult;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.RoundResults;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyEvent;
import fi.kasvu.survey.SurveyProblem;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.SurveyService;
import fi.kasvu.survey.Surveys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Each feature driven end to end through its service, the way an embedding system would, over
 * whatever ports it is given: core runs them over the in-memory ports, {@code kasvu-store-jdbc}
 * over H2 and PostgreSQL. Every scenario asserts what was saved, what was refused and what was heard.
 */
public final class ServiceScenarios {

    /** The tenant every scenario works in. */
    public static final TenantId TENANT = TenantId.of("agency-1");
    /** When every scenario starts. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private ServiceScenarios() {
    }

    /** A clock the scenario moves forward, the same one the ports stamp with. */
    public static final class MovingClock extends Clock {
        private volatile Instant now = START;

        /** Moves the clock on. */
        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A team runs an experiment from the picture to the library, and the agency hears each step. */
    public static void experimentToTheLibrary(Experiments experiments, LibraryEntries library, MovingClock clock) {
        List<ExperimentEvent> heard = new ArrayList<>();
        List<LibraryEvent> published = new ArrayList<>();
        ExperimentService service = ExperimentService.of(experiments, heard::add, clock, IdGenerator.sequence("exp"));
        LibraryService libraryService = LibraryService.of(library, service, published::add, clock,
                IdGenerator.sequence("lib"));
        PersonId facilitator = ExperimentFixtures.FACILITATOR;
        PersonId aino = ExperimentFixtures.AINO;
        PersonId bo = ExperimentFixtures.BO;

        Versioned<Experiment> begun = service.begin(TENANT, "team-north", "Dialogue rounds", facilitator,
                Set.of(aino, bo));
        String id = begun.value().id();
        assertThat(begun.version()).isEqualTo(1);
        service.addToPicture(TENANT, id, aino, PictureEntry.Kind.WORKS, "Morning check-ins").orElseThrow();
        service.addToPicture(TENANT, id, bo, PictureEntry.Kind.HARD, "Remote voices fade").orElseThrow();

        Result<Versioned<Experiment>, ExperimentProblem> byMember = service.completePicture(TENANT, id, aino);
        assertThat(byMember.problems()).extracting(ExperimentProblem::code).containsExactly("experiment.rights.notAllowed");
        assertThat(service.find(TENANT, id).orElseThrow().version()).as("a refusal saves nothing").isEqualTo(3);

        clock.advance(Duration.ofDays(1));
        service.completePicture(TENANT, id, facilitator).orElseThrow();
        service.mapPhenomenon(TENANT, id, aino, ExperimentFixtures.phenomenon()).orElseThrow();
        service.completePhenomenon(TENANT, id, facilitator).orElseThrow();
        service.mapChange(TENANT, id, bo, ExperimentFixtures.change()).orElseThrow();
        service.completeChange(TENANT, id, facilitator).orElseThrow();
        service.editPlan(TENANT, id, aino, ExperimentFixtures.completePlan()).orElseThrow();
        service.start(TENANT, id, facilitator, ExperimentFixtures.START).orElseThrow();
        service.observe(TENANT, id, aino, ExperimentFixtures.START.plusDays(2), "Everyone spoke today").orElseThrow();
        Result<Versioned<LibraryEntry>, ExperimentProblem> shareTooEarly = libraryService.shareExperiment(TENANT, id,
                facilitator, "um", Language.EN, Visibility.EVERYONE, false, Set.of("hybrid work"));
        assertThat(shareTooEarly.problems()).extracting(ExperimentProblem::code).containsExactly("experiment.step.wrong");
        service.evaluate(TENANT, id, facilitator, ExperimentFixtures.evaluation().results(), "Order matters").orElseThrow();
        clock.advance(Duration.ofDays(1));
        Versioned<Experiment> decided = service.decide(TENANT, id, facilitator, new Decision.Adopt(), "It worked")
                .orElseThrow();
        assertThat(decided.value().decision().orElseThrow().decidedAt()).isEqualTo(clock.instant());

        Versioned<LibraryEntry> entry = libraryService.shareExperiment(TENANT, id, facilitator, "um", Language.EN,
                Visibility.EVERYONE, false, Set.of("hybrid work")).orElseThrow();

        assertThat(entry.value().sourceExperimentId()).isEqualTo(id);
        assertThat(service.find(TENANT, id).orElseThrow().value().stage())
                .isInstanceOfSatisfying(ExperimentStage.Shared.class,
                        shared -> assertThat(shared.libraryEntryId()).isEqualTo(entry.value().id()));
        assertThat(heard).filteredOn(ExperimentEvent.StepReached.class::isInstance)
                .extracting(event -> ((ExperimentEvent.StepReached) event).step())
                .containsExactly(ExperimentStage.Step.PHENOMENON_MAPPING, ExperimentStage.Step.CHANGE_MAPPING,
                        ExperimentStage.Step.PLAN, ExperimentStage.Step.RUN, ExperimentStage.Step.EVALUATION,
                        ExperimentStage.Step.DECISION, ExperimentStage.Step.SHARE);
        assertThat(heard).contains(new ExperimentEvent.ExperimentBegun(id, "team-north", null, START),
                new ExperimentEvent.RunStarted(id, "team-north", ExperimentFixtures.START, ExperimentFixtures.END),
                new ExperimentEvent.ExperimentDecided(id, "team-north", Decision.Type.ADOPT, clock.instant()));
        assertThat(heard.toString()).as("events carry no text the team wrote")
                .doesNotContain("Everyone spoke", "Morning check-ins", "Remote voices", "Order matters");
        assertThat(published).containsExactly(new LibraryEvent.EntryPublished(entry.value().id(),
                LibraryEntry.Kind.EXPERIMENT, "um", Visibility.EVERYONE, id, clock.instant()));

        Reader outsider = new Reader(PersonId.of("reader"), "other-org", Set.of());
        List<EntryView> found = libraryService.search(TENANT, outsider, LibraryQuery.tagged("Hybrid work"), List.of("um"));
        assertThat(found).extracting(EntryView::id).containsExactly(entry.value().id());
        assertThat(found.get(0).author()).as("the author chose not to be shown").isEmpty();
    }

    /**
     * Two writers change one experiment at once; every change is kept, none is lost to the other.
     * With two threads a call can lose at most as many races as the other thread has writes (six),
     * fewer than {@code DocumentCommands.ATTEMPTS}, so the scenario cannot fail by chance.
     */
    public static void concurrentChangesAreRetried(Experiments experiments, MovingClock clock) throws Exception {
        List<ExperimentEvent> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        ExperimentService service = ExperimentService.of(experiments, heard::add, clock, IdGenerator.sequence("race"));
        String id = service.begin(TENANT, "team-south", "Shorter meetings", ExperimentFixtures.FACILITATOR,
                Set.of(ExperimentFixtures.AINO, ExperimentFixtures.BO)).value().id();
        int writes = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<Boolean>>> writers = new ArrayList<>();
            for (PersonId author : List.of(ExperimentFixtures.AINO, ExperimentFixtures.BO)) {
                writers.add(pool.submit(() -> IntStream.range(0, writes / 2).mapToObj(i -> service.addToPicture(TENANT,
                        id, author, PictureEntry.Kind.WORKS, author.value() + " " + i).isAccepted()).toList()));
            }
            for (var writer : writers) {
                assertThat(writer.get()).containsOnly(true);
            }
        } finally {
            pool.shutdownNow();
        }
        Versioned<Experiment> stored = service.find(TENANT, id).orElseThrow();
        var picture = ((ExperimentStage.Picturing) stored.value().stage()).picture();
        assertThat(picture.entries()).hasSize(writes);
        assertThat(stored.version()).isEqualTo(1 + writes);
        assertThat(heard).hasSize(1).first().isInstanceOf(ExperimentEvent.ExperimentBegun.class);
    }

    /** A supervisor writes a plan, shares it with the team, and a scheduler hears of the due review. */
    public static void planSharedAndReviewed(DevelopmentPlans plans, MovingClock clock) {
        List<PlanEvent> heard = new ArrayList<>();
        PlanService service = PlanService.of(plans, heard::add, clock, IdGenerator.sequence("plan"));
        PersonId owner = PersonId.of("supervisor-7");
        LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);

        String id = service.create(TENANT, owner, "ako-2026", "Coaching one-to-ones").value().id();
        service.addGoal(TENANT, id, owner, new DevelopmentGoal("g1", "Ask more than I tell", "", today.plusMonths(3),
                List.of(PlanAction.open("a1", "Prepare three open questions", today.plusWeeks(1))))).orElseThrow();
        service.followUpBy(TENANT, id, owner, "Monthly with my peer triad").orElseThrow();
        service.scheduleReview(TENANT, id, owner, today.plusWeeks(2)).orElseThrow();
        Result<Versioned<DevelopmentPlan>, PlanProblem> byOther = service.shareWithTeam(TENANT, id,
                PersonId.of("colleague"), "team-3");
        assertThat(byOther.problems()).extracting(PlanProblem::code).containsExactly("plan.rights.notOwner");
        service.shareWithTeam(TENANT, id, owner, "team-3").orElseThrow();
        service.updateAction(TENANT, id, owner, "a1", PlanAction.Status.DONE, "").orElseThrow();

        assertThat(service.view(TENANT, id, PersonId.of("colleague"), Set.of("team-3"))).isPresent();
        assertThat(service.view(TENANT, id, PersonId.of("colleague"), Set.of("team-9"))).isEmpty();
        assertThat(service.announceDueReviews(TENANT, owner)).as("nothing due yet").isEmpty();
        clock.advance(Duration.ofDays(15));
        List<PlanEvent> due = service.announceDueReviews(TENANT, owner);
        assertThat(due).containsExactly(new PlanEvent.ReviewDue(id, owner, "r1", today.plusWeeks(2)));
        service.holdReview(TENANT, id, owner, "r1", new Review.Outcome(today.plusDays(15), "Going well",
                Review.Progress.ON_TRACK)).orElseThrow();

        assertThat(heard).containsExactly(
                new PlanEvent.PlanCreated(id, owner, START),
                new PlanEvent.ReviewScheduled(id, owner, "r1", today.plusWeeks(2)),
                new PlanEvent.PlanShared(id, owner, "team-3", START),
                new PlanEvent.ActionStatusChanged(id, owner, "a1", PlanAction.Status.DONE, START),
                new PlanEvent.ReviewDue(id, owner, "r1", today.plusWeeks(2)),
                new PlanEvent.ReviewHeld(id, owner, "r1", today.plusDays(15)));
        assertThat(heard.toString()).doesNotContain("Going well", "Ask more", "Monthly");
        assertThat(service.of(TENANT, owner)).singleElement().satisfies(plan -> assertThat(plan.version()).isEqualTo(7));
    }

    /** An organisation runs a round, closes it, and reads only the figures that may be published. */
    public static void surveyRoundClosedAndRead(Surveys surveys, SurveyResponses responses, MovingClock clock) {
        List<SurveyEvent> heard = new ArrayList<>();
        SurveyService service = SurveyService.of(surveys, responses, heard::add, clock, IdGenerator.uuids());
        Survey survey = service.createCultureSelfAssessment(TENANT, "om", LocalizedText.of("Itsearvio",
                "Självvärdering", "Self-assessment"), List.of()).value();
        String id = survey.id();

        assertThat(service.respond(TENANT, id, RespondentGroup.of("om", "u1", "team-a"), List.of()).problems())
                .extracting(SurveyProblem::code).as("no round is open yet").containsExactly("survey.round.noneOpen");
        service.openRound(TENANT, id).orElseThrow();
        assertThat(service.openRound(TENANT, id).problems()).extracting(SurveyProblem::code)
                .containsExactly("survey.round.alreadyOpen");
        clock.advance(Duration.ofDays(1));
        respond(service, id, "team-a", 4, 5);
        respond(service, id, "team-b", 3, 2);
        respond(service, id, "team-c", 2, 4);
        assertThat(service.results(TENANT, id, 1, AnonymityThreshold.standard()).problems())
                .as("no results while the round is open").extracting(SurveyProblem::code).isNotEmpty();

        clock.advance(Duration.ofDays(13));
        service.closeRound(TENANT, id).orElseThrow();
        assertThat(service.respond(TENANT, id, RespondentGroup.of("om", "u1", "team-a"), List.of()).problems())
                .extracting(SurveyProblem::code).containsExactly("survey.round.noneOpen");

        RoundResults results = service.results(TENANT, id, 1, AnonymityThreshold.standard()).orElseThrow();
        assertThat(results.group(GroupRef.team("om", "u1", "team-a"))).isInstanceOf(GroupResult.Shown.class);
        assertThat(results.group(GroupRef.team("om", "u1", "team-c"))).as("two respondents are never shown")
                .isInstanceOf(GroupResult.Hidden.class);
        assertThat(results.shown()).extracting(GroupResult.Shown::respondents).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        LocalDate opened = LocalDate.ofInstant(START, ZoneOffset.UTC);
        assertThat(heard).containsExactly(
                new SurveyEvent.SurveyCreated(id, "om", Survey.Kind.CULTURE_SELF_ASSESSMENT, START),
                new SurveyEvent.RoundOpened(id, "om", 1, opened),
                new SurveyEvent.RoundClosed(id, "om", 1, opened.plusDays(14)));
    }

    private static void respond(SurveyService service, String surveyId, String team, int count, int value) {
        Survey survey = service.find(TENANT, surveyId).orElseThrow().value();
        List<Answer> answers = survey.questions().stream().map(q -> (Answer) new Answer.Scale(q.id(), value)).toList();
        for (int i = 0; i < count; i++) {
            service.respond(TENANT, surveyId, RespondentGroup.of("om", "u1", team), answers).orElseThrow();
        }
    }

    /** A programme forms triads, they meet, and the agency hears each held meeting (never a reflection). */
    public static void triadsMeet(PeerGroups groups, MovingClock clock) {
        List<PeerEvent> heard = new ArrayList<>();
        PeerGroupService service = PeerGroupService.of(groups, heard::add, clock, IdGenerator.sequence("triad"));
        LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC).plusWeeks(1);
        List<Participant> people = IntStream.rangeClosed(1, 6).mapToObj(i -> new Participant(PersonId.of("p" + i),
                "Person " + i, "", "Org " + i, "", "", ParticipantRole.SUPERVISOR, List.of(Language.FI), null,
                List.of())).toList();
        var formation = GroupFormation.form(FormationRequest.of("formation-1", GroupKind.PEER_TRIAD, people, 7)
                .withContext("ako-2026").withMeetings(new MeetingPlan(first, 3, 4)));

        List<Versioned<PeerGroup>> started = service.start(TENANT, formation);

        assertThat(started).hasSize(2);
        assertThat(service.inContext(TENANT, "ako-2026")).hasSize(2);
        PeerGroup triad = started.get(0).value();
        List<PersonId> members = triad.members().stream().map(m -> m.participant().id()).toList();
        service.agreeCharter(TENANT, triad.id(), Charter.withDefaultRules(List.of("listening"), 3, 4)).orElseThrow();
        service.addReflection(TENANT, triad.id(), members.get(0), 1, "I interrupt too soon").orElseThrow();
        service.addNote(TENANT, triad.id(), members.get(1), "Next time at the library").orElseThrow();
        assertThat(service.addNote(TENANT, triad.id(), PersonId.of("teacher"), "Hello").problems())
                .extracting(fi.kasvu.peer.GroupProblem::code).containsExactly("peer.group.notMember");
        clock.advance(Duration.ofDays(7));
        service.recordHeld(TENANT, triad.id(), 1, Set.copyOf(members)).orElseThrow();
        assertThat(service.recordHeld(TENANT, triad.id(), 1, Set.copyOf(members)).problems())
                .extracting(fi.kasvu.peer.GroupProblem::code).containsExactly("peer.meeting.alreadyHeld");

        assertThat(heard).filteredOn(PeerEvent.GroupStarted.class::isInstance).hasSize(2);
        assertThat(heard).filteredOn(PeerEvent.MeetingPlanned.class::isInstance).hasSize(6);
        assertThat(heard).filteredOn(PeerEvent.MeetingHeld.class::isInstance).containsExactly(
                new PeerEvent.MeetingHeld(triad.id(), "ako-2026", 1, first, Set.copyOf(members), clock.instant()));
        assertThat(heard.toString()).doesNotContain("interrupt", "library");
        assertThat(service.reflectionsFor(TENANT, triad.id(), members.get(0))).hasSize(1);
        assertThat(service.reflectionsFor(TENANT, triad.id(), members.get(1))).isEmpty();
        assertThat(service.notesFor(TENANT, triad.id(), PersonId.of("teacher"))).isEmpty();
        assertThatThrownBy(() -> service.planMeeting(TENANT, "no-such-group", first, ""))
                .isInstanceOf(java.util.NoSuchElementException.class).hasMessageContaining("no-such-group");
    }
}

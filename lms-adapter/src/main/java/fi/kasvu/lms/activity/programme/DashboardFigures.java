package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.DisclosureControl;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentKeys;
import fi.kasvu.experiment.ExperimentStage;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackAssessments;
import fi.kasvu.feedback.FeedbackStage;
import fi.kasvu.feedback.Invitation;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.peer.Meeting;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerGroups;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Fulfilment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammeRole;
import fi.kasvu.programme.ReflectionView;
import fi.kasvu.session.CoursePlacement;
import fi.kasvu.session.CoursePlacements;
import fi.kasvu.survey.AnonymityThreshold;
import fi.kasvu.survey.CoachingApproachIndicator;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.GroupRef;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyKeys;
import fi.kasvu.survey.SurveyParticipation;
import fi.kasvu.survey.SurveyParticipations;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.SurveyResults;
import fi.kasvu.survey.Surveys;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The programme owner's figures for one programme placement, read from the other kinds' documents
 * in the same course through core's ports: participation per assignment (enrolled, started,
 * completed), meetings held per peer group, 360 response rates, experiments by step and the
 * coaching-approach indicator's trend. Every figure about people passes core's
 * {@link DisclosureControl} at the threshold of 3: no figure, and no difference between two shown
 * figures, describes one or two people. Nothing anyone wrote is read into a figure.
 *
 * @param participation one row per assignment of the programme, in its order
 * @param meetings      one row per peer group of the course
 * @param feedback      the course's 360 assessments
 * @param experiments   experiments by step, in the steps' order
 * @param trend         the coaching-approach indicator per closed round of the course's culture assessment
 */
public record DashboardFigures(List<Funnel> participation, List<GroupMeetings> meetings, Feedback feedback,
                               List<StepCount> experiments, List<TrendPoint> trend) {

    /** The anonymity threshold of every figure about people. */
    public static final int MINIMUM = AnonymityThreshold.FLOOR;

    /**
     * Enrolled → started → completed for one assignment; an empty count is withheld.
     *
     * @param assignmentId the assignment's id
     * @param assignment   the assignment
     */
    public record Funnel(String assignmentId, Assignment assignment, OptionalInt enrolled, OptionalInt started,
                         OptionalInt completed) {
    }

    /**
     * A peer group's meetings held; withheld (empty) for a group of fewer than three members.
     *
     * @param number  the group's number in the course (1, 2, …), never its members' names
     * @param members how many members, shown only from three
     * @param held    meetings held
     * @param planned meetings planned and not held yet
     */
    public record GroupMeetings(int number, OptionalInt members, OptionalInt held, OptionalInt planned) {
    }

    /**
     * The course's 360 assessments.
     *
     * @param subjects    people assessed
     * @param invited     raters invited (withdrawn invitations not counted)
     * @param answered    raters who answered
     */
    public record Feedback(OptionalInt subjects, OptionalInt invited, OptionalInt answered) {
        /** The response rate, when both counts are shown and someone was invited. */
        public OptionalDouble rate() {
            return invited.isPresent() && answered.isPresent() && invited.getAsInt() > 0
                    ? OptionalDouble.of((double) answered.getAsInt() / invited.getAsInt()) : OptionalDouble.empty();
        }
    }

    /** Experiments at one step; empty when withheld. */
    public record StepCount(ExperimentStage.Step step, OptionalInt count) {
    }

    /** The indicator's share of agreeing answers in one closed round; empty when the round shows nothing. */
    public record TrendPoint(int round, LocalDate closed, OptionalDouble share) {
    }

    /**
     * The other kinds' stores the dashboard reads (core ports only), and where the placements of
     * each course were recorded at launch (the linked activities placed apart from the programme).
     */
    public record Sources(GrowConversations grow, Experiments experiments, FeedbackAssessments feedback,
                          DevelopmentPlans plans, PeerGroups peerGroups, Surveys surveys, SurveyResponses responses,
                          SurveyParticipations participations, CoursePlacements placements) {
        /** Checks the parts. */
        public Sources {
            Require.nonNull("grow", grow);
            Require.nonNull("experiments", experiments);
            Require.nonNull("feedback", feedback);
            Require.nonNull("plans", plans);
            Require.nonNull("peerGroups", peerGroups);
            Require.nonNull("surveys", surveys);
            Require.nonNull("responses", responses);
            Require.nonNull("participations", participations);
            Require.nonNull("placements", placements);
        }

        /** The stores, with no course placements recorded: only the programme placement's own context is read. */
        public Sources(GrowConversations grow, Experiments experiments, FeedbackAssessments feedback,
                       DevelopmentPlans plans, PeerGroups peerGroups, Surveys surveys, SurveyResponses responses,
                       SurveyParticipations participations) {
            this(grow, experiments, feedback, plans, peerGroups, surveys, responses, participations,
                    CoursePlacements.inMemory(Clock.systemUTC()));
        }

        /** Empty stores in memory: a programme alone in its course. */
        public static Sources empty(Clock clock) {
            return new Sources(GrowConversations.inMemory(clock), Experiments.inMemory(clock),
                    FeedbackAssessments.inMemory(clock), DevelopmentPlans.inMemory(clock), PeerGroups.inMemory(clock),
                    Surveys.inMemory(clock), SurveyResponses.inMemory(clock), SurveyParticipations.inMemory(clock),
                    CoursePlacements.inMemory(clock));
        }
    }

    /**
     * The placement kinds (the kinds' names, {@code Activity.kind()}; kinds may not import each
     * other) whose documents fulfil each linked activity kind.
     */
    static final Map<String, fi.kasvu.programme.ActivityKind> PLACED = Map.of(
            "grow", fi.kasvu.programme.ActivityKind.GROW,
            "experiment", fi.kasvu.programme.ActivityKind.EXPERIMENT,
            "feedback-360", fi.kasvu.programme.ActivityKind.FEEDBACK_360,
            "development-plan", fi.kasvu.programme.ActivityKind.DEVELOPMENT_PLAN,
            "peer-groups", fi.kasvu.programme.ActivityKind.PEER_GROUP,
            SurveyKeys.CULTURE, fi.kasvu.programme.ActivityKind.SURVEY,
            SurveyKeys.PULSE, fi.kasvu.programme.ActivityKind.SURVEY);

    /** The survey kinds' names (core's {@link SurveyKeys}, the survey kinds' own rule). */
    static final String CULTURE = SurveyKeys.CULTURE, PULSE = SurveyKeys.PULSE;

    /**
     * The figures of the programme in the course.
     *
     * @param contextId   the course (the programme placement's context): the other kinds keep their documents there
     * @param reflections the programme's reflections' progress (status only, never text)
     */
    public static DashboardFigures of(Sources sources, TenantId tenant, String contextId, Programme programme,
                                      List<ReflectionView.Progress> reflections) {
        Set<PersonId> participants = Set.copyOf(programme.withRole(ProgrammeRole.PARTICIPANT));
        // The course's experiments, peer groups and 360s: in the programme placement's own context
        // and in every placement of their kind in the course (the same contexts as "completed").
        List<Experiment> experiments = new ArrayList<>();
        for (String context : contexts(sources, tenant, contextId, fi.kasvu.programme.ActivityKind.EXPERIMENT)) {
            experiments.addAll(experiments(sources, tenant, context, programme));
        }
        List<PeerGroup> groups = new ArrayList<>();
        for (String context : contexts(sources, tenant, contextId, fi.kasvu.programme.ActivityKind.PEER_GROUP)) {
            sources.peerGroups().inContext(tenant, context).documents().stream().map(Versioned::value)
                    .filter(g -> context.equals(g.context())).sorted(java.util.Comparator.comparing(PeerGroup::id))
                    .forEach(groups::add);
        }
        List<FeedbackAssessment> assessments = new ArrayList<>();
        for (String context : contexts(sources, tenant, contextId, fi.kasvu.programme.ActivityKind.FEEDBACK_360)) {
            sources.feedback().listByContext(tenant, context).documents().stream().map(Versioned::value)
                    .filter(a -> context.equals(a.context())).forEach(assessments::add);
        }

        List<Funnel> participation = new ArrayList<>();
        for (Assignment assignment : programme.assignments()) {
            Set<PersonId> started = new HashSet<>();
            Set<PersonId> completed = new HashSet<>();
            if (assignment.fulfilledBy() instanceof Fulfilment.Reflection) {
                for (ReflectionView.Progress r : reflections) {
                    if (r.assignmentId().equals(assignment.id())) {
                        started.add(r.learner());
                        if (r.status() != ReflectionView.Status.DRAFT) {
                            completed.add(r.learner());
                        }
                    }
                }
            } else if (assignment.fulfilledBy() instanceof Fulfilment.Activity activity) {
                linked(sources, tenant, contextId, programme, activity, started, completed);
            }
            started.retainAll(participants);
            completed.retainAll(participants);
            started.addAll(completed);
            participation.add(funnel(assignment, participants.size(), started.size(), completed.size()));
        }

        List<GroupMeetings> meetings = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            PeerGroup group = groups.get(i);
            int size = group.members().size();
            boolean shown = size >= MINIMUM;
            int held = (int) group.meetings().stream().filter(m -> m instanceof Meeting.Held).count();
            int planned = group.meetings().size() - held;
            meetings.add(new GroupMeetings(i + 1, shown ? OptionalInt.of(size) : OptionalInt.empty(),
                    shown ? OptionalInt.of(held) : OptionalInt.empty(),
                    shown ? OptionalInt.of(planned) : OptionalInt.empty()));
        }

        int invited = 0;
        int answered = 0;
        for (FeedbackAssessment assessment : assessments) {
            for (Invitation invitation : assessment.invitations()) {
                if (invitation.status() != Invitation.Status.WITHDRAWN) {
                    invited++;
                }
                if (invitation.status() == Invitation.Status.ANSWERED) {
                    answered++;
                }
            }
        }
        Set<Integer> rates = nested(List.of(invited - answered, answered));
        Feedback feedback = new Feedback(count(assessments.size(), assessments.size() >= MINIMUM || assessments.isEmpty()),
                count(invited, rates.contains(0)), count(answered, rates.contains(1)));

        Map<Integer, Integer> bySteps = new LinkedHashMap<>();
        for (Experiment experiment : experiments) {
            bySteps.merge(experiment.step().ordinal(), 1, Integer::sum);
        }
        Set<Integer> shownSteps = DisclosureControl.publishable(bySteps, step -> step < 0 ? null : -1,
                allSteps(), Set.of(), MINIMUM);
        List<StepCount> steps = new ArrayList<>();
        boolean enough = experiments.isEmpty() || experiments.size() >= MINIMUM;
        for (ExperimentStage.Step step : ExperimentStage.Step.values()) {
            int n = bySteps.getOrDefault(step.ordinal(), 0);
            steps.add(new StepCount(step, enough && (n == 0 || shownSteps.contains(step.ordinal()))
                    ? OptionalInt.of(n) : OptionalInt.empty()));
        }

        return new DashboardFigures(participation, meetings, feedback, steps, trend(sources, tenant, contextId));
    }

    /**
     * Who completed the activity an assignment links to, from the same course's documents (the
     * rules of the participation chart's "completed"): the timeline shows such an assignment done.
     * Each kind is read once, when first asked.
     */
    public static fi.kasvu.programme.ActivityCompletion completion(Sources sources, TenantId tenant, String contextId,
                                                                    Programme programme) {
        Map<fi.kasvu.programme.ActivityKind, Set<PersonId>> done = new java.util.EnumMap<>(
                fi.kasvu.programme.ActivityKind.class);
        return (person, activity) -> done.computeIfAbsent(activity.kind(), kind -> {
            Set<PersonId> completed = new HashSet<>();
            linked(sources, tenant, contextId, programme, activity, new HashSet<>(), completed);
            return completed;
        }).contains(person);
    }

    /**
     * The one rule of who started and who completed a linked activity: its kind's documents in the
     * programme placement's own context and in every placement of that kind recorded in the
     * programme's course of the same tenant ({@link #contexts}).
     */
    private static void linked(Sources sources, TenantId tenant, String contextId, Programme programme,
                               Fulfilment.Activity activity, Set<PersonId> started, Set<PersonId> completed) {
        fi.kasvu.programme.ActivityKind kind = activity.kind();
        for (String context : contexts(sources, tenant, contextId, kind)) {
            List<Experiment> experiments = kind == fi.kasvu.programme.ActivityKind.EXPERIMENT
                    ? experiments(sources, tenant, context, programme) : List.of();
            List<PeerGroup> groups = kind == fi.kasvu.programme.ActivityKind.PEER_GROUP
                    ? sources.peerGroups().inContext(tenant, context).documents().stream().map(Versioned::value)
                    .filter(g -> context.equals(g.context())).toList() : List.of();
            List<FeedbackAssessment> assessments = kind == fi.kasvu.programme.ActivityKind.FEEDBACK_360
                    ? sources.feedback().listByContext(tenant, context).documents().stream().map(Versioned::value)
                    .filter(a -> context.equals(a.context())).toList() : List.of();
            collect(sources, tenant, context, activity, experiments, groups, assessments, started, completed);
        }
    }

    /**
     * Where a linked activity's documents are: the programme placement's own context first, then
     * every placement of a matching kind recorded at launch in the same course of the same tenant
     * (no store call crosses tenants, so another platform's course of the same id is never read).
     */
    static List<String> contexts(Sources sources, TenantId tenant, String contextId,
                                 fi.kasvu.programme.ActivityKind kind) {
        java.util.LinkedHashSet<String> contexts = new java.util.LinkedHashSet<>();
        contexts.add(contextId);
        sources.placements().courseOf(tenant, contextId).ifPresent(course -> {
            for (CoursePlacement placement : sources.placements().inCourse(tenant, course)) {
                if (PLACED.get(placement.kind()) == kind) {
                    contexts.add(placement.context());
                }
            }
        });
        return List.copyOf(contexts);
    }

    private static Set<Integer> allSteps() {
        Set<Integer> all = new HashSet<>();
        for (ExperimentStage.Step step : ExperimentStage.Step.values()) {
            all.add(step.ordinal());
        }
        return all;
    }

    /** One assignment's funnel: enrolled ⊇ started ⊇ completed, as a chain of nested groups. */
    static Funnel funnel(Assignment assignment, int enrolled, int started, int completed) {
        Set<Integer> shown = nested(List.of(enrolled - started, started - completed, completed));
        return new Funnel(assignment.id(), assignment, count(enrolled, shown.contains(0)),
                count(started, shown.contains(1)), count(completed, shown.contains(2)));
    }

    /**
     * Which levels of a chain of nested groups may be shown: level 0 holds everyone, each next
     * level is inside the one before; {@code own.get(i)} is how many are in level i but not in
     * level i + 1. Core's disclosure control decides.
     */
    static Set<Integer> nested(List<Integer> own) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        Set<Integer> levels = new HashSet<>();
        for (int i = 0; i < own.size(); i++) {
            counts.put(i, own.get(i));
            levels.add(i);
        }
        Set<Integer> shown = new HashSet<>(DisclosureControl.publishable(counts, level -> level == 0 ? null : level - 1,
                levels, Set.of(), MINIMUM));
        if (own.stream().mapToInt(Integer::intValue).sum() == 0) {
            return levels;
        }
        if (!shown.contains(0)) {
            // "None of them" is a figure about each of one or two people: nothing is shown.
            return Set.of();
        }
        // A level with nobody in it and nobody below it is a zero among three or more shown.
        int below = 0;
        for (int i = own.size() - 1; i >= 0; i--) {
            below += own.get(i);
            if (below == 0) {
                shown.add(i);
            }
        }
        return shown;
    }

    private static OptionalInt count(int value, boolean shown) {
        return shown ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static void collect(Sources sources, TenantId tenant, String contextId, Fulfilment.Activity activity,
                                List<Experiment> experiments, List<PeerGroup> groups,
                                List<FeedbackAssessment> assessments, Set<PersonId> started, Set<PersonId> completed) {
        switch (activity.kind()) {
            case GROW -> {
                for (Versioned<GrowConversation> stored : sources.grow().listByContext(tenant, contextId).documents()) {
                    GrowConversation conversation = stored.value();
                    if (!contextId.equals(conversation.context())) {
                        continue;
                    }
                    started.add(conversation.coachee());
                    if (conversation.complete()) {
                        completed.add(conversation.coachee());
                    }
                }
            }
            case EXPERIMENT -> {
                for (Experiment experiment : experiments) {
                    started.addAll(experiment.members());
                    if (experiment.step().compareTo(ExperimentStage.Step.DECISION) >= 0) {
                        completed.addAll(experiment.members());
                    }
                }
            }
            case FEEDBACK_360 -> {
                for (FeedbackAssessment assessment : assessments) {
                    started.add(assessment.subject());
                    if (assessment.stage() instanceof FeedbackStage.Closed) {
                        completed.add(assessment.subject());
                    }
                }
            }
            case DEVELOPMENT_PLAN -> {
                for (Versioned<DevelopmentPlan> stored : sources.plans().listByContext(tenant, contextId).documents()) {
                    DevelopmentPlan plan = stored.value();
                    if (!contextId.equals(plan.context())) {
                        continue;
                    }
                    started.add(plan.owner());
                    if (!plan.goals().isEmpty()) {
                        completed.add(plan.owner());
                    }
                }
            }
            case SURVEY -> {
                for (String kind : List.of(CULTURE, PULSE)) {
                    String surveyId = SurveyKeys.surveyId(kind, contextId);
                    for (Versioned<SurveyParticipation> p : sources.participations().listByContext(tenant, surveyId)
                            .documents()) {
                        p.value().people().forEach(person -> {
                            started.add(PersonId.of(person));
                            completed.add(PersonId.of(person));
                        });
                    }
                }
            }
            case PEER_GROUP -> {
                for (PeerGroup group : groups) {
                    Predicate<PersonId> attended = person -> group.meetings().stream()
                            .anyMatch(m -> m instanceof Meeting.Held held && held.attendance().contains(person));
                    group.members().forEach(member -> {
                        PersonId person = member.participant().id();
                        started.add(person);
                        if (attended.test(person)) {
                            completed.add(person);
                        }
                    });
                }
            }
            default -> {
            }
        }
    }

    /**
     * The course's experiments: its teams (the experiment kind numbers them from 1) and the
     * programme members' personal experiments, found by the experiment kind's own id rule in core
     * ({@link ExperimentKeys}; kinds may not import each other).
     */
    static List<Experiment> experiments(Sources sources, TenantId tenant, String contextId, Programme programme) {
        List<Experiment> found = new ArrayList<>();
        for (int n = 1; n <= ExperimentKeys.MAX_TEAMS; n++) {
            var team = sources.experiments().find(tenant, ExperimentKeys.teamId(contextId, n));
            if (team.isEmpty()) {
                break;
            }
            found.add(team.get().value());
        }
        for (var member : programme.members()) {
            sources.experiments().find(tenant, ExperimentKeys.personalId(contextId, member.person()))
                    .filter(e -> e.value().members().contains(member.person()))
                    .filter(e -> found.stream().noneMatch(f -> f.id().equals(e.value().id())))
                    .ifPresent(e -> found.add(e.value()));
        }
        return found;
    }

    /**
     * The indicator's trend from the course's culture assessment: the one in the programme
     * placement's own context, else the first culture assessment placed apart in the same course
     * (the same placements rule as the linked activities, {@link #contexts}).
     */
    private static List<TrendPoint> trend(Sources sources, TenantId tenant, String contextId) {
        for (String context : contexts(sources, tenant, contextId, fi.kasvu.programme.ActivityKind.SURVEY)) {
            var stored = sources.surveys().find(tenant, SurveyKeys.surveyId(CULTURE, context));
            if (stored.isPresent()) {
                return trend(sources, tenant, stored.get().value());
            }
        }
        return List.of();
    }

    private static List<TrendPoint> trend(Sources sources, TenantId tenant, Survey survey) {
        List<String> ids = CultureStatements.COACHING_APPROACH_IDS.stream()
                .filter(id -> survey.question(id).isPresent()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SurveyResponse> responses = sources.responses().ofSurvey(tenant, survey.id()).documents().stream()
                .map(Versioned::value).toList();
        CoachingApproachIndicator standard = CoachingApproachIndicator.standard();
        return SurveyResults.trend(survey, responses, new CoachingApproachIndicator(standard.id(), standard.name(),
                        ids), AnonymityThreshold.standard()).series(GroupRef.all()).stream()
                .map(p -> new TrendPoint(p.round(), p.closed(), p.share())).toList();
    }
}

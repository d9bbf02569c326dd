package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.Require;
import fi.kasvu.experiment.Experiment;
import fi.kasvu.experiment.ExperimentPersonalData;
import fi.kasvu.experiment.Experiments;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackAssessments;
import fi.kasvu.feedback.FeedbackPersonalData;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowConversations;
import fi.kasvu.grow.GrowPersonalData;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.library.LibraryEntries;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.library.LibraryPersonalData;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.Formations;
import fi.kasvu.peer.PeerGroup;
import fi.kasvu.peer.PeerGroups;
import fi.kasvu.peer.PeerRoster;
import fi.kasvu.peer.PeerRosters;
import fi.kasvu.peer.PeerPersonalData;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanTeam;
import fi.kasvu.plan.PlanTeams;
import fi.kasvu.plan.PlanPersonalData;
import fi.kasvu.session.SeenPeople;
import fi.kasvu.session.SeenPerson;
import fi.kasvu.session.Sessions;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ProgrammePersonalData;
import fi.kasvu.programme.Programmes;
import fi.kasvu.programme.ReflectionAssignment;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.Surveys;
import java.time.Clock;

/**
 * Every feature port of core on one database, in Kasvu's JSON format, with the personal-data
 * service that covers them all. Build one per process from the shared {@link KasvuDatabase}.
 *
 * <pre>{@code
 * KasvuRepositories repositories = KasvuRepositories.of(db, KasvuJson.create(), Clock.systemUTC());
 * GrowService service = new GrowService(repositories.growConversations(), ...);
 * }</pre>
 *
 * <p>Surveys, survey responses and survey reporting records hold no person by design (responses
 * carry only the respondent's group), so the personal-data service does not cover them; who
 * answered a round (participation) and the teams' discussion notes (by author) it does cover.
 */
public final class KasvuRepositories {

    private final GrowConversations growConversations;
    private final DevelopmentPlans developmentPlans;
    private final Experiments experiments;
    private final Surveys surveys;
    private final SurveyResponses surveyResponses;
    private final fi.kasvu.survey.SurveyParticipations surveyParticipations;
    private final fi.kasvu.survey.SurveyReportings surveyReportings;
    private final fi.kasvu.survey.TeamDiscussions teamDiscussions;
    private final LibraryEntries libraryEntries;
    private final PeerGroups peerGroups;
    private final Formations formations;
    private final PeerRosters peerRosters;
    private final FeedbackAssessments feedbackAssessments;
    private final Programmes programmes;
    private final ReflectionAssignments reflectionAssignments;
    private final SeenPeople seenPeople;
    private final fi.kasvu.session.CoursePlacements coursePlacements;
    private final PlanTeams planTeams;
    private final fi.kasvu.grow.GrowCoachNotes growCoachNotes;
    private final Sessions sessions;
    private final PersonalDataService personalData;

    /** How many decoded documents of a kind are kept for launches (immutable kinds only). */
    private static final int DECODED_CACHE = 1024;

    private KasvuRepositories(KasvuDatabase database, KasvuJson json, Clock clock) {
        // A conversation is read by the launch and again by the first page: decoded once (issue 19).
        JdbcDocumentRepository<GrowConversation> grow = repository(database, json, clock, GrowConversations.KIND)
                .withDecodedCache(DECODED_CACHE);
        JdbcDocumentRepository<DevelopmentPlan> plans = repository(database, json, clock, DevelopmentPlans.KIND);
        JdbcDocumentRepository<Experiment> experimentRows = repository(database, json, clock, Experiments.KIND);
        JdbcDocumentRepository<LibraryEntry> library = repository(database, json, clock, LibraryEntries.KIND);
        JdbcDocumentRepository<PeerGroup> groups = repository(database, json, clock, PeerGroups.KIND);
        JdbcDocumentRepository<Formation> formationRows = repository(database, json, clock, Formations.KIND);
        JdbcDocumentRepository<PeerRoster> rosterRows = repository(database, json, clock, PeerRosters.KIND);
        JdbcDocumentRepository<FeedbackAssessment> feedback = repository(database, json, clock, FeedbackAssessments.KIND);
        JdbcDocumentRepository<Programme> programmeRows = repository(database, json, clock, Programmes.KIND);
        JdbcDocumentRepository<ReflectionAssignment> reflections = repository(database, json, clock,
                ReflectionAssignments.KIND);
        this.growConversations = GrowConversations.over(grow);
        this.developmentPlans = DevelopmentPlans.over(plans);
        this.experiments = Experiments.over(experimentRows);
        this.surveys = Surveys.over(repository(database, json, clock, Surveys.KIND));
        // Responses and participation records are stamped with the day only, so that no stored time
        // can line a response up with a participant (docs/surveys.md, "Anonymity").
        Clock daily = dayClock(clock);
        this.surveyResponses = SurveyResponses.over(repository(database, json, daily, SurveyResponses.KIND));
        JdbcDocumentRepository<fi.kasvu.survey.SurveyParticipation> participations = repository(database, json, daily,
                fi.kasvu.survey.SurveyParticipations.KIND);
        this.surveyParticipations = fi.kasvu.survey.SurveyParticipations.over(participations);
        this.surveyReportings = fi.kasvu.survey.SurveyReportings.over(repository(database, json, clock,
                fi.kasvu.survey.SurveyReportings.KIND));
        JdbcDocumentRepository<fi.kasvu.survey.TeamDiscussion> discussions = repository(database, json, clock,
                fi.kasvu.survey.TeamDiscussions.KIND);
        this.teamDiscussions = fi.kasvu.survey.TeamDiscussions.over(discussions);
        this.libraryEntries = LibraryEntries.over(library, library::listByContextInEveryTenant);
        this.peerGroups = PeerGroups.over(groups);
        this.formations = Formations.over(formationRows);
        this.peerRosters = PeerRosters.over(rosterRows);
        this.feedbackAssessments = FeedbackAssessments.over(feedback);
        this.programmes = Programmes.over(programmeRows);
        this.reflectionAssignments = ReflectionAssignments.over(reflections);
        JdbcDocumentRepository<SeenPerson> seen = JdbcDocumentRepository.of(database, SeenPeople.KIND,
                new SeenPersonCodec(), clock).withDecodedCache(DECODED_CACHE);
        this.seenPeople = SeenPeople.over(seen);
        // Not registered for export and erasure: a placement names no person (a course, a kind, a context).
        this.coursePlacements = fi.kasvu.session.CoursePlacements.over(JdbcDocumentRepository.of(database,
                fi.kasvu.session.CoursePlacements.KIND, new CoursePlacementCodec(), clock));
        JdbcDocumentRepository<PlanTeam> teams = JdbcDocumentRepository.of(database, PlanTeams.KIND,
                new PlanTeamCodec(), clock);
        this.planTeams = PlanTeams.over(teams);
        JdbcDocumentRepository<fi.kasvu.grow.CoachNotes> coachNotes = JdbcDocumentRepository.of(database,
                fi.kasvu.grow.GrowCoachNotes.KIND, new CoachNotesCodec(), clock);
        this.growCoachNotes = fi.kasvu.grow.GrowCoachNotes.over(coachNotes);
        this.sessions = new JdbcSessions(database);
        this.personalData = PersonalDataService.builder(clock)
                .register(grow, GrowPersonalData.POLICY)
                .register(plans, PlanPersonalData.POLICY)
                .register(experimentRows, ExperimentPersonalData.POLICY)
                .register(library, LibraryPersonalData.POLICY)
                .register(groups, PeerPersonalData.GROUPS)
                .register(formationRows, PeerPersonalData.FORMATIONS)
                .register(rosterRows, PeerPersonalData.ROSTERS)
                .register(feedback, FeedbackPersonalData.POLICY)
                .register(programmeRows, ProgrammePersonalData.PROGRAMMES)
                .register(reflections, ProgrammePersonalData.REFLECTIONS)
                .register(seen, SeenPeople.PERSONAL_DATA)
                .register(participations, fi.kasvu.survey.SurveyParticipations.POLICY)
                .register(teams, PlanTeams.PERSONAL_DATA)
                .register(coachNotes, fi.kasvu.grow.GrowCoachNotes.PERSONAL_DATA)
                .register(discussions, fi.kasvu.survey.TeamDiscussions.PERSONAL_DATA)
                .sessions(sessions)
                .build();
    }

    /**
     * The repositories of every aggregate on the database.
     *
     * @param clock stamps saves (ordering listings) and exports
     * @throws NullPointerException if any argument is null
     */
    public static KasvuRepositories of(KasvuDatabase database, KasvuJson json, Clock clock) {
        return new KasvuRepositories(Require.nonNull("database", database), Require.nonNull("json", json),
                Require.nonNull("clock", clock));
    }

    private static <T> JdbcDocumentRepository<T> repository(KasvuDatabase database, KasvuJson json, Clock clock,
                                                           DocumentKind<T> kind) {
        return JdbcDocumentRepository.of(database, kind, DocumentCodec.kasvuJson(json, kind.type()), clock);
    }

    /** The teams development plans are shared with, and their comments. */
    public PlanTeams planTeams() {
        return planTeams;
    }

    /** Coaches' private notes on the GROW conversations they coach. */
    public fi.kasvu.grow.GrowCoachNotes growCoachNotes() {
        return growCoachNotes;
    }

    /** GROW conversations. */
    public GrowConversations growConversations() {
        return growConversations;
    }

    /** Development plans. */
    public DevelopmentPlans developmentPlans() {
        return developmentPlans;
    }

    /** Team experiments. */
    public Experiments experiments() {
        return experiments;
    }

    /** Pulse surveys and self-assessments. */
    public Surveys surveys() {
        return surveys;
    }

    /** Survey responses. */
    public SurveyResponses surveyResponses() {
        return surveyResponses;
    }

    /** Who answered each survey round (apart from the responses). */
    public fi.kasvu.survey.SurveyParticipations surveyParticipations() {
        return surveyParticipations;
    }

    /** How each survey reports: unit names, course, rounds published to respondents. */
    public fi.kasvu.survey.SurveyReportings surveyReportings() {
        return surveyReportings;
    }

    /** Teams' own notes on survey results (each note names its author, for the personal-data service). */
    public fi.kasvu.survey.TeamDiscussions teamDiscussions() {
        return teamDiscussions;
    }

    /** A clock that tells only the day (midnight UTC of the underlying clock's day). */
    private static Clock dayClock(Clock clock) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            }
        };
    }

    /** Library entries. */
    public LibraryEntries libraryEntries() {
        return libraryEntries;
    }

    /** Peer groups over their life. */
    public PeerGroups peerGroups() {
        return peerGroups;
    }

    /** The participants of peer-group activities. */
    public PeerRosters peerRosters() {
        return peerRosters;
    }

    /** Group formations. */
    public Formations formations() {
        return formations;
    }

    /** 360 assessments. */
    public FeedbackAssessments feedbackAssessments() {
        return feedbackAssessments;
    }

    /** Coaching programmes. */
    public Programmes programmes() {
        return programmes;
    }

    /** Reflection assignments of programmes. */
    public ReflectionAssignments reflectionAssignments() {
        return reflectionAssignments;
    }

    /** Which Kasvu placements belong to which course (no person data). */
    public fi.kasvu.session.CoursePlacements coursePlacements() {
        return coursePlacements;
    }

    /** The people seen in each activity, with the names their platforms sent. */
    public SeenPeople seenPeople() {
        return seenPeople;
    }

    /** Sign-in sessions of the pages (token hashes only). */
    public Sessions sessions() {
        return sessions;
    }

    /** Export and erasure of one person across every aggregate that holds personal data. */
    public PersonalDataService personalData() {
        return personalData;
    }
}

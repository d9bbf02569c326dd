package fi.kasvu.store.jdbc;

import fi.kasvu.common.DocumentKind;
import fi.kasvu.common.ForwardingDocumentRepository;
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
import fi.kasvu.peer.PeerPersonalData;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.PlanPersonalData;
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
 * <p>Surveys and survey responses hold no person by design (responses carry only the
 * respondent's group), so the personal-data service does not cover them.
 */
public final class KasvuRepositories {

    private static final class Grow extends ForwardingDocumentRepository<GrowConversation> implements GrowConversations {
        Grow(JdbcDocumentRepository<GrowConversation> delegate) {
            super(GrowConversations.KIND, delegate);
        }
    }

    private static final class Plans extends ForwardingDocumentRepository<DevelopmentPlan> implements DevelopmentPlans {
        Plans(JdbcDocumentRepository<DevelopmentPlan> delegate) {
            super(DevelopmentPlans.KIND, delegate);
        }
    }

    private static final class ExperimentStore extends ForwardingDocumentRepository<Experiment> implements Experiments {
        ExperimentStore(JdbcDocumentRepository<Experiment> delegate) {
            super(Experiments.KIND, delegate);
        }
    }

    private static final class SurveyStore extends ForwardingDocumentRepository<Survey> implements Surveys {
        SurveyStore(JdbcDocumentRepository<Survey> delegate) {
            super(Surveys.KIND, delegate);
        }
    }

    private static final class ResponseStore extends ForwardingDocumentRepository<SurveyResponse> implements SurveyResponses {
        ResponseStore(JdbcDocumentRepository<SurveyResponse> delegate) {
            super(SurveyResponses.KIND, delegate);
        }
    }

    private static final class Library extends ForwardingDocumentRepository<LibraryEntry> implements LibraryEntries {
        Library(JdbcDocumentRepository<LibraryEntry> delegate) {
            super(LibraryEntries.KIND, delegate);
        }
    }

    private static final class Groups extends ForwardingDocumentRepository<PeerGroup> implements PeerGroups {
        Groups(JdbcDocumentRepository<PeerGroup> delegate) {
            super(PeerGroups.KIND, delegate);
        }
    }

    private static final class FormationStore extends ForwardingDocumentRepository<Formation> implements Formations {
        FormationStore(JdbcDocumentRepository<Formation> delegate) {
            super(Formations.KIND, delegate);
        }
    }

    private static final class Feedback extends ForwardingDocumentRepository<FeedbackAssessment>
            implements FeedbackAssessments {
        Feedback(JdbcDocumentRepository<FeedbackAssessment> delegate) {
            super(FeedbackAssessments.KIND, delegate);
        }
    }

    private static final class ProgrammeStore extends ForwardingDocumentRepository<Programme> implements Programmes {
        ProgrammeStore(JdbcDocumentRepository<Programme> delegate) {
            super(Programmes.KIND, delegate);
        }
    }

    private static final class Reflections extends ForwardingDocumentRepository<ReflectionAssignment>
            implements ReflectionAssignments {
        Reflections(JdbcDocumentRepository<ReflectionAssignment> delegate) {
            super(ReflectionAssignments.KIND, delegate);
        }
    }

    private final GrowConversations growConversations;
    private final DevelopmentPlans developmentPlans;
    private final Experiments experiments;
    private final Surveys surveys;
    private final SurveyResponses surveyResponses;
    private final LibraryEntries libraryEntries;
    private final PeerGroups peerGroups;
    private final Formations formations;
    private final FeedbackAssessments feedbackAssessments;
    private final Programmes programmes;
    private final ReflectionAssignments reflectionAssignments;
    private final PersonalDataService personalData;

    private KasvuRepositories(KasvuDatabase database, KasvuJson json, Clock clock) {
        JdbcDocumentRepository<GrowConversation> grow = repository(database, json, clock, GrowConversations.KIND);
        JdbcDocumentRepository<DevelopmentPlan> plans = repository(database, json, clock, DevelopmentPlans.KIND);
        JdbcDocumentRepository<Experiment> experimentRows = repository(database, json, clock, Experiments.KIND);
        JdbcDocumentRepository<LibraryEntry> library = repository(database, json, clock, LibraryEntries.KIND);
        JdbcDocumentRepository<PeerGroup> groups = repository(database, json, clock, PeerGroups.KIND);
        JdbcDocumentRepository<Formation> formationRows = repository(database, json, clock, Formations.KIND);
        JdbcDocumentRepository<FeedbackAssessment> feedback = repository(database, json, clock, FeedbackAssessments.KIND);
        JdbcDocumentRepository<Programme> programmeRows = repository(database, json, clock, Programmes.KIND);
        JdbcDocumentRepository<ReflectionAssignment> reflections = repository(database, json, clock,
                ReflectionAssignments.KIND);
        this.growConversations = new Grow(grow);
        this.developmentPlans = new Plans(plans);
        this.experiments = new ExperimentStore(experimentRows);
        this.surveys = new SurveyStore(repository(database, json, clock, Surveys.KIND));
        this.surveyResponses = new ResponseStore(repository(database, json, clock, SurveyResponses.KIND));
        this.libraryEntries = new Library(library);
        this.peerGroups = new Groups(groups);
        this.formations = new FormationStore(formationRows);
        this.feedbackAssessments = new Feedback(feedback);
        this.programmes = new ProgrammeStore(programmeRows);
        this.reflectionAssignments = new Reflections(reflections);
        this.personalData = PersonalDataService.builder(clock)
                .register(grow, GrowPersonalData.POLICY)
                .register(plans, PlanPersonalData.POLICY)
                .register(experimentRows, ExperimentPersonalData.POLICY)
                .register(library, LibraryPersonalData.POLICY)
                .register(groups, PeerPersonalData.GROUPS)
                .register(formationRows, PeerPersonalData.FORMATIONS)
                .register(feedback, FeedbackPersonalData.POLICY)
                .register(programmeRows, ProgrammePersonalData.PROGRAMMES)
                .register(reflections, ProgrammePersonalData.REFLECTIONS)
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

    /** Library entries. */
    public LibraryEntries libraryEntries() {
        return libraryEntries;
    }

    /** Peer groups over their life. */
    public PeerGroups peerGroups() {
        return peerGroups;
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

    /** Export and erasure of one person across every aggregate that holds personal data. */
    public PersonalDataService personalData() {
        return personalData;
    }
}

package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.Hashes;
import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.lms.web.Activity;
import fi.kasvu.lms.web.Answer;
import fi.kasvu.lms.web.Call;
import fi.kasvu.lms.web.CourseServices;
import fi.kasvu.lms.web.PageSession;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Views;
import fi.kasvu.survey.CultureElement;
import fi.kasvu.survey.CultureStatements;
import fi.kasvu.survey.Question;
import fi.kasvu.survey.RespondentGroup;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyBallots;
import fi.kasvu.survey.SurveyEvents;
import fi.kasvu.survey.SurveyKeys;
import fi.kasvu.survey.SurveyParticipations;
import fi.kasvu.survey.SurveyProblem;
import fi.kasvu.survey.SurveyResponses;
import fi.kasvu.survey.SurveyRound;
import fi.kasvu.survey.SurveyService;
import fi.kasvu.survey.Surveys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two survey kinds as LMS activities: the work-culture self-assessment (the six building
 * blocks of seed 004, statements on a 1–5 scale and a comment per block) and the pulse survey
 * (statements from a bank that includes the coaching-approach indicator, or the organiser's
 * own). The organiser opens and closes rounds; a learner answers once per round and may change
 * the answer while it is open, through a ballot key only their browser holds
 * ({@link SurveyBallots}); results show only what core's disclosure control lets through.
 */
public final class SurveyActivity implements Activity, AutoCloseable {

    /** The kinds' ids. */
    public static final String CULTURE = SurveyKeys.CULTURE, PULSE = SurveyKeys.PULSE;

    /** The base name of the survey kinds' text bundles. */
    public static final String TEXTS = "fi.kasvu.lms.activity.survey.messages";

    /** The organisation every respondent of a course survey belongs to. */
    static final String ORGANISATION = "course";

    /** The longest comment kept. */
    static final int MAX_COMMENT = fi.kasvu.survey.Answer.Text.MAX_CHARS;

    /** Ballots are written in batches of this many or more (drawn per batch up to {@link #MAX_BATCH}). */
    static final int MIN_BATCH = 3, MAX_BATCH = 5;

    private final boolean pulse;
    private final Surveys surveys;
    private final SurveyService service;
    private final SurveyBallots ballots;
    private final Clock clock;
    private final fi.kasvu.survey.SurveyReportings reportings;
    private final CourseServices course;
    private final fi.kasvu.survey.TeamDiscussions discussions;
    private final SurveyResponses responses;
    private final SurveyParticipations participations;

    private SurveyActivity(boolean pulse, Surveys surveys, SurveyResponses responses,
                           SurveyParticipations participations, fi.kasvu.survey.SurveyReportings reportings,
                           CourseServices course, fi.kasvu.survey.TeamDiscussions discussions, Clock clock,
                           SurveyBallots.Apart apart) {
        this.pulse = pulse;
        this.responses = responses;
        this.participations = participations;
        this.course = Require.nonNull("course", course);
        this.discussions = Require.nonNull("discussions", discussions);
        this.reportings = Require.nonNull("reportings", reportings);
        this.surveys = Require.nonNull("surveys", surveys);
        this.clock = Require.nonNull("clock", clock);
        this.service = SurveyService.of(surveys, responses, SurveyEvents.none(), clock, IdGenerator.uuids());
        this.ballots = SurveyBallots.of(surveys, responses, participations, clock)
                .mixing(MIN_BATCH, MAX_BATCH, new java.security.SecureRandom()).writingApart(apart);
    }

    /**
     * This kind writing each batch of ballots (and the close of a round) in a transaction of its
     * own through the units, apart from the learner's request that completed the batch: that
     * request's rollback cannot lose the other learners' ballots in it (docs/surveys.md).
     */
    public SurveyActivity writingBallotsApart(fi.kasvu.lms.web.UnitOfWork units) {
        Require.nonNull("units", units);
        return new SurveyActivity(pulse, surveys, responses, participations, reportings, course, discussions, clock,
                units::apart);
    }

    /** Writes the ballots still waiting for their batch (the server is stopping). */
    @Override
    public void close() {
        ballots.flushAll();
    }

    /** The culture self-assessment on core's ports. */
    public static SurveyActivity culture(Surveys surveys, SurveyResponses responses,
                                         SurveyParticipations participations,
                                         fi.kasvu.survey.SurveyReportings reportings, Clock clock) {
        return culture(surveys, responses, participations, reportings, CourseServices.none(),
                fi.kasvu.survey.TeamDiscussions.inMemory(clock), clock);
    }

    /** The culture self-assessment on core's ports, with the course's groups for breakdowns and team notes. */
    public static SurveyActivity culture(Surveys surveys, SurveyResponses responses,
                                         SurveyParticipations participations,
                                         fi.kasvu.survey.SurveyReportings reportings, CourseServices course,
                                         fi.kasvu.survey.TeamDiscussions discussions, Clock clock) {
        return new SurveyActivity(false, surveys, responses, participations, reportings, course, discussions, clock,
                SurveyBallots.Apart.inline());
    }

    /** The pulse survey on core's ports. */
    public static SurveyActivity pulse(Surveys surveys, SurveyResponses responses,
                                       SurveyParticipations participations,
                                       fi.kasvu.survey.SurveyReportings reportings, Clock clock) {
        return pulse(surveys, responses, participations, reportings, CourseServices.none(),
                fi.kasvu.survey.TeamDiscussions.inMemory(clock), clock);
    }

    /** The pulse survey on core's ports, with the course's groups for breakdowns and team notes. */
    public static SurveyActivity pulse(Surveys surveys, SurveyResponses responses,
                                       SurveyParticipations participations,
                                       fi.kasvu.survey.SurveyReportings reportings, CourseServices course,
                                       fi.kasvu.survey.TeamDiscussions discussions, Clock clock) {
        return new SurveyActivity(true, surveys, responses, participations, reportings, course, discussions, clock,
                SurveyBallots.Apart.inline());
    }

    @Override
    public String kind() {
        return pulse ? PULSE : CULTURE;
    }

    @Override
    public LocalizedText name() {
        return pulse ? LocalizedText.of("Pulssikysely", "Pulsenkät", "Pulse survey")
                : LocalizedText.of("Työkulttuurin itsearvio", "Självvärdering av arbetskulturen",
                "Culture self-assessment");
    }

    @Override
    public LocalizedText description() {
        return pulse ? LocalizedText.of(
                "Lyhyt kysely kierroksittain: valitse väittämät pankista (mukana valmentavan työotteen mittari) "
                        + "tai kirjoita omasi. Vastaukset ovat nimettömiä; tuloksia näytetään vain vähintään kolmen ryhmistä.",
                "En kort enkät i omgångar: välj påståenden ur banken (med mätaren för coachande arbetssätt) "
                        + "eller skriv egna. Svaren är anonyma; resultat visas bara för grupper på minst tre.",
                "A short survey in rounds: pick statements from the bank (including the coaching-approach "
                        + "indicator) or write your own. Answers are anonymous; results show only groups of three or more.")
                : LocalizedText.of(
                "Tiimi arvioi työkulttuurin kuutta rakennuspalikkaa asteikolla 1–5 ja voi kommentoida kutakin. "
                        + "Vastaukset ovat nimettömiä; tuloksia näytetään vain vähintään kolmen ryhmistä.",
                "Teamet bedömer arbetskulturens sex byggstenar på en skala 1–5 och kan kommentera var och en. "
                        + "Svaren är anonyma; resultat visas bara för grupper på minst tre.",
                "The team assesses the six building blocks of its work culture on a 1–5 scale and may comment on "
                        + "each. Answers are anonymous; results show only groups of three or more.");
    }

    @Override
    public String texts() {
        return TEXTS;
    }

    // ---- placing ----

    @Override
    public List<Views.Field> settingsFields(PageTexts t, Map<String, String> form, Map<String, String> errors) {
        List<Views.Field> fields = new ArrayList<>();
        if (pulse) {
            boolean submitted = !form.isEmpty();
            for (Question.Likert statement : SurveySettings.statementBank()) {
                boolean checked = submitted ? form.containsKey("stmt." + statement.id())
                        : CultureStatements.COACHING_APPROACH_IDS.contains(statement.id());
                String hint = statement.element() == null ? t.t("settings.indicator")
                        : statement.element().title().in(t.language());
                fields.add(new Views.Field("stmt." + statement.id(), statement.text().in(t.language()), hint, "on",
                        "checkbox", 0, errors.get("stmt." + statement.id()), List.of(), checked, false));
            }
            fields.add(new Views.Field("own", t.t("settings.own"), t.t("settings.own.hint", SurveySettings.MAX_OWN),
                    form.getOrDefault("own", ""), "textarea", 0, errors.get("own"), List.of(), false, false));
        }
        fields.add(new Views.Field("units", t.t("settings.units"), t.t("settings.units.hint", SurveySettings.MAX_UNITS),
                form.getOrDefault("units", ""), "textarea", 0, errors.get("units"), List.of(), false, false));
        fields.add(new Views.Field("groups", t.t("settings.groups"), t.t("settings.groups.hint"), "on", "checkbox", 0,
                errors.get("groups"), List.of(), form.containsKey("groups"), false));
        return fields;
    }

    @Override
    public Settings readForm(Map<String, String> form, PageTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        String unitsText = form.getOrDefault("units", "");
        Optional<List<String>> units = SurveySettings.validUnits(SurveySettings.lines(unitsText));
        if (units.isEmpty()) {
            errors.put("units", t.t("settings.error.units", SurveySettings.MAX_UNITS, SurveySettings.MAX_UNIT));
        }
        boolean groups = form.containsKey("groups");
        if (groups && units.isPresent() && !units.get().isEmpty()) {
            errors.put("groups", t.t("settings.error.groups"));
        }
        if (!pulse) {
            return errors.isEmpty()
                    ? Settings.accepted(new SurveySettings(List.of(), List.of(), units.orElseThrow(), groups)
                    .toCustom(false))
                    : Settings.refused(errors);
        }
        List<String> bank = SurveySettings.statementBank().stream().map(Question::id)
                .filter(id -> form.containsKey("stmt." + id)).toList();
        Optional<List<LocalizedText>> own = SurveySettings.validOwn(SurveySettings.lines(form.getOrDefault("own", "")));
        if (own.isEmpty()) {
            errors.put("own", t.t("settings.error.own", SurveySettings.MAX_OWN, SurveySettings.MAX_STATEMENT));
        } else if (bank.isEmpty() && own.get().isEmpty()) {
            errors.put("stmt." + SurveySettings.statementBank().get(0).id(), t.t("settings.error.none"));
        }
        return errors.isEmpty()
                ? Settings.accepted(new SurveySettings(bank, own.orElseThrow(), units.orElseThrow(), groups)
                .toCustom(true))
                : Settings.refused(errors);
    }

    @Override
    public Map<String, String> readCustom(Map<String, String> custom) {
        return SurveySettings.fromCustom(custom, pulse).toCustom(pulse);
    }

    @Override
    public String defaultTitle(Map<String, String> settings, Language language) {
        return name().in(language);
    }

    @Override
    public String resourceId(Map<String, String> settings) {
        return kind();
    }

    // ---- the survey document ----

    /** The survey of the session's activity, created from its settings on first use. */
    Survey survey(PageSession session) {
        String id = surveyId(session);
        Optional<Versioned<Survey>> found = surveys.find(session.tenant(), id);
        if (found.isPresent()) {
            if (session.role() == PageSession.Role.ORGANISER) {
                reporting(session, id);
            }
            return found.get().value();
        }
        SurveySettings settings = settings(session);
        List<Question> questions = new ArrayList<>();
        if (pulse) {
            for (Question.Likert statement : SurveySettings.statementBank()) {
                if (settings.bank().contains(statement.id())) {
                    questions.add(statement);
                }
            }
            for (int i = 0; i < settings.own().size(); i++) {
                questions.add(new Question.Likert("own" + (i + 1), settings.own().get(i), null, true));
            }
        } else {
            questions.addAll(CultureStatements.all());
            for (CultureElement element : CultureElement.values()) {
                questions.add(new Question.FreeText(commentId(element), element.title()));
            }
        }
        String title = session.placement().title();
        Survey survey = new Survey(id, ORGANISATION, pulse ? Survey.Kind.PULSE : Survey.Kind.CULTURE_SELF_ASSESSMENT,
                LocalizedText.of(title, title, title), questions, List.of(), clock.instant());
        if (!surveys.save(session.tenant(), Versioned.unsaved(survey)).isSaved()) {
            survey = surveys.find(session.tenant(), id).orElseThrow().value();
        }
        reporting(session, id);
        return survey;
    }

    SurveySettings settings(PageSession session) {
        return SurveySettings.fromCustom(session.placement().settings(), pulse);
    }

    /** The survey's id: derived from the activity's context, so every launch of it finds the same survey. */
    String surveyId(PageSession session) {
        return surveyIdFor(kind(), session.contextId());
    }

    /**
     * The id of the survey a kind keeps for an activity's context ({@code activity:<resource link id>}).
     */
    public static String surveyIdFor(String kind, String contextId) {
        return SurveyKeys.surveyId(kind, contextId);
    }

    static String commentId(CultureElement element) {
        return "comment-" + element.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    boolean isPulse() {
        return pulse;
    }

    SurveyBallots ballots() {
        return ballots;
    }

    SurveyService service() {
        return service;
    }

    Clock clock() {
        return clock;
    }

    /** The survey's reporting record (unit names, course, published rounds), kept in step with the placement. */
    fi.kasvu.survey.SurveyReporting reporting(PageSession session, String surveyId) {
        List<String> units = settings(session).units();
        String course = session.courseTitle();
        String courseId = session.courseId();
        for (int attempt = 0; attempt < 8; attempt++) {
            var found = reportings.find(session.tenant(), fi.kasvu.survey.SurveyReporting.idOf(surveyId));
            // A session from before course ids were kept ("") leaves the known id as it is.
            String keptId = courseId.isEmpty() ? found.map(f -> f.value().courseId()).orElse("") : courseId;
            if (found.isPresent() && found.get().value().units().equals(units)
                    && found.get().value().course().equals(course) && found.get().value().courseId().equals(keptId)) {
                return found.get().value();
            }
            var next = found.map(f -> f.with(f.value().describing(course, units).inCourse(keptId)))
                    .orElseGet(() -> Versioned.unsaved(fi.kasvu.survey.SurveyReporting.of(surveyId, course, keptId,
                            units)));
            var saved = reportings.save(session.tenant(), next);
            if (saved.isSaved()) {
                return saved.orElseThrow().value();
            }
        }
        throw new java.util.ConcurrentModificationException("reporting of " + surveyId + " kept conflicting");
    }

    /** The fewest members a course group needs before an answer may carry it at all. */
    static final int MIN_GROUP = 3;

    /**
     * The group an answer of this session carries: with breakdowns by the course's groups, the one
     * course group of at least three members the learner belongs to (none if they belong to none
     * or to several, or the platform cannot say); otherwise the unit they stated.
     */
    Optional<String> courseGroupKey(PageSession session) {
        if (!settings(session).courseGroups()) {
            return Optional.empty();
        }
        List<String> mine = courseGroups(session).stream()
                .filter(g -> g.subjects().contains(session.subject())).map(g -> groupKey(g.id())).toList();
        return mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
    }

    /** The course's groups of at least {@link #MIN_GROUP} members, or none if the platform cannot say. */
    List<CourseServices.CourseGroup> courseGroups(PageSession session) {
        if (course.groups(session) instanceof CourseServices.Reply.Done<List<CourseServices.CourseGroup>> done) {
            return done.value().stream().filter(g -> g.subjects().size() >= MIN_GROUP).toList();
        }
        return List.of();
    }

    /** The key a course group has in stored answers: {@code g-<platform id>}, hashed if the id is unusual. */
    static String groupKey(String platformId) {
        if (platformId.matches("[A-Za-z0-9_-]{1,60}")) {
            return "g-" + platformId;
        }
        return "g-h" + Hashes.sha256Hex(platformId, 12);
    }

    /** The course groups of three or more the reader is a member of, if results are broken down by them. */
    List<CourseServices.CourseGroup> teams(PageSession session) {
        if (!settings(session).courseGroups()) {
            return List.of();
        }
        return courseGroups(session).stream().filter(g -> g.subjects().contains(session.subject())).toList();
    }

    fi.kasvu.survey.TeamDiscussions discussions() {
        return discussions;
    }

    /** The groups results are broken down by: the stated units, or the course's groups. */
    List<SurveyFigures.Breakdown> breakdowns(PageSession session, List<fi.kasvu.survey.SurveyResponse> responses,
                                             PageTexts t) {
        Map<String, String> groups = new LinkedHashMap<>();
        if (settings(session).courseGroups()) {
            for (CourseServices.CourseGroup group : courseGroups(session)) {
                groups.put(groupKey(group.id()), group.name().isBlank() ? t.t("results.group", group.id()) : group.name());
            }
        }
        return SurveyFigures.breakdowns(reporting(session, surveyId(session)).units(), groups, responses,
                key -> t.t("results.group", key.substring(2)));
    }

    /** Whether the round's results are published to respondents. */
    boolean published(TenantId tenant, String surveyId, int round) {
        return reportings.find(tenant, fi.kasvu.survey.SurveyReporting.idOf(surveyId))
                .map(p -> p.value().published(round)).orElse(false);
    }

    /** The published rounds. */
    List<Integer> publishedRounds(TenantId tenant, String surveyId) {
        return reportings.find(tenant, fi.kasvu.survey.SurveyReporting.idOf(surveyId))
                .map(p -> p.value().published()).orElse(List.of());
    }

    /** Publishes or withdraws a round's results. */
    void publish(PageSession session, String surveyId, int round, boolean published) {
        reporting(session, surveyId);
        for (int attempt = 0; attempt < 8; attempt++) {
            var found = reportings.find(session.tenant(), fi.kasvu.survey.SurveyReporting.idOf(surveyId)).orElseThrow();
            if (reportings.save(session.tenant(), found.with(found.value().publishing(round, published))).isSaved()) {
                return;
            }
        }
        throw new java.util.ConcurrentModificationException("reporting of " + surveyId + " kept conflicting");
    }

    // ---- learners ----

    @Override
    public Entry enter(PageSession session) {
        Survey survey = survey(session);
        return new Entry(survey.id(), session.language(), "survey");
    }

    @Override
    public Answer handle(Call call) {
        String rest = call.path();
        if (call.session().role() == PageSession.Role.LEARNER) {
            AnswerPage page = new AnswerPage(this, call);
            if (rest.equals("survey")) {
                return call.post() ? page.post() : page.show("");
            } else if (rest.equals("survey/saved") && !call.post()) {
                return page.show(call.texts().t("answer.saved"));
            } else if (rest.equals("survey/replaced") && !call.post()) {
                return page.show(call.texts().t("answer.replaced"));
            } else if (rest.equals("results") && !call.post()) {
                return new ResultsPage(this, call).show("");
            } else if (rest.equals("team") || rest.startsWith("team/")) {
                return team(call);
            }
            return Answer.notFound();
        }
        if (call.session().role() == PageSession.Role.ORGANISER) {
            if (rest.equals("manage")) {
                return call.post() ? manage(call) : managePage(call, "", List.of(), 200);
            } else if (rest.equals("results")) {
                ResultsPage page = new ResultsPage(this, call);
                return call.post() ? page.post() : page.show("");
            } else if (rest.matches("export\\.(csv|xlsx)") && !call.post()) {
                return export(call, rest.endsWith("xlsx"));
            } else if (rest.equals("team") || rest.startsWith("team/")) {
                return team(call);
            }
        }
        return Answer.notFound();
    }

    /**
     * The team discussion page: {@code team?round=R&team=K}, or {@code team/R-K} (the form the
     * language switch returns to, as it keeps no query).
     */
    private Answer team(Call call) {
        if (call.path().equals("team")) {
            TeamPage page = new TeamPage(this, call);
            return call.post() ? page.post() : page.show();
        }
        java.util.regex.Matcher place = java.util.regex.Pattern.compile("team/([0-9]{1,6})-(g-[A-Za-z0-9_-]{1,100})")
                .matcher(call.path());
        if (call.post() || !place.matches()) {
            return Answer.notFound();
        }
        Map<String, String> params = new java.util.HashMap<>(call.parameters());
        params.put("round", place.group(1));
        params.put("team", place.group(2));
        return new TeamPage(this, new Call(call.session(), "team", false, params, call.all(), call.base(),
                call.staticBase(), call.texts(), call.scoreSource())).show();
    }

    // ---- organisers ----

    private Answer export(Call call, boolean xlsx) {
        PageSession session = call.session();
        Survey survey = survey(session);
        int round;
        try {
            round = Integer.parseInt(call.param("round"));
        } catch (NumberFormatException notANumber) {
            return Answer.notFound();
        }
        Optional<SurveyFigures> figures = ResultsPage.figures(this, survey, session, round, call.texts());
        if (figures.isEmpty()) {
            return Answer.notFound();
        }
        SurveyExport export = new SurveyExport(figures.get(), session.placement().title(), call.texts());
        String name = "kasvu-" + kind() + "-round-" + round + (xlsx ? ".xlsx" : ".csv");
        return xlsx ? new Answer.Download(SurveyExport.XLSX, name, export.xlsx())
                : new Answer.Download("text/csv; charset=utf-8", name, export.csv());
    }

    @Override
    public String organiserHome() {
        return "manage";
    }

    private Answer manage(Call call) {
        PageSession session = call.session();
        Survey survey = survey(session);
        PageTexts t = call.texts();
        String action = call.param("do");
        Result<Versioned<Survey>, SurveyProblem> result;
        String notice;
        if (action.equals("open")) {
            result = service.openRound(session.tenant(), survey.id());
            notice = "manage.opened";
        } else if (action.equals("close")) {
            result = ballots.closing(session.tenant(), survey.id(),
                    () -> service.closeRound(session.tenant(), survey.id()));
            notice = "manage.closed";
        } else {
            return managePage(call, "", List.of(new Views.Message("#rounds", t.t("manage.error.action"))), 422);
        }
        if (!result.isAccepted()) {
            List<Views.Message> errors = result.problems().stream()
                    .map(p -> new Views.Message("#rounds", problem(p, t))).toList();
            return managePage(call, "", errors, 409);
        }
        return Answer.redirect(call.base() + "/manage?done=" + action);
    }

    private Answer managePage(Call call, String notice, List<Views.Message> errors, int status) {
        PageSession session = call.session();
        PageTexts t = call.texts();
        Survey survey = survey(session);
        String shown = notice;
        if (shown.isEmpty() && call.param("done").matches("open|close")) {
            shown = t.t(call.param("done").equals("open") ? "manage.opened" : "manage.closed");
        }
        List<SurveyViews.RoundRow> rounds = new ArrayList<>();
        for (SurveyRound round : survey.rounds()) {
            rounds.add(0, new SurveyViews.RoundRow(round.number(), day(round.opened(), t.language()),
                    round.isOpen() ? "" : day(round.closed(), t.language()),
                    ballots.participants(session.tenant(), survey.id(), round.number()),
                    round.isOpen() ? "" : call.base() + "/results?round=" + round.number(), false));
        }
        int open = survey.openRound().map(SurveyRound::number).orElse(0);
        return Answer.page(status, "survey/manage.jte", new SurveyViews.ManageView(
                call.frame(t.t("manage.title"), "manage"), shown, errors, t.t("manage.intro"), rounds, open == 0, open));
    }

    /** A day as people of the language write it. */
    static String day(java.time.LocalDate date, Language language) {
        return language == Language.EN ? date.toString()
                : date.getDayOfMonth() + "." + date.getMonthValue() + "." + date.getYear();
    }

    /** A core problem in the page's language. */
    static String problem(SurveyProblem problem, PageTexts t) {
        return fi.kasvu.i18n.PracticeMessages.message(problem, t.language());
    }

    @Override
    public Progress progress(PageSession session, Map<String, String> people, PageTexts t) {
        Survey survey = survey(session);
        List<Views.Bar> bars = new ArrayList<>();
        int max = 1;
        for (SurveyRound round : survey.rounds()) {
            max = Math.max(max, ballots.participants(session.tenant(), survey.id(), round.number()));
        }
        int i = 0;
        for (SurveyRound round : survey.rounds()) {
            if (i >= 6) {
                break;
            }
            int count = ballots.participants(session.tenant(), survey.id(), round.number());
            int height = count * 170 / max;
            bars.add(new Views.Bar(t.t("progress.round", round.number()), count, 48 + i * 84, 210 - height, height));
            i++;
        }
        return new Progress(List.of(), List.of(), bars, t.t("progress.chart"), t.t("progress.intro"));
    }

    // ---- completion ----

    @Override
    public Completion completion(TenantId tenant, String documentId) {
        return Completion.notYet();
    }

    /**
     * A survey is never graded: its answers are anonymous ballots, and a score per learner would
     * tell the gradebook who answered. The picker offers no grading for it (before, it offered one
     * that no completion could ever fill).
     */
    @Override
    public boolean gradable() {
        return false;
    }
}

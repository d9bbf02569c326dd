package fi.kasvu.lms.cli;

import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.activity.survey.SurveyActivity;
import fi.kasvu.lms.activity.survey.SurveyExport;
import fi.kasvu.lms.activity.survey.SurveyFigures;
import fi.kasvu.lms.lti.jdbc.OwnerOnly;
import fi.kasvu.lms.web.PageTexts;
import fi.kasvu.lms.web.Web;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyReporting;
import fi.kasvu.survey.SurveyResponse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasvu surveys export}: a survey round's showable figures for HR, as CSV or XLSX. */
@Command(name = "surveys", mixinStandardHelpOptions = true,
        description = "Survey results for HR: only the figures the results page shows (groups of three or more, "
                + "nothing that subtracts down to fewer).",
        subcommands = {SurveysCommand.Export.class})
public final class SurveysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu surveys export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes one closed round's showable figures (and the coaching-approach indicator's trend) "
                    + "as CSV, or as XLSX when --out ends in .xlsx. Comments are never exported.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--course", paramLabel = "COURSE-ID",
                description = "Only in this course: the platform's course id (the LTI context id; Moodle: the id in "
                        + "course/view.php?id=…). A course Kasvu does not know, or an activity of another course, is "
                        + "refused.")
        String course;
        @Option(names = "--activity", required = true, paramLabel = "RESOURCE-LINK-ID",
                description = "The activity's LTI resource link id on the platform.")
        String activity;
        @Option(names = "--out", required = true, description = "The file to write (.csv or .xlsx), created owner-only.")
        Path out;
        @Option(names = "--round", description = "The round (default: the newest closed round).")
        Integer round;
        @Option(names = "--language", defaultValue = "fi", description = "fi, sv or en (default: fi).")
        String language;
        @Option(names = "--tenant", description = "Only this tenant (default: every tenant).")
        String tenant;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!language.matches("fi|sv|en")) {
                err.println("surveys export: --language must be fi, sv or en: " + language);
                return 2;
            }
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            boolean xlsx = name.endsWith(".xlsx");
            if (!xlsx && !name.endsWith(".csv")) {
                err.println("surveys export: --out must end in .csv or .xlsx: " + out);
                return 2;
            }
            if (course != null && fi.kasvu.lms.lti.LtiIds.problem("--course", course).isPresent()) {
                err.println("surveys export: " + fi.kasvu.lms.lti.LtiIds.problem("--course", course).get());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                KasvuRepositories repositories = KasvuRepositories.of(db, KasvuJson.create(), Clock.systemUTC());
                String context = Web.contextOf(activity);
                List<Found> found = new ArrayList<>();
                for (String t : tenants(db)) {
                    for (String kind : List.of(SurveyActivity.CULTURE, SurveyActivity.PULSE)) {
                        String id = SurveyActivity.surveyIdFor(kind, context);
                        Optional<Versioned<Survey>> survey = repositories.surveys().find(TenantId.of(t), id);
                        Optional<Versioned<SurveyReporting>> reporting = repositories.surveyReportings()
                                .find(TenantId.of(t), SurveyReporting.idOf(id));
                        if (survey.isPresent() && reporting.isPresent()) {
                            found.add(new Found(t, survey.get().value(), reporting.get().value()));
                        }
                    }
                }
                if (course != null) {
                    if (!knownCourse(db, course)) {
                        err.println("surveys export: unknown course " + quoted(course) + ": no survey in Kasvu "
                                + "belongs to a course with that id. --course takes the platform's course id (the "
                                + "LTI context id; Moodle: the id in course/view.php?id=…), not its name; a survey "
                                + "records its course when its organiser opens it.");
                        return 1;
                    }
                    List<Found> inCourse = found.stream().filter(f -> f.reporting().courseId().equals(course))
                            .toList();
                    if (inCourse.isEmpty() && !found.isEmpty()) {
                        Set<String> elsewhere = new TreeSet<>(found.stream().map(f -> f.reporting().courseId())
                                .filter(id -> !id.isEmpty()).toList());
                        err.println("surveys export: activity " + quoted(activity) + " is not in course "
                                + quoted(course) + (elsewhere.isEmpty()
                                ? " (its course is not recorded yet: its organiser must open it once in Kasvu)"
                                : " (it is in course " + String.join(", ", elsewhere.stream()
                                        .map(SurveysCommand::quoted).toList()) + ")") + "; nothing was written.");
                        return 1;
                    }
                    found = inCourse;
                }
                if (found.isEmpty()) {
                    err.println("surveys export: no survey of activity " + quoted(activity)
                            + (course == null ? "" : " in course " + quoted(course))
                            + " (its organiser must have opened it once in Kasvu)");
                    return 1;
                }
                if (found.size() > 1) {
                    err.println("surveys export: activity " + activity + " is in "
                            + found.size() + " tenants; name one with --tenant");
                    return 1;
                }
                Found one = found.get(0);
                List<SurveyResponse> responses = repositories.surveyResponses()
                        .ofSurvey(TenantId.of(one.tenant()), one.survey().id()).documents().stream()
                        .map(Versioned::value).toList();
                int chosen = round != null ? round : one.survey().rounds().stream().filter(r -> !r.isOpen())
                        .mapToInt(fi.kasvu.survey.SurveyRound::number).max().orElse(0);
                PageTexts texts = PageTexts.in(Language.ofCode(language)).with(SurveyActivity.TEXTS);
                Optional<SurveyFigures> figures = SurveyFigures.broken(one.survey(), chosen, responses,
                        SurveyFigures.breakdowns(one.reporting().units(), java.util.Map.of(), responses,
                                key -> texts.t("results.group", key.substring(2))),
                        texts.language(), texts.t("results.everyone"));
                if (figures.isEmpty()) {
                    err.println("surveys export: round " + chosen + " is not a closed round of this survey "
                            + "(results exist only once a round is closed)");
                    return 1;
                }
                SurveyExport export = new SurveyExport(figures.get(), one.survey().title().in(texts.language()), texts);
                OwnerOnly.createFile(out);
                Files.write(out, xlsx ? export.xlsx() : export.csv());
                spec.commandLine().getOut().println("Wrote round " + chosen + " of \"" + one.survey().title()
                        .in(texts.language()) + "\" to " + out + ": " + figures.get().groups().size()
                        + " groups shown, " + figures.get().hidden().size() + " withheld.");
                return 0;
            }
        }

        /** Whether any survey of the tenants searched records the course id. */
        private boolean knownCourse(KasvuDatabase db, String courseId) throws java.sql.SQLException {
            KasvuRepositories repositories = KasvuRepositories.of(db, KasvuJson.create(), Clock.systemUTC());
            try (Connection c = db.dataSource().getConnection();
                 java.sql.PreparedStatement s = c.prepareStatement(
                         "SELECT tenant, id FROM kasvu_document WHERE kind = 'survey.reporting'")) {
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        if (tenant != null && !tenant.equals(rows.getString(1))) {
                            continue;
                        }
                        Optional<Versioned<SurveyReporting>> reporting = repositories.surveyReportings()
                                .find(TenantId.of(rows.getString(1)), rows.getString(2));
                        if (reporting.isPresent() && reporting.get().value().courseId().equals(courseId)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private Set<String> tenants(KasvuDatabase db) throws java.sql.SQLException {
            if (tenant != null) {
                return Set.of(tenant);
            }
            Set<String> tenants = new TreeSet<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rows = c.createStatement().executeQuery(
                         "SELECT DISTINCT tenant FROM kasvu_document WHERE kind = 'survey.reporting'")) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
            return tenants;
        }

        private record Found(String tenant, Survey survey, SurveyReporting reporting) {
        }
    }

    /** A value from the command line or the database in quotes, control characters and length made safe. */
    static String quoted(String value) {
        String safe = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return "\"" + safe.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}

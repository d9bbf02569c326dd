package fi.kasvu.lms.cli;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.lti.LtiIds;
import fi.kasvu.lms.lti.PendingScore;
import fi.kasvu.lms.lti.jdbc.OwnerOnly;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.KasvuRepositories;
import fi.kasvu.store.jdbc.ScoreStates;
import fi.kasvu.store.jdbc.PersonalDataService;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kasvu gdpr export|erase --person …}: a person's data from every place Kasvu keeps it:
 * the documents the domain's personal-data policies cover, every other document the person owns
 * (the pages' learner records), their scores' delivery states, score posts still waiting in the
 * outbox, open sessions, and the LMS adapter's own tables: reminder contacts, reminders and
 * calendar subscriptions ({@link fi.kasvu.lms.server.LmsPersonalData}).
 */
@Command(name = "gdpr", mixinStandardHelpOptions = true,
        description = "Exports or erases one person's data (GDPR access and erasure requests).",
        subcommands = {GdprCommand.Export.class, GdprCommand.Erase.class})
public final class GdprCommand implements Runnable {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both subcommands share. */
    static final class Target {
        @Option(names = "--person", required = true,
                description = "The person: the platform's user id (LTI sub; Moodle: the user id) or Kasvu person id.")
        String person;
        @Option(names = "--tenant", description = "Only this tenant (default: every tenant).")
        String tenant;
    }

    /** {@code kasvu gdpr export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes everything Kasvu keeps of a person as one JSON document.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;
        @Option(names = "--out", description = "Write to this file (created owner-only) instead of the output.")
        Path out;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            if (LtiIds.problem("--person", target.person).isPresent()) {
                spec.commandLine().getErr().println("gdpr export: " + LtiIds.problem("--person", target.person).get());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                String json = new PersonData(db, target.person).export(target.tenant);
                if (out != null) {
                    OwnerOnly.createFile(out);
                    Files.writeString(out, json, StandardCharsets.UTF_8);
                    spec.commandLine().getOut().println("Wrote " + out);
                } else {
                    spec.commandLine().getOut().println(json);
                }
            }
            return 0;
        }
    }

    /** {@code kasvu gdpr erase}. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erases a person: private documents deleted, shared ones anonymised, queued score posts "
                    + "and sessions removed; reports what could not be erased.")
    static final class Erase implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Target target;
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            if (LtiIds.problem("--person", target.person).isPresent()) {
                spec.commandLine().getErr().println("gdpr erase: " + LtiIds.problem("--person", target.person).get());
                return 2;
            }
            try (KasvuDatabase db = database.openExisting(System.getenv())) {
                List<String> notErased = new ArrayList<>();
                PrintWriter out = spec.commandLine().getOut();
                PersonData.Erased erased = new PersonData(db, target.person).erase(target.tenant, notErased);
                out.println("Erased the person in " + erased.tenants() + " tenants: " + erased.deleted()
                        + " documents deleted, " + erased.anonymised() + " anonymised, " + erased.owned()
                        + " other owned documents deleted, " + erased.scoreStates() + " score states removed, "
                        + erased.scoreTargets() + " remembered score targets removed, "
                        + erased.outbox() + " queued score posts removed (they will not reach the platform), "
                        + erased.sessions() + " sessions ended, " + erased.contacts() + " reminder contacts, "
                        + erased.reminders() + " reminders and " + erased.calendars()
                        + " calendar subscriptions removed.");
                if (notErased.isEmpty()) {
                    out.println("Nothing was left behind in Kasvu's database.");
                    return 0;
                }
                out.println("Could not be erased (an operator must look):");
                notErased.forEach(line -> out.println("  " + line));
                return 1;
            }
        }
    }

    /** One person's data across the database. */
    static final class PersonData {
        private final KasvuDatabase db;
        private final String subject;
        private final PersonId person;
        private final PersonalDataService service;
        private final Set<String> coveredKinds;
        private final fi.kasvu.session.Sessions sessions;
        private final ScoreStates scoreStates;
        private final fi.kasvu.lms.server.LmsPersonalData lms;

        PersonData(KasvuDatabase db, String subject) {
            this.db = db;
            this.subject = subject;
            this.person = LtiIds.person(subject);
            KasvuRepositories repositories = KasvuRepositories.of(db, KasvuJson.create(), Clock.systemUTC());
            this.service = repositories.personalData();
            this.sessions = repositories.sessions();
            this.scoreStates = ScoreStates.of(db);
            this.lms = fi.kasvu.lms.server.LmsPersonalData.on(db);
            this.coveredKinds = Set.copyOf(service.kinds());
        }

        record Erased(int tenants, int deleted, int anonymised, int owned, int scoreStates, int outbox, int sessions,
                      int contacts, int reminders, int calendars, int scoreTargets) {
        }

        String export(String onlyTenant) throws SQLException {
            JsonArrayBuilder tenants = Json.createArrayBuilder();
            for (String tenant : tenants(onlyTenant)) {
                JsonObjectBuilder entry = Json.createObjectBuilder().add("tenant", tenant);
                entry.add("documents", Json.createReader(new StringReader(service.export(TenantId.of(tenant), person)))
                        .readObject());
                JsonArrayBuilder owned = Json.createArrayBuilder();
                for (String[] row : ownedOutsidePolicies(tenant)) {
                    owned.add(Json.createObjectBuilder().add("kind", row[0]).add("id", row[1])
                            .add("document", Json.createReader(new StringReader(row[2])).readValue()));
                }
                entry.add("otherDocuments", owned);
                JsonArrayBuilder scores = Json.createArrayBuilder();
                for (long id : queuedScores(tenant)) {
                    scores.add(id);
                }
                entry.add("queuedScorePosts", scores);
                JsonArrayBuilder states = Json.createArrayBuilder();
                for (ScoreStates.Stored state : scoreStates.ofSubject(TenantId.of(tenant), subject)) {
                    states.add(Json.createObjectBuilder().add("lineItem", state.target().lineItem())
                            .add("kind", state.target().kind()).add("documentId", state.target().documentId())
                            .add("state", state.state().code()).add("score", state.score())
                            .add("maximum", state.maximum()).add("attempts", state.attempts())
                            .add("platformStatus", state.status()).add("platformMessage", state.message())
                            .add("queuedAt", state.queuedAt().toString())
                            .add("updatedAt", state.updatedAt().toString()));
                }
                entry.add("scoreStates", states);
                // Where her scores go when a document is completed on another placement's page.
                entry.add("scoreTargets", lms.exportScoreTargets(TenantId.of(tenant), subject));
                // Reminder contact (address, language, opt-out), reminders and calendar subscriptions.
                lms.export(TenantId.of(tenant), person).forEach(entry::add);
                tenants.add(entry);
            }
            return Json.createObjectBuilder().add("kind", "kasvu.personExport").add("person", subject)
                    .add("tenants", tenants).add("openSessions", openSessions(tenants(onlyTenant))).build().toString();
        }

        Erased erase(String onlyTenant, List<String> notErased) throws SQLException {
            int deleted = 0;
            int anonymised = 0;
            int owned = 0;
            int outbox = 0;
            int states = 0;
            int targets = 0;
            int contacts = 0;
            int reminders = 0;
            int calendars = 0;
            Set<String> tenants = tenants(onlyTenant);
            int sessionsEnded = openSessions(tenants);
            for (String tenant : tenants) {
                sessions.erase(TenantId.of(tenant), person);
                PersonalDataService.ErasureReport report = service.erase(TenantId.of(tenant), person);
                deleted += report.deleted();
                anonymised += report.anonymised();
                if (report.kept() > 0) {
                    notErased.add(tenant + ": " + report.kept() + " documents kept by their policy");
                }
                report.unreadable().forEach(u -> notErased.add(tenant + ": unreadable " + u.kind() + " " + u.id()));
                for (String[] row : ownedOutsidePolicies(tenant)) {
                    owned += update("DELETE FROM kasvu_document WHERE tenant = ? AND kind = ? AND id = ?", tenant,
                            row[0], row[1]);
                }
                states += scoreStates.erase(TenantId.of(tenant), subject);
                targets += lms.eraseScoreTargets(TenantId.of(tenant), subject);
                fi.kasvu.lms.server.LmsPersonalData.Erased lmsErased = lms.erase(TenantId.of(tenant), person);
                contacts += lmsErased.contacts();
                reminders += lmsErased.reminders();
                calendars += lmsErased.calendars();
                for (long id : queuedScores(tenant)) {
                    try (Connection c = db.dataSource().getConnection();
                         PreparedStatement s = c.prepareStatement("DELETE FROM kasvu_outbox WHERE id = ?")) {
                        s.setLong(1, id);
                        outbox += s.executeUpdate();
                    }
                }
            }
            for (String tenant : tenants) {
                if (!ownedOutsidePolicies(tenant).isEmpty() || !queuedScores(tenant).isEmpty()
                        || !scoreStates.ofSubject(TenantId.of(tenant), subject).isEmpty()
                        || lms.scoreTargets(subject).stream().anyMatch(t -> t.tenant().equals(tenant))
                        || lms.holds(TenantId.of(tenant), person)) {
                    notErased.add(tenant + ": documents, score posts, reminders or calendar subscriptions reappeared "
                            + "while erasing; run erase again");
                }
            }
            return new Erased(tenants.size(), deleted, anonymised, owned, states, outbox, sessionsEnded, contacts,
                    reminders, calendars, targets);
        }

        private Set<String> tenants(String onlyTenant) throws SQLException {
            if (onlyTenant != null) {
                return Set.of(onlyTenant);
            }
            Set<String> tenants = new TreeSet<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rows = c.createStatement().executeQuery("SELECT DISTINCT tenant FROM kasvu_document "
                         + "WHERE tenant <> 'kasvu:tool' UNION SELECT DISTINCT tenant FROM kasvu_outbox "
                         + "UNION SELECT DISTINCT tenant FROM kasvu_score_state "
                         + "UNION SELECT DISTINCT tenant FROM kasvu_session")) {
                while (rows.next()) {
                    tenants.add(rows.getString(1));
                }
            }
            tenants.addAll(lms.tenants());
            tenants.addAll(lms.scoreTargetTenants(subject));
            return tenants;
        }

        /** Documents the person owns whose kind no personal-data policy covers (the pages' learner records). */
        private List<String[]> ownedOutsidePolicies(String tenant) throws SQLException {
            List<String[]> found = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement(
                         "SELECT kind, id, document FROM kasvu_document WHERE tenant = ? AND owner = ?")) {
                s.setString(1, tenant);
                s.setString(2, person.value());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        if (!coveredKinds.contains(rows.getString(1))) {
                            found.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                        }
                    }
                }
            }
            return found;
        }

        /** Score posts for the person still waiting in the outbox (they carry the platform's user id). */
        private List<Long> queuedScores(String tenant) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT id, payload FROM kasvu_outbox WHERE tenant = ?")) {
                s.setString(1, tenant);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        try {
                            if (PendingScore.fromJson(rows.getString(2)).score().userId().equals(subject)) {
                                ids.add(rows.getLong(1));
                            }
                        } catch (java.io.IOException | RuntimeException other) {
                            // Another topic's payload: not a score of this person.
                        }
                    }
                }
            }
            return ids;
        }

        /** How many sessions of the person the tenants hold (their tokens are never exported). */
        private int openSessions(Set<String> tenants) {
            int open = 0;
            for (String tenant : tenants) {
                open += sessions.ofPerson(TenantId.of(tenant), person).size();
            }
            return open;
        }

        private int update(String sql, String... values) throws SQLException {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setString(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        }
    }
}

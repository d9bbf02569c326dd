package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code kasvu platform}, {@code kasvu keys} and {@code kasvu serve} on an H2 database in a temporary directory. */
class LtiCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        return run(KasvuCommand.newCommandLine(), args);
    }

    static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    String db() {
        return "jdbc:h2:file:" + dir.resolve("kasvu").toAbsolutePath();
    }

    /** Only {@code kasvu serve} creates a database; the other commands work on one that exists. */
    @org.junit.jupiter.api.BeforeEach
    void createDatabase() {
        fi.kasvu.store.jdbc.KasvuDatabase.open(fi.kasvu.store.jdbc.DatabaseConfig.of(db(), "kasvu", "")).close();
    }

    String[] add(String deployment) {
        return new String[] {"platform", "add", "--db", db(), "--issuer", "https://moodle.example.org", "--client-id",
                "abc", "--auth-url", "https://moodle.example.org/mod/lti/auth.php", "--token-url",
                "https://moodle.example.org/mod/lti/token.php", "--jwks-url",
                "https://moodle.example.org/mod/lti/certs.php", "--deployment-id", deployment};
    }

    @Test
    void platformAddListRemove() {
        Run added = run(add("1"));
        Run again = run(add("2"));
        Run list = run("platform", "list", "--db", db());
        Run removed = run("platform", "remove", "--db", db(), "--issuer", "https://moodle.example.org", "--client-id", "abc");
        Run missing = run("platform", "remove", "--db", db(), "--issuer", "https://moodle.example.org", "--client-id", "abc");

        assertThat(added.exit()).isZero();
        assertThat(added.out()).startsWith("Registered https://moodle.example.org  client abc  active  deployments [1]");
        assertThat(again.out()).startsWith("Updated https://moodle.example.org  client abc  active  deployments [1, 2]");
        assertThat(list.out()).contains("deployments [1, 2]", "auth https://moodle.example.org/mod/lti/auth.php",
                "token https://moodle.example.org/mod/lti/token.php", "keyset https://moodle.example.org/mod/lti/certs.php")
                .hasLineCount(4);
        assertThat(removed.exit()).isZero();
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no registration for issuer https://moodle.example.org and client id abc");
    }

    @Test
    void platformInvite_printsASingleUseUrl_andStoresOnlyItsHash() throws Exception {
        Run invite = run("platform", "invite", "--db", db(), "--base-url", "https://kasvu.example.org",
                "--valid-for", "30");
        Run noBase = run("platform", "invite", "--db", db());
        Run tooLong = run("platform", "invite", "--db", db(), "--base-url", "https://kasvu.example.org",
                "--valid-for", "20000");

        assertThat(invite.exit()).isZero();
        Matcher url = Pattern.compile("https://kasvu.example.org/lti/register/([A-Za-z0-9_-]{43})").matcher(invite.out());
        assertThat(url.find()).isTrue();
        assertThat(invite.out()).contains("works once");
        try (fi.kasvu.store.jdbc.KasvuDatabase db = fi.kasvu.store.jdbc.KasvuDatabase.open(
                fi.kasvu.store.jdbc.DatabaseConfig.of(db(), "kasvu", ""));
             java.sql.Connection c = db.dataSource().getConnection();
             java.sql.ResultSet rows = c.createStatement().executeQuery(
                     "SELECT item_key, item_value FROM kasvu_expiring_value")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).hasSize(64).isNotEqualTo(url.group(1));
            assertThat(rows.getString(2)).doesNotContain(url.group(1));
        }
        assertThat(noBase.exit()).isEqualTo(2);
        assertThat(noBase.err()).contains("--base-url");
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--valid-for must be 1..10080 minutes: 20000");
    }

    @Test
    void platformApproveAndDisable_changeTheState() {
        run(add("1"));

        Run disabled = run("platform", "disable", "--db", db(), "--issuer", "https://moodle.example.org", "--client-id",
                "abc");
        Run listed = run("platform", "list", "--db", db());
        Run approved = run("platform", "approve", "--db", db(), "--issuer", "https://moodle.example.org",
                "--client-id", "abc");
        Run unknown = run("platform", "approve", "--db", db(), "--issuer", "https://moodle.example.org",
                "--client-id", "nope");

        assertThat(disabled.out()).startsWith("Now disabled: https://moodle.example.org  client abc  disabled");
        assertThat(listed.out()).contains("client abc  disabled");
        assertThat(approved.out()).startsWith("Now active:");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no registration for issuer https://moodle.example.org and client id nope");
    }

    @Test
    void platformAdd_withARelativeUrl_namesIt() {
        String[] args = add("1");
        args[9] = "/mod/lti/auth.php";

        Run run = run(args);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("auth_url must be an absolute http(s) URL: /mod/lti/auth.php");
    }

    @Test
    void keysRotate_keepsThePreviousKeyPublished() {
        Run first = run("keys", "rotate", "--db", db(), "--overlap", "48h");
        Run second = run("keys", "rotate", "--db", db());
        Run list = run("keys", "list", "--db", db());

        assertThat(first.out()).contains("New signing key");
        assertThat(second.out()).contains("stay published for 168 h");
        assertThat(list.out()).hasLineCount(2).contains("published until", "signing");
    }

    @ParameterizedTest
    @CsvSource({"soon", "-1d", "7x"})
    void keysRotate_badOverlap_isNamed(String overlap) {
        Run run = run("keys", "rotate", "--db", db(), "--overlap", overlap);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(overlap);
    }

    @Test
    void serve_printsTheUrlsAndAnswersHealth() throws Exception {
        CommandLine cli = KasvuCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("serve", "--port", "0", "--host", "127.0.0.1", "--db", db()));
        Pattern running = Pattern.compile("Kasvu is running at (\\S+)");
        Matcher matcher = running.matcher("");
        for (int i = 0; i < 600 && !matcher.find(); i++) {
            Thread.sleep(50);
            matcher = running.matcher(out.toString());
        }
        assertThat(out.toString()).contains("kasvu platform invite --base-url", "/lti/jwks");
        URI base = URI.create(matcher.group(1));

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).stop();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }

    @Test
    void serveWithInvite_printsASingleUseLinkThatTheRunningServerKnows() throws Exception {
        CommandLine cli = KasvuCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("serve", "--port", "0", "--host", "127.0.0.1", "--db", db(), "--invite"));
        Pattern link = Pattern.compile("Registration link \\(works once, until \\S+\\): (\\S+)");
        Matcher matcher = link.matcher("");
        for (int i = 0; i < 600 && !matcher.find(); i++) {
            Thread.sleep(50);
            matcher = link.matcher(out.toString());
        }
        URI invite = URI.create(matcher.group(1));
        URI forged = invite.resolve("forged-invite-token");

        HttpResponse<String> withoutConfiguration = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(invite).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forgedAnswer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.ofString());
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).stop();

        assertThat(invite.getPath()).startsWith("/lti/register/");
        assertThat(withoutConfiguration.statusCode()).as("a known invite without openid_configuration").isEqualTo(400);
        assertThat(forgedAnswer.statusCode()).as("an unknown invite").isEqualTo(403);
        assertThat(exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
}

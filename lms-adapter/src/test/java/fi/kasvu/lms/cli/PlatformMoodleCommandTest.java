package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.lms.moodle.fake.FakeMoodle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kasvu platform moodle} against the fake Moodle on an H2 database in a temporary directory. */
class PlatformMoodleCommandTest {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    FakeMoodle moodle;
    String issuer;
    Path tokenFile;

    String db() {
        return "jdbc:h2:file:" + dir.resolve("kasvu").toAbsolutePath();
    }

    @BeforeEach
    void setUp() throws Exception {
        moodle = FakeMoodle.start(TOKEN, 12, "PEER", "Peer groups", List.of());
        issuer = moodle.url().toString().replaceAll("/$", "");
        tokenFile = Files.writeString(dir.resolve("moodle.token"), TOKEN + "\n");
        fi.kasvu.store.jdbc.KasvuDatabase.open(fi.kasvu.store.jdbc.DatabaseConfig.of(db(), "kasvu", "")).close();
        LtiCommandsTest.Run added = LtiCommandsTest.run(KasvuCommand.newCommandLine(), "platform", "add", "--db", db(),
                "--issuer", issuer, "--client-id", "abc", "--auth-url", issuer + "/mod/lti/auth.php", "--token-url",
                issuer + "/mod/lti/token.php", "--jwks-url", issuer + "/mod/lti/certs.php", "--deployment-id", "1");
        assertThat(added.exit()).as(added.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        moodle.close();
    }

    LtiCommandsTest.Run kasvu(String... args) {
        return LtiCommandsTest.run(KasvuCommand.newCommandLine(), args);
    }

    @Test
    void configure_checksTheTokenWithMoodle_storesIt_listsIt_andRemovesIt() throws Exception {
        LtiCommandsTest.Run stored = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id", "abc",
                "--url", issuer, "--token-file", tokenFile.toString());

        assertThat(stored.exit()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("Moodle answered: Kasvu fake Moodle", "as kasvu-sync",
                "Stored the Moodle web services of " + issuer + " client abc: " + issuer + "/", "encrypted at rest");
        LtiCommandsTest.Run list = kasvu("platform", "list", "--db", db());
        assertThat(list.out()).contains("moodle web services " + issuer + "/");
        assertThat(stored.out() + stored.err() + list.out()).doesNotContain(TOKEN);
        assertThat(Files.readString(dir.resolve("kasvu.mv.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the token is not in the database file in the clear").doesNotContain(TOKEN);

        LtiCommandsTest.Run again = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id", "abc",
                "--url", issuer, "--token-file", tokenFile.toString(), "--no-check");
        assertThat(again.out()).contains("Replaced the Moodle web services");

        LtiCommandsTest.Run removed = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id",
                "abc", "--remove");
        assertThat(removed.exit()).isZero();
        assertThat(kasvu("platform", "list", "--db", db()).out()).doesNotContain("moodle web services");
        assertThat(kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id", "abc", "--remove")
                .exit()).isEqualTo(1);
    }

    @Test
    void aWrongToken_anUnknownRegistration_andAnotherOrigin_storeNothing() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.token"), "ffffffffffffffffffffffffffffffff\n");
        LtiCommandsTest.Run refused = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id", "abc",
                "--url", issuer, "--token-file", wrong.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("Moodle refused the token", "nothing stored");

        LtiCommandsTest.Run unknown = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id",
                "nope", "--url", issuer, "--token-file", tokenFile.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no registration for issuer " + issuer + " and client id nope");

        String other = issuer.replace("127.0.0.1", "localhost");
        LtiCommandsTest.Run otherOrigin = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id",
                "abc", "--url", other, "--token-file", tokenFile.toString());
        assertThat(otherOrigin.exit()).isEqualTo(2);
        assertThat(otherOrigin.err()).contains("is not on the platform's origin " + issuer, "--allow-other-origin");
        assertThat(kasvu("platform", "list", "--db", db()).out()).doesNotContain("moodle web services");

        LtiCommandsTest.Run allowed = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id",
                "abc", "--url", other, "--token-file", tokenFile.toString(), "--allow-other-origin");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("(another origin, allowed)");

        Path missing = dir.resolve("no-such.token");
        LtiCommandsTest.Run noFile = kasvu("platform", "moodle", "--db", db(), "--issuer", issuer, "--client-id", "abc",
                "--url", issuer, "--token-file", missing.toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains(missing.toString());
        assertThat(refused.out() + refused.err() + allowed.out()).doesNotContain(TOKEN);
    }
}

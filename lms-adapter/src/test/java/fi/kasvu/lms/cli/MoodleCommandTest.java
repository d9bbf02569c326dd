package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.lms.moodle.fake.FakeMoodle;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.Populations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kasvu moodle check} and {@code kasvu moodle sync-groups} against the fake Moodle, with a real groups.json. */
class MoodleCommandTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private FakeMoodle moodle;
    private Path tokenFile;
    private Path groupsFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        List<Participant> people = new ArrayList<>();
        List<FakeMoodle.User> users = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            Language language = i % 3 == 0 ? Language.SV : Language.FI;
            people.add(Populations.person("p" + i, "Org " + i, List.of(language), null));
            users.add(new FakeMoodle.User(200 + i, "p" + i, "Name", "p" + i, "p" + i + "@example.fi", "p" + i,
                    language.code(), true));
        }
        Formation formation = GroupFormation.form(FormationRequest.of("triad-cli", GroupKind.PEER_TRIAD, people, 7)
                .withMeetings(new MeetingPlan(LocalDate.of(2027, 2, 4), 3, 4)));
        groupsFile = Files.writeString(dir.resolve("groups.json"), KasvuJson.create().toJson(formation));
        tokenFile = Files.writeString(dir.resolve("moodle.token"), TOKEN + "\n");
        moodle = FakeMoodle.start(TOKEN, 12, "PEER-2027", "Vertaisryhmät 2027", users);
    }

    @AfterEach
    void tearDown() {
        moodle.close();
    }

    private int kasvu(String... args) {
        CommandLine cli = KasvuCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void check_printsSiteUserAndThatNothingIsMissing() {
        int status = kasvu("moodle", "check", "--url", moodle.url().toString(), "--token-file", tokenFile.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Site:    Kasvu fake Moodle", "User:    kasvu-sync (Kasvu Sync, id 2)",
                "Peer-group sync: every function is there.");
        assertThat(out.toString() + err).doesNotContain(TOKEN);
    }

    @Test
    void check_namesMissingFunctionsAndExitsThree() {
        moodle.withoutFunctions("core_group_create_groupings", "mod_lti_get_tool_types");

        int status = kasvu("moodle", "check", "--url", moodle.url().toString(), "--token-file", tokenFile.toString());

        assertThat(status).isEqualTo(3);
        assertThat(out.toString()).contains("Peer-group sync: missing core_group_create_groupings",
                "Other Kasvu functions missing: mod_lti_get_tool_types");
    }

    @Test
    void check_withABadToken_saysMoodleRefused() throws Exception {
        Files.writeString(tokenFile, "ffffffffffffffffffffffffffffffff");

        int status = kasvu("moodle", "check", "--url", moodle.url().toString(), "--token-file", tokenFile.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("invalidtoken").doesNotContain("ffffffffffffffff");
    }

    @Test
    void syncGroups_dryRunThenRunThenRerun() {
        String[] base = {"moodle", "sync-groups", "--url", moodle.url().toString(), "--token-file", tokenFile.toString(),
                "--course", "PEER-2027", "--groups", groupsFile.toString(), "--batch-size", "2"};

        int dry = kasvu(concat(base, "--dry-run"));
        assertThat(dry).as(err::toString).isZero();
        assertThat(out.toString()).contains("create grouping kasvu:triad-cli", "groups: create 3, leave alone 0",
                "members: add 9", "group events: create 9", "welcome messages: send 9", "Dry run: nothing was written.");
        assertThat(moodle.changes()).isZero();

        int run = kasvu(base);
        assertThat(run).isZero();
        assertThat(moodle.groupIdnumbers()).containsExactly("kasvu:triad-cli:g1", "kasvu:triad-cli:g2", "kasvu:triad-cli:g3");
        assertThat(moodle.messages()).hasSize(9);
        assertThat(err.toString()).contains("welcome messages: 9/9");
        assertThat(dir.resolve("groups.PEER-2027.moodle-sync.jsonl")).exists();

        int changes = moodle.changes();
        moodle.resetCounts();
        int again = kasvu(base);
        assertThat(again).isZero();
        assertThat(out.toString()).contains("up to date: grouping kept, groups created 0");
        assertThat(moodle.changes()).isEqualTo(changes);
        assertThat(moodle.totalCalls()).isLessThanOrEqualTo(5);
    }

    @Test
    void syncGroups_failureHalfWay_tellsToRunAgain_andTheRerunFinishes() {
        moodle.failOn("core_group_add_group_members", 1, FakeMoodle.Fault.HTTP_500_AFTER);
        String[] args = {"moodle", "sync-groups", "--url", moodle.url().toString(), "--token-file", tokenFile.toString(),
                "--course", "PEER-2027", "--groups", groupsFile.toString()};

        assertThat(kasvu(args)).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 500", "Run the same command again");

        assertThat(kasvu(args)).isZero();
        assertThat(moodle.messages()).hasSize(9);
        assertThat(moodle.events()).hasSize(9);
    }

    @Test
    void syncGroups_badInputs_exitTwoNamingTheProblem() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"kind\":\"peer.formation\"");

        assertThat(kasvu("moodle", "sync-groups", "--url", moodle.url().toString(), "--token-file", tokenFile.toString(),
                "--course", "PEER-2027", "--groups", broken.toString())).isEqualTo(2);
        assertThat(kasvu("moodle", "sync-groups", "--url", moodle.url().toString(), "--token-file", tokenFile.toString(),
                "--course", "PEER-2027", "--groups", groupsFile.toString(), "--batch-size", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("batchSize must be 1..500: 0");
        assertThat(kasvu("moodle", "sync-groups", "--url", moodle.url().toString(), "--token-file", tokenFile.toString(),
                "--course", "NOPE", "--groups", groupsFile.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no visible course with short name NOPE");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}

package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.store.jdbc.DatabaseConfig;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a new user meets it: bad databases, bad files and bad values give one
 * sentence that says what to do, never a stack trace, and never echo more than a short excerpt.
 */
class CommandLineRoughEdgesTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        /** What was printed, checked to hold no stack trace. */
        String errWithoutTrace() {
            assertThat(err).doesNotContain("\tat ", "Exception in thread", "Caused by");
            return err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KasvuCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String h2(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    @Test
    void mistypedH2Path_isRefusedAndNothingIsCreated() {
        Run run = run("keys", "list", "--db", h2("kasvuu"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("no Kasvu database at", "kasvuu.mv.db", "check --db",
                "kasvu serve");
        assertThat(dir.resolve("kasvuu.mv.db")).doesNotExist();
    }

    @Test
    void databaseHeldByAnotherProcess_saysSoInOneSentence() throws Exception {
        String url = h2("kasvu");
        KasvuDatabase.open(DatabaseConfig.of(url, "kasvu", "")).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldH2.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.contains("ready to be held"));
            assertThat(line).as("the holder opened the database").isNotNull();

            Run run = run("platform", "list", "--db", url);

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.errWithoutTrace()).contains("in use by another process", "kasvu serve")
                    .hasLineCount(2);
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    /** Holds an H2 database open, as a running {@code kasvu serve} does, until killed. */
    public static final class HoldH2 {
        public static void main(String[] args) throws Exception {
            try (KasvuDatabase db = KasvuDatabase.open(DatabaseConfig.of(args[0], "kasvu", ""))) {
                System.out.println("ready to be held");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void postgresqlDown_namesTheServerAndWhatToDo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Run run = run("keys", "list", "--db", "jdbc:postgresql://127.0.0.1:" + closed + "/kasvu");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errWithoutTrace()).contains("cannot reach the database server", "127.0.0.1:" + closed,
                "start PostgreSQL or correct --db");
    }

    @Test
    void unknownJdbcScheme_isNamedWithTheFormsThatWork() {
        Run run = run("keys", "list", "--db", "jdbc:mysql://db/kasvu");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("jdbc:mysql", "jdbc:h2:file:PATH", "jdbc:postgresql://HOST/DATABASE")
                .hasLineCount(1);
    }

    @Test
    void keysRotate_refusesAnOverlapBeyondAYear() {
        Run run = run("keys", "rotate", "--overlap", "99999999999d", "--db", h2("kasvu"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("overlap must be at most 365d");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void headerOnlyCsv_exitsTwoAndWritesNothing() throws Exception {
        Path csv = write("p.csv", GroupsCommandTest.HEADER + "\n");

        Run run = run("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--out",
                dir.resolve("groups.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("header but no participant rows");
        assertThat(dir.resolve("groups.json")).doesNotExist();
    }

    @Test
    void unterminatedQuote_isOneSentenceNotACsvException() throws Exception {
        Path csv = write("p.csv", GroupsCommandTest.HEADER + "\np1,\"Aino,a@x.fi,Org,,,,fi,,\n");

        Run run = run("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--out",
                dir.resolve("groups.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("unreadable CSV", "quote").doesNotContain("CSVException");
    }

    @Test
    void hugeBadValuesAndManyBadRows_areEchoedAsExcerptsAndCounted() throws Exception {
        StringBuilder content = new StringBuilder(GroupsCommandTest.HEADER).append('\n');
        content.append("p0,Big,b@x.fi,Org,,,,").append("x".repeat(200_000)).append(",,\n");
        for (int i = 1; i <= 30; i++) {
            content.append("p").append(i).append(",Name,n@x.fi,Org,,,,klingon,,\n");
        }
        Path csv = write("p.csv", content.toString());

        Run run = run("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--out",
                dir.resolve("groups.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace().length()).isLessThan(5_000);
        assertThat(run.err()).contains("31 problems", "(200000 characters)", "… and 11 more problems");
        List<String> listed = new ArrayList<>(run.err().lines().filter(l -> l.startsWith("  line")).toList());
        assertThat(listed).hasSize(20);
    }

    @Test
    void moodle_unknownHostAndClosedPort_nameTheHost() throws Exception {
        Path token = write("token", "0123456789abcdef0123456789abcdef\n");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Run unknown = run("moodle", "check", "--url", "http://no-such-moodle.invalid", "--token-file", token.toString());
        Run refused = run("moodle", "check", "--url", "http://127.0.0.1:" + closed, "--token-file", token.toString());

        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.errWithoutTrace()).contains("unknown host no-such-moodle.invalid");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.errWithoutTrace()).contains("connection refused by 127.0.0.1:" + closed);
    }

    @Test
    void moodle_badTokenFiles_areNamedWithWhatIsWrong() throws Exception {
        Path binary = dir.resolve("token.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Path folder = Files.createDirectory(dir.resolve("tokens"));

        Run missing = run("moodle", "check", "--url", "http://127.0.0.1:1", "--token-file", dir.resolve("nope").toString());
        Run isFolder = run("moodle", "check", "--url", "http://127.0.0.1:1", "--token-file", folder.toString());
        Run notText = run("moodle", "check", "--url", "http://127.0.0.1:1", "--token-file", binary.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errWithoutTrace()).contains("cannot read the token file", "nope: no such file");
        assertThat(isFolder.errWithoutTrace()).contains("cannot read the token file", "tokens: is a folder, not a file");
        assertThat(notText.errWithoutTrace()).contains("cannot read the token file", "token.bin: not a UTF-8 text file");
    }

    @Test
    void serveQuestions_badFileIsRefusedAtStartWithLineNumbers() throws Exception {
        Path bank = write("our-questions.txt", "# ours\ngrow.goal.agency-1.fi Mitä haluat?\ngrow.nophase.a.fi = x\n");

        Run run = run("serve", "--port", "0", "--host", "127.0.0.1", "--db", h2("kasvu"), "--questions", bank.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("2 bad lines", "nothing was started", "line 2", "line 3");
        assertThat(dir.resolve("kasvu.mv.db")).as("checked before the database is opened").doesNotExist();
    }

    @Test
    void serveQuestions_goodFileIsUsedAndANewDatabaseIsAnnounced() throws Exception {
        Path bank = write("our-questions.txt", "grow.goal.agency-1.fi = Mitä haluat saada aikaan?\n"
                + "grow.goal.agency-1.en = What do you want to achieve?\n");
        CommandLine cli = KasvuCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                cli.execute("serve", "--port", "0", "--host", "127.0.0.1", "--db", h2("fresh"), "--questions",
                        bank.toString()));
        try {
            for (int i = 0; i < 600 && !out.toString().contains("Kasvu is running at"); i++) {
                Thread.sleep(50);
            }
            assertThat(out.toString()).contains("Created a new, empty Kasvu database at", "fresh.mv.db",
                    "Kasvu is running at");
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // H2 creates its file with the process's umask; Kasvu makes it owner-only at once.
                try (var files = java.nio.file.Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().startsWith("fresh")).forEach(f -> {
                        try {
                            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                                    java.nio.file.Files.getPosixFilePermissions(f))).as(f.toString())
                                    .isEqualTo("rw-------");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
            assertThat(fi.kasvu.lms.activity.grow.QuestionSource.current().question("grow.goal.agency-1"))
                    .hasValueSatisfying(q -> assertThat(q.in(fi.kasvu.common.Language.EN))
                            .isEqualTo("What do you want to achieve?"));
        } finally {
            ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).stop();
            exit.get(30, java.util.concurrent.TimeUnit.SECONDS);
            fi.kasvu.lms.activity.grow.QuestionSource.use(fi.kasvu.i18n.QuestionBank.builtIn());
        }
    }

    @Test
    void populationBeyondTheLimit_isRefusedBeforeForming() throws Exception {
        StringBuilder content = new StringBuilder(GroupsCommandTest.HEADER).append('\n');
        for (int i = 0; i <= GroupsCommand.MAX_PARTICIPANTS; i++) {
            content.append('p').append(i).append(",N,,O").append(i % 97).append(",,,,fi,,\n");
        }
        Path csv = write("p.csv", content.toString());

        Run run = run("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--out",
                dir.resolve("groups.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errWithoutTrace()).contains("200001 participants", "at most 200000", "split the file");
        assertThat(dir.resolve("groups.json")).doesNotExist();
    }
}

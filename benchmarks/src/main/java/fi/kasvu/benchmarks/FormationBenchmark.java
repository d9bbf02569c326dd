package fi.kasvu.benchmarks;

import fi.kasvu.lms.cli.KasvuCommand;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.Populations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Peer-triad formation at seed-002 scale (90 supervisors from 50 organisations) and at 10,000
 * participants from 300 organisations: the optimiser alone, and the whole {@code kasvu groups form}
 * command (CSV in, groups.json out). See docs/benchmarks.md for how to run it and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class FormationBenchmark {

    /** The scale as participants/organisations. */
    @Param({"90/50", "10000/300"})
    public String scale;

    private List<Participant> people;
    private Path dir;
    private Path csv;

    /** Generates the seeded population and writes it as the command's CSV in a temporary directory. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String[] parts = scale.split("/");
        people = Populations.generate(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 2, 0);
        dir = Files.createTempDirectory("kasvu-bench");
        csv = dir.resolve("people.csv");
        Files.writeString(csv, FormationReport.csv(people));
    }

    /** Deletes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** The optimiser alone. */
    @Benchmark
    public Formation form() {
        return GroupFormation.form(FormationRequest.of("bench", GroupKind.PEER_TRIAD, people, 42));
    }

    /** The whole command: read and check the CSV, form, write groups.json, print the summary. */
    @Benchmark
    public int command() {
        StringWriter out = new StringWriter();
        var cli = KasvuCommand.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--seed", "42",
                "--out", dir.resolve("groups.json").toString());
    }
}

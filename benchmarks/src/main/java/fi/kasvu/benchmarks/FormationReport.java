package fi.kasvu.benchmarks;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints, for each scale, the cohort score against the upper bound for Kasvu, a random grouping
 * and a greedy (GroupAL-like) grouping, with hard-constraint violations and wall-clock times of a
 * cold and a warm run, and the heap in use. Run: see docs/benchmarks.md.
 */
public final class FormationReport {

    private FormationReport() {
    }

    /**
     * Runs the report for 90/50 and 10000/300 (or the scales given as arguments, e.g. {@code 500/80});
     * {@code --csv 10000/300 people.csv} writes that population as the command's CSV instead.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--csv")) {
            String[] parts = args[1].split("/");
            Files.writeString(Path.of(args[2]), csv(Populations.generate(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 2, 0)));
            return;
        }
        List<String> scales = args.length == 0 ? List.of("90/50", "10000/300") : List.of(args);
        System.out.printf(Locale.ROOT, "%-10s %-24s %8s %8s %8s %10s %9s %9s %8s%n", "scale", "grouping", "score", "bound", "gap",
                "violations", "wall ms", "cpu ms", "steps");
        for (String scale : scales) {
            String[] parts = scale.split("/");
            List<Participant> people = Populations.generate(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 2, 0);
            FormationRequest request = FormationRequest.of("report", GroupKind.PEER_TRIAD, people, 42);
            Clock clock = new Clock();
            Formation cold = GroupFormation.form(request);
            row(scale, "kasvu (first run)", cold, clock.lap());
            Formation kasvu = GroupFormation.form(request);
            row(scale, "kasvu (second run)", kasvu, clock.lap());
            int[] sizes = kasvu.groups().stream().mapToInt(g -> g.size()).toArray();
            Formation constructed = GroupFormation.form(request.withMaxIterations(1));
            row(scale, "kasvu construction only", constructed, clock.lap());
            List<List<PersonId>> greedy = Baselines.greedy(people, sizes, 42);
            double[] greedyTime = clock.lap();
            row(scale, "greedy (GroupAL-like)", GroupFormation.evaluate(request, greedy), greedyTime);
            clock.lap();
            row(scale, "random", GroupFormation.evaluate(request, Baselines.random(people, sizes, 42)), null);
            Path dir = Files.createTempDirectory("kasvu-report");
            Path csv = dir.resolve("people.csv");
            Files.writeString(csv, csv(people));
            StringWriter sink = new StringWriter();
            var cli = KasvuCommand.newCommandLine();
            cli.setOut(new PrintWriter(sink));
            cli.setErr(new PrintWriter(sink));
            clock.lap();
            int status = cli.execute("groups", "form", "--participants", csv.toString(), "--kind", "triad", "--seed", "42",
                    "--out", dir.resolve("groups.json").toString());
            double[] command = clock.lap();
            System.out.printf(Locale.ROOT, "%-10s %-24s exit %d, wall %.0f ms, cpu %.0f ms (CSV %d KB in, groups.json %d KB out)%n",
                    scale, "whole command", status, command[0], command[1], Files.size(csv) / 1024,
                    Files.size(dir.resolve("groups.json")) / 1024);
            Files.delete(csv);
            Files.delete(dir.resolve("groups.json"));
            Files.delete(dir);
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf(Locale.ROOT, "%-10s heap used %d MB of max %d MB%n", scale, heap.getUsed() >> 20, heap.getMax() >> 20);
        }
    }

    private static void row(String scale, String name, Formation f, double[] time) {
        System.out.printf(Locale.ROOT, "%-10s %-24s %8.4f %8.4f %8.4f %10d %9s %9s %8d%n", scale, name, f.cohortScore(),
                f.upperBound(), f.gap(), f.violations().size(), time == null ? "-" : String.format(Locale.ROOT, "%.0f", time[0]),
                time == null ? "-" : String.format(Locale.ROOT, "%.0f", time[1]), f.iterations());
    }

    /** Wall-clock and this thread's CPU time since the last lap: CPU time is what a shared machine's load distorts least. */
    private static final class Clock {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long wall = System.nanoTime();
        private long cpu = threads.getCurrentThreadCpuTime();

        double[] lap() {
            long nowWall = System.nanoTime();
            long nowCpu = threads.getCurrentThreadCpuTime();
            double[] lap = {(nowWall - wall) / 1e6, (nowCpu - cpu) / 1e6};
            wall = nowWall;
            cpu = nowCpu;
            return lap;
        }
    }

    /** The population as the command's CSV. */
    static String csv(List<Participant> people) {
        StringBuilder text = new StringBuilder("id,name,email,organisation,unit,site,role,languages,manager_id,interests\n");
        for (Participant p : people) {
            text.append(String.join(",", p.id().value(), p.name(), p.email(), p.organisation(), p.unit(), p.site(),
                    p.role().name(), p.languages().stream().map(Language::code).collect(Collectors.joining(";")),
                    p.manager() == null ? "" : p.manager().value(), String.join(";", p.interests()))).append('\n');
        }
        return text.toString();
    }
}

package fi.kasvu.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of other processes, all their threads, from Linux's {@code /proc}: what a server spent
 * while the load ran, however busy the rest of the machine was.
 */
final class ProcessCpu {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** The user plus system CPU time of the processes so far, in nanoseconds; 0 for none. */
    static long ofAll(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            total += ticks(Path.of("/proc", Long.toString(pid), "stat"));
        }
        return total * NANOS_PER_TICK;
    }

    /**
     * The CPU time of the PostgreSQL backends serving this database (their process title names
     * it: {@code postgres: user database host(port) state}); a pooled tool keeps its backends for
     * the whole run, so none exits unseen. PostgreSQL's shared background processes (WAL writer,
     * checkpointer) are left out, and so are other databases' backends on the same server.
     */
    static long ofPostgresBackends(String database) {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
                        total += ticks(process.resolve("stat"));
                    }
                } catch (IOException | IllegalStateException e) {
                    // The process ended meanwhile.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: " + e.getMessage(), e);
        }
        return total * NANOS_PER_TICK;
    }

    /**
     * The CPU time of the processes' threads so far, in nanoseconds, by what the threads do: the
     * request threads ({@code kasvu-http…}), the JIT compilers ({@code C1/C2 CompilerThread}), the
     * VM and garbage collector ({@code VM Thread}, {@code GC …}; SerialGC collects on the VM thread),
     * and the rest. Threads that ended meanwhile are missing, so a difference may undercount.
     */
    static java.util.Map<String, Long> byThreadGroup(List<Long> pids) {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        for (long pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        String group = name.startsWith("kasvu-http") ? "request"
                                : name.contains("CompilerThre") ? "jit"
                                : name.startsWith("VM Thread") || name.startsWith("GC ") ? "vm+gc" : "other";
                        groups.merge(group, ticks(task.resolve("stat")) * NANOS_PER_TICK, Long::sum);
                    } catch (IOException | IllegalStateException e) {
                        // The thread ended meanwhile.
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }
        return groups;
    }

    /** The one-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long ticks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            throw new IllegalStateException("no such process: " + stat.getParent() + " (" + e.getMessage() + ")", e);
        }
        // The command name may hold spaces; the fields after its closing parenthesis are fixed.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }
}

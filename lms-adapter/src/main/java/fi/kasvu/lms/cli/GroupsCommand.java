package fi.kasvu.lms.cli;

import fi.kasvu.i18n.PeerMessages;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.json.KasvuJsonException;
import fi.kasvu.lms.peer.Forming;
import fi.kasvu.lms.peer.ParticipantCsv;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.MeetingPlan;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.PreviousRounds;
import fi.kasvu.peer.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kasvu groups}: peer-group formation from a participants CSV (see docs/peer-groups.md). */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Peer groups: form triads, reverse-mentoring groups, coaching groups and onboarding pools.",
        subcommands = {GroupsCommand.Form.class})
public final class GroupsCommand implements Runnable {

    /** Exit status when every hard constraint holds. */
    public static final int OK = 0;
    /** Exit status for unusable input: nothing was formed. */
    public static final int UNUSABLE_INPUT = 2;
    /** Exit status when a hard constraint had to be broken; the file is still written. */
    public static final int VIOLATIONS = 3;

    /** The most participants one formation takes (docs/peer-groups.md); larger files are refused before forming. */
    public static final int MAX_PARTICIPANTS = 200_000;

    /**
     * The largest formation file ({@code groups.json}, or earlier rounds) the commands read, in
     * characters: a formation of the largest accepted population is about 80 million.
     */
    static final int MAX_FORMATION_FILE_CHARS = 200_000_000;

    /** Reads formation files the admin gave on the command line, up to {@link #MAX_FORMATION_FILE_CHARS}. */
    static KasvuJson formationFiles() {
        return KasvuJson.withDocumentLimit(MAX_FORMATION_FILE_CHARS);
    }

    /** From this many participants on, formation shows its progress on stderr. */
    static final int SHOW_PROGRESS_FROM = 20_000;

    /** How many problems of a bad file are listed; the rest are counted. */
    static final int SHOWN_PROBLEMS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu groups form}: forms groups and writes {@code groups.json}. */
    @Command(name = "form", mixinStandardHelpOptions = true,
            description = {"Forms peer groups from a participants CSV and writes groups.json.",
                "Exit status: 0 every hard constraint holds, 3 a constraint had to be broken (file still written), "
                        + "2 unusable input."},
            exitCodeOnInvalidInput = UNUSABLE_INPUT)
    static final class Form implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--participants", required = true, paramLabel = "FILE.csv",
                description = "CSV with header id,name,email,organisation,unit,site,role,languages,manager_id,interests"
                        + " (onboarding-pool: and capacity, the newcomers an onboarder takes; empty or 0 for a newcomer)")
        Path participants;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "triad, reverse-mentoring, coaching-group or onboarding-pool")
        String kind;

        @Option(names = "--seed", defaultValue = "1", description = "random seed; the same input and seed give the same result (default 1)")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "groups.json", description = "where to write the result")
        Path out;

        @Option(names = "--group-by", defaultValue = "organisation", paramLabel = "KEY",
                description = "what no two members may share: organisation (default), unit or site")
        GroupingKey groupBy;

        @Option(names = "--previous", paramLabel = "rounds.json",
                description = "earlier rounds (a groups.json or a peer.rounds document) whose partners should not meet again")
        Path previous;

        @Option(names = "--first-meeting", paramLabel = "DATE", description = "plan meetings from this day (ISO date)")
        LocalDate firstMeeting;

        @Option(names = "--meetings", defaultValue = "3", description = "how many meetings to plan (default 3)")
        int meetings;

        @Option(names = "--every-weeks", defaultValue = "4", description = "weeks between meetings (default 4)")
        int everyWeeks;

        @Option(names = "--id", description = "formation id (default: kind, seed and a hash of the participant ids)")
        String id;

        @Option(names = "--context", description = "the programme or course the groups belong to")
        String context;

        @Option(names = "--prefer-other-site", defaultValue = "true", arity = "1", paramLabel = "true|false",
                description = "onboarding-pool: prefer an onboarder at another site than the newcomer (default true)")
        boolean preferOtherSite;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GroupKind groupKind = Forming.kind(kind).orElse(null);
            if (groupKind == null) {
                err.println("--kind must be one of triad, reverse-mentoring, coaching-group, onboarding-pool: "
                        + Failures.excerpt(kind));
                return UNUSABLE_INPUT;
            }
            String csv;
            try {
                csv = readUtf8(participants);
            } catch (IOException e) {
                err.println("cannot read participants file " + Failures.describe(e, participants));
                return UNUSABLE_INPUT;
            }
            boolean pool = groupKind == GroupKind.ONBOARDING_POOL;
            ParticipantCsv.Result read = ParticipantCsv.read(csv, pool);
            if (!read.ok()) {
                err.println(participants + ": " + read.errors().size() + (read.errors().size() == 1 ? " problem" : " problems")
                        + "; nothing was formed:");
                read.errors().stream().limit(SHOWN_PROBLEMS).forEach(e -> err.println("  " + Failures.cap(e)));
                if (read.errors().size() > SHOWN_PROBLEMS) {
                    err.println("  … and " + (read.errors().size() - SHOWN_PROBLEMS) + " more problems (fix these and"
                            + " run again to see the rest).");
                }
                return UNUSABLE_INPUT;
            }
            if (read.participants().isEmpty()) {
                err.println(participants + ": the file has a header but no participant rows; nothing was formed.");
                return UNUSABLE_INPUT;
            }
            if (read.participants().size() > MAX_PARTICIPANTS) {
                err.println(participants + ": " + read.participants().size() + " participants; one formation takes at"
                        + " most " + MAX_PARTICIPANTS + " (split the file, for example by organisation or region).");
                return UNUSABLE_INPUT;
            }
            PreviousRounds rounds = PreviousRounds.none();
            if (previous != null) {
                try {
                    rounds = readPrevious(readUtf8(previous));
                } catch (IOException e) {
                    err.println("cannot read previous rounds " + Failures.describe(e, previous));
                    return UNUSABLE_INPUT;
                } catch (KasvuJsonException e) {
                    err.println(previous + ": " + e.getMessage());
                    return UNUSABLE_INPUT;
                }
            }
            if (pool && previous != null) {
                err.println("--previous does not apply to onboarding pools; nothing was formed.");
                return UNUSABLE_INPUT;
            }
            Forming.Spec spec;
            try {
                spec = new Forming.Spec(id != null ? id : Forming.defaultId(groupKind, read.participants()), groupKind,
                        read.rows().stream().map(r -> new Forming.Person(r.participant(), pool ? r.capacity() : 0)).toList(),
                        seed, groupBy, rounds, firstMeeting == null ? null
                        : new MeetingPlan(firstMeeting, meetings, everyWeeks), context, preferOtherSite);
                if (!pool) {
                    Forming.request(spec);
                }
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return UNUSABLE_INPUT;
            }
            boolean large = read.participants().size() >= SHOW_PROGRESS_FROM;
            long started = System.nanoTime();
            long[] lastShown = {started};
            if (large) {
                err.printf(Locale.ROOT, "forming: %d participants read and checked; building the first grouping…%n",
                        read.participants().size());
                err.flush();
            }
            Formation formation;
            try {
                formation = Forming.form(spec, (done, total, violations) -> {
                    long now = System.nanoTime();
                    if (large && (now - lastShown[0] >= 2_000_000_000L || done >= total)) {
                        lastShown[0] = now;
                        err.printf(Locale.ROOT, "forming: search step %,d (at most %,d; it stops early once nothing can"
                                + " improve), %d hard-constraint units still broken, %.0f s so far%n", done, total,
                                violations, (now - started) / 1e9);
                        err.flush();
                    }
                });
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage() + "; nothing was formed.");
                return UNUSABLE_INPUT;
            }
            if (large) {
                err.printf(Locale.ROOT, "forming: done in %.1f s; writing %s…%n", (System.nanoTime() - started) / 1e9, out);
                err.flush();
            }
            try {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, KasvuJson.create().toJson(formation), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write " + Failures.describe(e, out));
                return UNUSABLE_INPUT;
            }
            summarise(formation, stdout);
            return formation.hardConstraintsHold() ? OK : VIOLATIONS;
        }

        private void summarise(Formation f, PrintWriter out) {
            out.printf(Locale.ROOT, "Formed %d %s from %d participants (seed %d, formation %s).%n", f.groups().size(),
                    f.groups().size() == 1 ? "group" : "groups", f.groups().stream().mapToInt(g -> g.size()).sum(), f.seed(),
                    f.id());
            out.printf(Locale.ROOT, "Cohort score %.4f, upper bound %.4f, gap %.4f.%n", f.cohortScore(), f.upperBound(), f.gap());
            for (String finding : PeerMessages.texts(f.findings(), fi.kasvu.common.Language.EN)) {
                out.println("  " + finding);
            }
            List<Violation> violations = f.violations();
            if (!violations.isEmpty()) {
                out.println(violations.size() + " hard-constraint " + (violations.size() == 1 ? "violation" : "violations") + ":");
                violations.forEach(v -> out.println("  group " + v.group() + ": " + v.constraint() + ": "
                        + PeerMessages.text(v.reason(), fi.kasvu.common.Language.EN)));
            }
            if (!f.unassigned().isEmpty()) {
                out.println(f.unassigned().size() + " unassigned:");
                f.unassigned().forEach(u -> out.println("  " + u.participant().id() + ": "
                        + PeerMessages.text(u.reason(), fi.kasvu.common.Language.EN)));
            }
            out.println("Written to " + this.out + ".");
            out.flush();
        }

        private static PreviousRounds readPrevious(String text) {
            KasvuJson json = formationFiles();
            try {
                return PreviousRounds.of(List.of(json.fromJson(text, Formation.class)));
            } catch (KasvuJsonException e) {
                if (!e.path().equals("$.kind")) {
                    throw e;
                }
                return json.fromJson(text, PreviousRounds.class);
            }
        }

        private static String readUtf8(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}

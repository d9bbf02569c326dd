package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.i18n.PeerMessages;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormedGroup;
import fi.kasvu.peer.HardConstraint;
import fi.kasvu.peer.Participant;
import fi.kasvu.peer.Populations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code kasvu groups form} in-process with files in a temporary directory. */
class GroupsCommandTest {

    static final String HEADER = "id,name,email,organisation,unit,site,role,languages,manager_id,interests";

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = KasvuCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path csv(String name, List<String> rows, String lineEnd) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join(lineEnd, rows) + lineEnd, StandardCharsets.UTF_8);
        return file;
    }

    static List<String> rowsOf(List<Participant> people) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Participant p : people) {
            rows.add(String.join(",", p.id().value(), "\"" + p.name() + "\"", p.email(), p.organisation(), p.unit(), p.site(),
                    p.role().name(), p.languages().stream().map(Language::code).collect(Collectors.joining(";")),
                    p.manager() == null ? "" : p.manager().value(), "\"" + String.join(";", p.interests()) + "\""));
        }
        return rows;
    }

    Formation written(Path file) throws IOException {
        return KasvuJson.create().fromJson(Files.readString(file), Formation.class);
    }

    @Test
    void mobilityCohort_formsThirtyTriadsWithEveryConstraintHolding() throws IOException {
        Path input = csv("people.csv", rowsOf(Populations.mobility(2)), "\n");
        Path output = dir.resolve("groups.json");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "7",
                "--out", output.toString(), "--first-meeting", "2026-01-15", "--meetings", "3");

        assertThat(status).as(err.toString()).isEqualTo(0);
        Formation formation = written(output);
        assertThat(formation.groups()).hasSize(30);
        assertThat(formation.groups().stream().flatMap(g -> g.members().stream()).map(m -> m.participant().id()).distinct())
                .hasSize(90);
        assertThat(formation.violations()).isEmpty();
        assertThat(formation.groups().get(0).meetings()).hasSize(3);
        assertThat(out.toString()).contains("Formed 30 groups from 90 participants", "upper bound");
    }

    @Test
    void largePopulation_showsItsProgress_smallOneStaysQuiet() throws IOException {
        Path large = csv("large.csv", rowsOf(Populations.generate(GroupsCommand.SHOW_PROGRESS_FROM, 200, 3, 0)), "\n");
        Path output = dir.resolve("large.json");

        int status = run("groups", "form", "--participants", large.toString(), "--kind", "triad", "--out",
                output.toString());

        assertThat(status).as(err.toString()).isZero();
        // Search-step lines come every 2 s of searching, so a fast machine may show none; the first
        // and last lines always come.
        assertThat(err.toString())
                .contains("forming: " + GroupsCommand.SHOW_PROGRESS_FROM + " participants read and checked")
                .containsPattern("forming: done in [0-9.]+ s; writing ");
        assertThat(Files.readString(output).length()).as("larger than a stored document may be")
                .isGreaterThan(fi.kasvu.json.KasvuJson.MAX_DOCUMENT_CHARS);
        assertThat(GroupsCommand.formationFiles().fromJson(Files.readString(output), Formation.class).groups())
                .hasSize(GroupsCommand.SHOW_PROGRESS_FROM / 3);
        Path second = dir.resolve("second.json");
        assertThat(run("groups", "form", "--participants", large.toString(), "--kind", "triad", "--seed", "2",
                "--previous", output.toString(), "--out", second.toString())).as(err.toString()).isZero();

        err.getBuffer().setLength(0);
        Path small = csv("small.csv", rowsOf(Populations.generate(30, 30, 9, 0)), "\n");
        assertThat(run("groups", "form", "--participants", small.toString(), "--kind", "triad", "--out",
                dir.resolve("small.json").toString())).isZero();
        assertThat(err.toString()).as("below %d participants nothing is shown", GroupsCommand.SHOW_PROGRESS_FROM)
                .doesNotContain("forming:");
    }

    @Test
    void sameSeed_givesTheSameFile() throws IOException {
        Path input = csv("people.csv", rowsOf(Populations.mobility(3)), "\n");
        run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "5", "--out", dir.resolve("a.json").toString());
        run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "5", "--out", dir.resolve("b.json").toString());

        assertThat(Files.readString(dir.resolve("a.json"))).isEqualTo(Files.readString(dir.resolve("b.json")));
    }

    @Test
    void byteOrderMarkAndCrlf_areTolerated() throws IOException {
        List<String> rows = rowsOf(Populations.generate(9, 9, 4, 0));
        rows.set(0, "\uFEFF" + rows.get(0));
        Path input = csv("bom.csv", rows, "\r\n");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--out",
                dir.resolve("g.json").toString());

        assertThat(status).as(err.toString()).isEqualTo(0);
        assertThat(written(dir.resolve("g.json")).groups()).hasSize(3);
    }

    @Test
    void badRows_areAllReportedWithLineNumbers_andNothingIsFormed() throws IOException {
        Path input = csv("bad.csv", List.of(HEADER,
                "p1,Aino,a@x.fi,Org A,,Helsinki,SUPERVISOR,fi,,",
                ",Nobody,n@x.fi,Org B,,Oulu,SUPERVISOR,fi,,",
                "p1,Aino again,b@x.fi,Org C,,Oulu,SUPERVISOR,fi,,",
                "p3,Bertil,c@x.fi,Org D,,Vaasa,SUPERVISOR,sv;de,,",
                "p4,Cecilia,d@x.fi,Org E,,Turku,SUPERVISOR,fi,p99,",
                "p5,Dan,e@x.fi,Org F,,Turku,SUPERVISOR,fi,p6,",
                "p6,Eeva,f@x.fi,Org G,,Turku,SUPERVISOR,fi,p5,",
                "p7,Too,few,columns"), "\n");
        Path output = dir.resolve("groups.json");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--out", output.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(
                "line 3, column id: missing id",
                "line 4, column id: duplicate id \"p1\" (first on line 2)",
                "line 5, column languages: unknown language \"de\"",
                "line 6, column manager_id: manager_id \"p99\" is not the id of any row",
                "line 7, column manager_id: reporting-line cycle",
                "line 9: 4 columns where the header has 10",
                "nothing was formed");
        assertThat(output).doesNotExist();
    }

    @Test
    void missingHeader_isUnusableInput() throws IOException {
        Path input = csv("noheader.csv", List.of("p1,Aino,a@x.fi,Org A,,Helsinki,SUPERVISOR,fi,,"), "\n");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--out",
                dir.resolve("g.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: header lacks columns");
    }

    @Test
    void unknownKind_isUnusableInput() throws IOException {
        Path input = csv("people.csv", rowsOf(Populations.generate(6, 6, 1, 0)), "\n");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "quartet", "--out",
                dir.resolve("g.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--kind must be one of triad, reverse-mentoring, coaching-group, onboarding-pool: quartet");
    }

    @Test
    void oneOrganisationDominating_writesTheFileAndExitsThree() throws IOException {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 6; i++) {
            rows.add("p" + i + ",Person " + i + ",p" + i + "@x.fi," + (i <= 4 ? "Big Agency" : "Small " + i) + ",,Helsinki,SUPERVISOR,fi,,");
        }
        Path input = csv("skewed.csv", rows, "\n");
        Path output = dir.resolve("groups.json");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--out", output.toString());

        assertThat(status).isEqualTo(3);
        Formation formation = written(output);
        assertThat(formation.violations()).extracting(v -> v.constraint()).containsOnly(HardConstraint.DISTINCT_KEY);
        assertThat(PeerMessages.texts(formation.findings(), Language.EN))
                .anyMatch(f -> f.contains("Organisation Big Agency has 4 of 6 participants; at most 2 triads"));
        assertThat(out.toString()).contains("DISTINCT_KEY");
    }

    @Test
    void previousRound_isAvoidedInTheNextRound() throws IOException {
        Path input = csv("people.csv", rowsOf(Populations.generate(30, 30, 9, 0)), "\n");
        Path first = dir.resolve("round1.json");
        run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--out", first.toString());
        run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "2",
                "--out", dir.resolve("blind.json").toString());

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--seed", "2",
                "--previous", first.toString(), "--out", dir.resolve("round2.json").toString());

        assertThat(status).as(err.toString()).isEqualTo(0);
        List<FormedGroup> before = written(first).groups();
        assertThat(repeatedPairs(before, written(dir.resolve("round2.json")).groups()))
                .isLessThan(Math.max(1, repeatedPairs(before, written(dir.resolve("blind.json")).groups())))
                .isLessThanOrEqualTo(2);
    }

    private static long repeatedPairs(List<FormedGroup> earlier, List<FormedGroup> later) {
        java.util.Set<String> met = new java.util.HashSet<>();
        for (FormedGroup g : earlier) {
            for (var a : g.members()) {
                for (var b : g.members()) {
                    met.add(a.participant().id() + "|" + b.participant().id());
                }
            }
        }
        long repeated = 0;
        for (FormedGroup g : later) {
            for (var a : g.members()) {
                for (var b : g.members()) {
                    if (a != b && met.contains(a.participant().id() + "|" + b.participant().id())) {
                        repeated++;
                    }
                }
            }
        }
        return repeated / 2;
    }

    @Test
    void unreadablePreviousRounds_nameTheJsonPath() throws IOException {
        Path input = csv("people.csv", rowsOf(Populations.generate(6, 6, 1, 0)), "\n");
        Path previous = dir.resolve("rounds.json");
        Files.writeString(previous, "{\"kind\":\"peer.rounds\",\"schemaVersion\":1,\"rounds\":[{\"groups\":[{\"members\":[\"p1\",7]}]}]}");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "triad", "--previous",
                previous.toString(), "--out", dir.resolve("g.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("$.rounds[0].groups[0].members[1]");
    }

    @Test
    void reverseMentoring_mixesSupervisorsAndNewcomers() throws IOException {
        Path input = csv("rm.csv", rowsOf(Populations.generate(40, 25, 5, 0.5)), "\n");
        Path output = dir.resolve("rm.json");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "reverse-mentoring", "--out",
                output.toString());

        assertThat(status).as(out.toString()).isIn(0, 3);
        Formation formation = written(output);
        assertThat(formation.groups()).allSatisfy(g -> assertThat(g.members()).extracting(m -> m.role().name())
                .contains("MENTOR", "MENTEE"));
    }

    @Test
    void onboardingPool_assignsNewcomersToOnboardersWithinCapacity_acrossSites() throws IOException {
        Path input = csv("pool.csv", List.of(HEADER + ",capacity",
                "o1,Onni,o1@x.fi,Agency,,Helsinki,SUPERVISOR,fi;en,,,2",
                "o2,Outi,o2@x.fi,Agency,,Oulu,SUPERVISOR,fi,,,2",
                "n1,Niina,n1@x.fi,Agency,,Helsinki,NEWCOMER,fi,,,",
                "n2,Nils,n2@x.fi,Agency,,Oulu,NEWCOMER,fi,,,0",
                "n3,Noora,n3@x.fi,Agency,,Helsinki,NEWCOMER,fi,,,",
                "n4,Nelli,n4@x.fi,Agency,,Oulu,NEWCOMER,fi,,,"), "\n");
        Path output = dir.resolve("pool.json");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "onboarding-pool",
                "--out", output.toString());

        assertThat(status).as(err.toString()).isEqualTo(0);
        Formation formation = written(output);
        assertThat(formation.groups()).hasSize(2).allSatisfy(g -> {
            assertThat(g.members()).hasSize(3);
            assertThat(g.members()).filteredOn(m -> m.role().name().equals("ONBOARDER")).hasSize(1);
            String site = g.members().stream().filter(m -> m.role().name().equals("ONBOARDER")).findFirst()
                    .orElseThrow().participant().site();
            assertThat(g.members()).filteredOn(m -> m.role().name().equals("ONBOARDEE"))
                    .allSatisfy(m -> assertThat(m.participant().site()).isNotEqualTo(site));
        });
    }

    @Test
    void onboardingPool_withoutCapacityColumn_namesTheColumn() throws IOException {
        Path input = csv("pool.csv", List.of(HEADER, "o1,Onni,o1@x.fi,Agency,,Helsinki,SUPERVISOR,fi,,"), "\n");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "onboarding-pool",
                "--out", dir.resolve("pool.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: header lacks column capacity");
    }

    @Test
    void onboardingPool_badCapacity_namesLineAndColumn() throws IOException {
        Path input = csv("pool.csv", List.of(HEADER + ",capacity", "o1,Onni,o1@x.fi,Agency,,Helsinki,SUPERVISOR,fi,,,99",
                "n1,Niina,n1@x.fi,Agency,,Oulu,NEWCOMER,fi,,,"), "\n");

        int status = run("groups", "form", "--participants", input.toString(), "--kind", "onboarding-pool",
                "--out", dir.resolve("pool.json").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("line 2, column capacity: capacity \"99\" must be a whole number 0..50");
    }
}

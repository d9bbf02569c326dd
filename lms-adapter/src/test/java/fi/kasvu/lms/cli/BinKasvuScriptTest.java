package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.peer.Populations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/kasvu} script, run from another folder than the project's: relative paths in
 * the arguments mean the caller's folder. The script runs in a copy of the project's layout whose
 * {@code kasvu.jar} starts the real {@link KasvuCommand} from this test's class path, so no build
 * and no class-data archive ({@code KASVU_CDS=off}) happen.
 */
class BinKasvuScriptTest {

    @TempDir
    Path dir;

    @Test
    void relativePaths_meanTheCallersFolder_notTheProjectFolder() throws Exception {
        Path project = standInProject();
        Path script = project.resolve("bin/kasvu");

        Path caller = Files.createDirectories(dir.resolve("elsewhere/work"));
        Files.writeString(caller.resolve("p.csv"), String.join("\n", GroupsCommandTest.rowsOf(Populations.mobility(1)))
                + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "groups", "form", "--participants", "p.csv",
                "--kind", "triad", "--out", "groups.json").directory(caller.toFile()).redirectErrorStream(true);
        builder.environment().put("KASVU_CDS", "off");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(0);
        assertThat(output).contains("Formed 30 groups from 90 participants");
        assertThat(caller.resolve("groups.json")).as("written next to the caller's p.csv").isNotEmptyFile();
        assertThat(project.resolve("groups.json")).doesNotExist();
        assertThat(project.resolve("bin/groups.json")).doesNotExist();
    }

    @Test
    void parentFolderPathsAndSpaces_areResolvedFromTheCallersFolder_too() throws Exception {
        Path script = standInProject().resolve("bin/kasvu");
        Path agency = Files.createDirectories(dir.resolve("the agency"));
        Path inputs = Files.createDirectories(agency.resolve("spring round"));
        Path caller = Files.createDirectories(agency.resolve("my work"));
        Files.writeString(inputs.resolve("people 1.csv"), String.join("\n",
                GroupsCommandTest.rowsOf(Populations.mobility(1))) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "groups", "form", "--participants",
                "../spring round/people 1.csv", "--kind", "triad", "--out", "../spring round/groups 1.json")
                .directory(caller.toFile()).redirectErrorStream(true);
        builder.environment().put("KASVU_CDS", "off");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(0);
        assertThat(inputs.resolve("groups 1.json")).as("written beside the input, one folder up from the caller")
                .isNotEmptyFile();
        try (var files = Files.list(caller)) {
            assertThat(files).as("nothing left in the caller's own folder").isEmpty();
        }
    }

    @Test
    void programmeCheck_readsARelativePath_inTheCallersFolder_andExitsOneOnProblems() throws Exception {
        Path script = standInProject().resolve("bin/kasvu");
        Path caller = Files.createDirectories(dir.resolve("agency"));
        Files.writeString(caller.resolve("ours.txt"), "template ours\n  days = 10\n  title.en = Ours\n"
                + "  description.en = D\nphase p\n  days = 0-9\n  title.en = P\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "programme", "check", "ours.txt")
                .directory(caller.toFile()).redirectErrorStream(true);
        builder.environment().put("KASVU_CDS", "off");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("ours.txt:5: Phase p has no events or assignments.");
    }

    /** A copy of the project's layout with the real script and a stand-in jar; returns its folder. */
    private Path standInProject() throws IOException {
        Path project = dir.resolve("project");
        Path script = project.resolve("bin/kasvu");
        Files.createDirectories(script.getParent());
        Files.copy(Path.of("..", "bin", "kasvu").toAbsolutePath().normalize(), script);
        script.toFile().setExecutable(true);
        for (String folder : new String[] {"core", "store-jdbc", "lms-adapter/target"}) {
            Files.createDirectories(project.resolve(folder));
        }
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path jar = project.resolve("lms-adapter/target/kasvu.jar");
        standInJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));

        return project;
    }

    /** A jar whose manifest starts {@link KasvuCommand} with this JVM's class path. */
    private static void standInJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, KasvuCommand.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }
}

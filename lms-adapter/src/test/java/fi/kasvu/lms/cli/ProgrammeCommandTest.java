package fi.kasvu.lms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.i18n.ProgrammeTemplateFile;
import fi.kasvu.programme.ProgrammeTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code kasvu programme check} in-process on files in a temporary directory. */
class ProgrammeCommandTest {

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

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aValidFile_isSummed_up_andExitsZero() throws IOException {
        Path example = file("supervisor-coaching.txt", ProgrammeTemplateFile.example("supervisor-coaching")
                .orElseThrow());

        assertThat(run("programme", "check", example.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("template supervisor-coaching is valid: 181 days, 3 phases, 5 events, "
                + "5 assignments.");
    }

    @Test
    void aFileWithProblems_listsEachAsFileLineMessage_inTheChosenLanguage_andExitsOne() throws IOException {
        String text = ProgrammeTemplateFile.write(ProgrammeTemplates.PEER_MENTORING)
                .replace("  day = 225\n", "  day = 400\n").replace("  kind = meetup\n", "  kind = party\n");
        Path bad = file("ours.txt", text);

        assertThat(run("programme", "check", bad.toString())).isEqualTo(1);
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith(bad + ":").contains(" (kind) \"party\" will not do for kind.");
        assertThat(lines[3]).contains(" (day) Event closing's day 400 is outside the programme's days 0–230.");
        assertThat(lines[4]).isEqualTo(bad + ": 4 problem(s); fix them and check the file again.");

        out.getBuffer().setLength(0);
        assertThat(run("programme", "check", "--language", "fi", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("(day) Tilaisuuden closing päivä 400 on ohjelman päivien 0–230 "
                + "ulkopuolella.");
        // The code is read as every command reads it (Language.ofCode): any case.
        out.getBuffer().setLength(0);
        assertThat(run("programme", "check", "--language", "SV", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("(day) ").doesNotContain("Tilaisuuden", "outside the programme");
    }

    @Test
    void aMissingOrHugeFile_orAnUnknownLanguage_isSaidInOneSentence() throws IOException {
        assertThat(run("programme", "check", dir.resolve("nowhere.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("kasvu programme check: ", "no such file: ").doesNotContain("Exception");

        Path huge = dir.resolve("huge.txt");
        Files.write(huge, new byte[10 * 1024 * 1024]);
        assertThat(run("programme", "check", huge.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(huge + ": The file is too large (10485760 bytes); at most "
                + ProgrammeTemplateFile.MAX_BYTES + " bytes are read.");

        assertThat(run("programme", "check", "--language", "de", huge.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--language must be fi, sv or en");
    }
}

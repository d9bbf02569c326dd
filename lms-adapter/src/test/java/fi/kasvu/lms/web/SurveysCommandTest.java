package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * {@code kasvu surveys export} on a database the real tool wrote: only the figures the results
 * page shows, as CSV and XLSX; and a respondent's GDPR export names the rounds they answered,
 * never an answer.
 */
class SurveysCommandTest {

    @Test
    void export_holdsOnlyShowableFigures_asCsvAndXlsx() throws Exception {
        PagesFixture fixture = PagesFixture.start();
        String db;
        try {
            SurveyPagesHttpTest.run(fixture, "rl-survey-cli");
            // A survey of another course (course-10), opened by its organiser.
            fixture.platform.tamper(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                            List.of(PagesFixture.INSTRUCTOR))
                    .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                            Map.of("locale", "fi-FI", "document_target", "iframe"))
                    .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id",
                            "rl-survey-other", "title", "Toinen"))
                    .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("kasvu_kind",
                            "culture-assessment"))
                    .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "course-10",
                            "label", "L10", "title", "Leadership")));
            PagesHttpTest.NoScriptBrowser other = new PagesHttpTest.NoScriptBrowser();
            assertThat(other.follow(other.launch(fixture.login("org-other", false))).uri().getPath())
                    .endsWith("/manage");
            db = "jdbc:h2:file:" + fixture.dir().resolve("db").resolve("kasvu").toAbsolutePath();
        } finally {
            fixture.close();
        }
        Path csv = fixture.dir().resolve("round-1.csv");
        Path xlsx = fixture.dir().resolve("round-1.xlsx");

        GdprCommandTest.Run toCsv = GdprCommandTest.run("surveys", "export", "--db", db, "--course", "course-9",
                "--activity", "rl-survey-cli", "--out", csv.toString());
        GdprCommandTest.Run toXlsx = GdprCommandTest.run("surveys", "export", "--db", db, "--course", "course-9",
                "--activity", "rl-survey-cli", "--out", xlsx.toString(), "--language", "en");
        Path noCourse = fixture.dir().resolve("no-course.csv");
        GdprCommandTest.Run byActivity = GdprCommandTest.run("surveys", "export", "--db", db,
                "--activity", "rl-survey-cli", "--out", noCourse.toString());
        GdprCommandTest.Run byName = GdprCommandTest.run("surveys", "export", "--db", db, "--course", "Coaching",
                "--activity", "rl-survey-cli", "--out", fixture.dir().resolve("x.csv").toString());
        GdprCommandTest.Run otherCourse = GdprCommandTest.run("surveys", "export", "--db", db, "--course",
                "course-10", "--activity", "rl-survey-cli", "--out", fixture.dir().resolve("z.csv").toString());
        GdprCommandTest.Run controlCharacter = GdprCommandTest.run("surveys", "export", "--db", db, "--course",
                "course\u00079", "--activity", "rl-survey-cli", "--out", fixture.dir().resolve("w.csv").toString());
        GdprCommandTest.Run openRound = GdprCommandTest.run("surveys", "export", "--db", db, "--course", "course-9",
                "--activity", "rl-survey-cli", "--round", "2", "--out", fixture.dir().resolve("y.csv").toString());
        GdprCommandTest.Run person = GdprCommandTest.run("gdpr", "export", "--db", db, "--person",
                "subject-a1-rl-survey-cli");

        assertThat(toCsv.exit()).as(toCsv.err()).isZero();
        assertThat(toCsv.out()).contains("Wrote round 1", "1 groups shown, 2 withheld");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
        String text = Files.readString(csv);
        assertThat(text).contains("Kaikki").doesNotContain("Yksikkö").doesNotContain("Tärkeä kommentti");
        assertThat(text.lines().filter(l -> l.contains(",Kaikki,4,")).count()).isEqualTo(2);
        assertThat(toXlsx.exit()).as(toXlsx.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            assertThat(workbook.getSheet("Figures").getRow(1).getCell(3).getStringCellValue()).isEqualTo("Everyone");
            assertThat(workbook.getSheet("Figures").getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheet("Indicator").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.75);
        }
        assertThat(byActivity.exit()).as(byActivity.err()).isZero();
        assertThat(Files.readString(noCourse)).isEqualTo(text);
        assertThat(byName.exit()).isEqualTo(1);
        assertThat(byName.err()).contains("unknown course \"Coaching\"", "the platform's course id",
                "not its name");
        assertThat(fixture.dir().resolve("x.csv")).doesNotExist();
        assertThat(otherCourse.exit()).as("a known course, but the activity is in another one").isEqualTo(1);
        assertThat(otherCourse.err()).contains("activity \"rl-survey-cli\" is not in course \"course-10\" "
                + "(it is in course \"course-9\")");
        assertThat(fixture.dir().resolve("z.csv")).doesNotExist();
        assertThat(controlCharacter.exit()).isEqualTo(2);
        assertThat(controlCharacter.err()).contains("--course has a control character");
        assertThat(openRound.exit()).isEqualTo(1);
        assertThat(openRound.err()).contains("round 2 is not a closed round");
        assertThat(person.out()).contains("survey.participation", "subject-a1-rl-survey-cli")
                .doesNotContain("subject-a2-rl-survey-cli").doesNotContain("survey.response");
    }
}

package fi.kasvu.lms.activity.survey;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.lms.web.PageTexts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The first XLSX export in a fresh JVM prints no Log4j provider warning: POI's logging API finds
 * the provider named in {@code log4j2.component.properties}. Runs in a child JVM, as the warning
 * is printed once per JVM and other tests may have exported before.
 */
class XlsxLoggingTest {

    /** Writes one export and prints its size; run in the child JVM. */
    public static void main(String[] args) throws Exception {
        List<SurveyFigures.GroupFigures> groups = List.of(new SurveyFigures.GroupFigures(SurveyFigures.ALL, "Everyone", 3,
                List.of(new SurveyFigures.Figure("Dialogue", 3, 4.0, 1.0, List.of(0, 0, 0, 3, 0)))));
        SurveyFigures figures = new SurveyFigures(1, SurveyFiguresTest.DAY, groups, List.of(), List.of(), List.of(), true);
        byte[] xlsx = new SurveyExport(figures, "Survey", PageTexts.in(Language.EN).with(SurveyActivity.TEXTS)).xlsx();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            System.out.println("exported sheets " + workbook.getNumberOfSheets());
        }
    }

    @Test
    void firstXlsxExport_printsNoLog4jProviderWarning() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), XlsxLoggingTest.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("exported sheets").doesNotContain("Log4j").doesNotContain("StatusLogger");
    }
}

package fi.kasvu.lms.activity.survey;

import fi.kasvu.lms.web.PageTexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A round's showable figures for HR, as CSV (Apache Commons CSV) and XLSX (Apache POI): exactly
 * the figures of {@link SurveyFigures}, so nothing the page withholds reaches a file. Comments
 * are not exported. Text cells that a spreadsheet would read as a formula are prefixed with an
 * apostrophe.
 */
public final class SurveyExport {

    /** The XLSX content type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SurveyFigures figures;
    private final String title;
    private final PageTexts t;

    /** The export of these figures, titled, in the texts' language. */
    public SurveyExport(SurveyFigures figures, String title, PageTexts t) {
        this.figures = figures;
        this.title = title;
        this.t = t;
    }

    /** The header and one row per shown figure, then the indicator's trend. */
    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(t.t("export.survey"), t.t("export.round"), t.t("export.closed"), t.t("export.group"),
                t.t("export.respondents"), t.t("results.item"), t.t("results.answers"), t.t("export.mean"),
                t.t("export.agree"), "1", "2", "3", "4", "5"));
        for (SurveyFigures.GroupFigures group : figures.groups()) {
            for (SurveyFigures.Figure figure : group.figures()) {
                List<Object> row = new ArrayList<>(List.of(title, figures.round(), figures.closed().toString(),
                        group.label(), group.respondents(), figure.item(), figure.answers(),
                        Math.round(figure.mean() * 100) / 100.0, Math.round(figure.agreeing() * 1000) / 1000.0));
                row.addAll(figure.distribution());
                rows.add(row);
            }
        }
        return rows;
    }

    /** The indicator's trend rows: round, closed, share (empty when the round showed nothing). */
    List<List<Object>> trendRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(t.t("export.round"), t.t("export.closed"), t.t("export.indicator")));
        for (SurveyFigures.TrendPoint point : figures.trend()) {
            rows.add(List.of(point.round(), point.closed().toString(), point.share().isPresent()
                    ? (Object) (Math.round(point.share().getAsDouble() * 1000) / 1000.0) : ""));
        }
        return rows;
    }

    /** The figures as CSV (RFC 4180, UTF-8). */
    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            for (List<Object> row : rows()) {
                printer.printRecord(row.stream().map(SurveyExport::safe).toList());
            }
            if (figures.trend().stream().anyMatch(p -> p.share().isPresent())) {
                printer.println();
                for (List<Object> row : trendRows()) {
                    printer.printRecord(row.stream().map(SurveyExport::safe).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The figures as an XLSX workbook. */
    public byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(workbook.createSheet(t.t("export.sheet.figures")), rows());
            if (figures.trend().stream().anyMatch(p -> p.share().isPresent())) {
                fill(workbook.createSheet(t.t("export.sheet.trend")), trendRows());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                Cell cell = row.createCell(c);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(value));
                }
            }
        }
    }

    /** A text cell a spreadsheet would run as a formula gets an apostrophe first. */
    static Object safe(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}

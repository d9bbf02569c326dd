package fi.kasvu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code quoted in the README and on each capability page is the example's code, line for line, so the docs cannot rot. */
class DocsQuoteExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"README.md, EmbedCore", "docs/experiments.md, ExperimentExample",
        "docs/development-plans.md, DevelopmentPlanExample", "docs/surveys.md, SurveyExample",
        "docs/library.md, LibraryExample", "docs/feedback-360.md, Feedback360Example",
        "docs/programmes.md, ProgrammeExample"})
    void quoted_code_is_the_examples_code(String page, String example) throws IOException {
        String doc = Files.readString(ROOT.resolve(page), StandardCharsets.UTF_8);
        List<String> source = Files.readAllLines(
                ROOT.resolve("examples/src/main/java/fi/kasvu/examples/" + example + ".java"), StandardCharsets.UTF_8)
                .stream().map(String::strip).toList();
        assertThat(doc).contains("examples/src/main/java/fi/kasvu/examples/" + example + ".java");

        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("a java block in " + page).isTrue();
        List<String> quoted = new ArrayList<>();
        for (String line : block.group(1).split("\n")) {
            if (!line.isBlank()) {
                quoted.add(line.strip());
            }
        }
        int at = 0;
        for (String line : quoted) {
            int found = source.subList(at, source.size()).indexOf(line);
            assertThat(found).as("quoted line in order in " + example + ": " + line).isNotNegative();
            at += found + 1;
        }
        assertThat(quoted).hasSizeGreaterThan(5);
    }
}

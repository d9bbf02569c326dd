package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Names Kasvu wrote, recognised in what Moodle 4.5 lists, against recorded answers
 * ({@code src/test/resources/moodle-fixtures/ws-course-services}): Moodle lists names formatted by
 * {@code format_string}, so the listed name is not the written one.
 */
class MoodleTextTest {

    private static final Path DIR = Path.of("src/test/resources/moodle-fixtures/ws-course-services");

    private static JsonArray groups(String fixture) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(DIR.resolve(fixture + ".json"),
                StandardCharsets.UTF_8)))) {
            return reader.readArray();
        }
    }

    private static String listedName(String fixture, String idnumber) throws IOException {
        return groups(fixture).stream().map(JsonObject.class::cast)
                .filter(group -> idnumber.equals(group.getString("idnumber"))).findFirst().orElseThrow()
                .getString("name");
    }

    @Test
    void aNameWithAnAmpersand_isListedEscaped_andRecognised() throws IOException {
        String listed = listedName("core_group_get_course_groups__name_with_ampersand", "kasvu:amp-check");

        assertThat(listed).as("recorded").isEqualTo("Tiimi A &amp; B").isNotEqualTo("Tiimi A & B");
        assertThat(MoodleText.listed("Tiimi A & B")).isEqualTo(listed);
        assertThat(MoodleText.sameName("Tiimi A & B", listed)).isTrue();
        assertThat(MoodleText.sameName("Tiimi A B", listed)).isFalse();
        assertThat(MoodleText.unescape(listed)).isEqualTo("Tiimi A & B");
    }

    @Test
    void quotesAndNonAsciiAreListedAsWritten_bracketsEscaped_andTagsRefused() throws IOException {
        String written = "Tiimi \"Åsa\" & 'Øy' > 2 < 3";
        String listed = listedName("core_group_get_course_groups__name_with_quotes_and_brackets", "kasvu:quote-check");
        String created;
        try (var reader = Json.createReader(new StringReader(Files.readString(
                DIR.resolve("core_group_create_groups__name_with_quotes_and_brackets.json"), StandardCharsets.UTF_8)))) {
            created = reader.readArray().getJsonObject(0).getString("name");
        }

        assertThat(created).as("the create answer gives the name as sent").isEqualTo(written);
        assertThat(listed).as("recorded").isEqualTo("Tiimi \"Åsa\" &amp; 'Øy' &gt; 2 &lt; 3");
        assertThat(MoodleText.listed(written)).isEqualTo(listed);
        assertThat(MoodleText.sameName(written, listed)).isTrue();
        assertThat(MoodleText.sameName(written, created)).isTrue();
        assertThat(Files.readString(DIR.resolve("errors/core_group_create_groups__name_with_tag.json")))
                .as("PARAM_TEXT refuses a name with a tag").contains("\"invalidparameter\"");
    }

    @Test
    void formatString_leavesEntitiesAndQuotes_escapesLoneAmpersandsAndBrackets() {
        assertThat(MoodleText.listed("R&D \"Ä\" 'ö' x < y > z")).isEqualTo("R&amp;D \"Ä\" 'ö' x &lt; y &gt; z");
        assertThat(MoodleText.listed("A &amp; B")).as("an entity stays").isEqualTo("A &amp; B");
        assertThat(MoodleText.listed("Q&A;")).as("looks like an entity to Moodle").isEqualTo("Q&A;");
        assertThat(MoodleText.listed("<b>Tiimi</b> 1")).isEqualTo("Tiimi 1");
        assertThat(MoodleText.sameName("A &amp; B", "A &amp; B")).isTrue();
        assertThat(MoodleText.sameName("Tiimi", null)).isFalse();
    }

    @Test
    void stripTags_followsPhp_aBracketBeforeSpaceIsText() {
        assertThat(MoodleText.stripTags("a < b")).isEqualTo("a < b");
        assertThat(MoodleText.stripTags("a <b> c")).isEqualTo("a  c");
        assertThat(MoodleText.stripTags("a<b")).as("a tag never closed runs to the end").isEqualTo("a");
        assertThat(MoodleText.stripTags("x <a title=\"1>2\">y</a>")).isEqualTo("x y");
        assertThat(MoodleText.stripTags("x <!-- c > d --> y")).isEqualTo("x  y");
        assertThat(MoodleText.stripTags("a >")).isEqualTo("a >");
    }

    @Test
    void namesKasvuSends_areOnesMoodlesParamTextTakes() {
        // PARAM_TEXT refuses a name strip_tags would change (the whole call, as a bare invalidparameter).
        for (String title : new String[] {"Workshop <intro>", "a<b", "ends with <", "Tiimi A & B", "\"Ö\" 'x'"}) {
            String name = MoodleCourseServices.name(title);
            assertThat(MoodleText.stripTags(name)).as(title).isEqualTo(name);
        }
        assertThat(MoodleCourseServices.name("Workshop <intro>")).isEqualTo("Workshop < intro>");
        assertThat(MoodleCourseServices.name("x".repeat(253) + "<b")).hasSize(253).doesNotContain("<");
    }
}

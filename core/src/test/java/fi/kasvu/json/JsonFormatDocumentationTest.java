package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/json-format.md honest: every JSON example in it is a document Kasvu reads. */
class JsonFormatDocumentationTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void everyExample_readsAsItsKind() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "json-format.md"));
        KasvuJson json = KasvuJson.create();
        List<String> kindsRead = new ArrayList<>();

        Matcher block = JSON_BLOCK.matcher(doc);
        while (block.find()) {
            String example = block.group(1);
            Matcher kind = KIND.matcher(example);
            assertThat(kind.find()).as("example has a kind: " + example).isTrue();
            Object read = null;
            for (Class<?> type : json.supportedTypes()) {
                try {
                    read = json.fromJson(example, type);
                    break;
                } catch (KasvuJsonException e) {
                    if (!e.path().equals("$.kind")) {
                        throw e;
                    }
                }
            }
            assertThat(read).as("no reader for kind " + kind.group(1)).isNotNull();
            kindsRead.add(kind.group(1));
        }

        assertThat(kindsRead).contains("grow.conversation");
    }
}

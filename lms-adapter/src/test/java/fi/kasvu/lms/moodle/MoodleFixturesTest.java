package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fixture copies in the test resources are byte-identical to the shared recordings. */
class MoodleFixturesTest {

    private static final Path COPIES = Path.of("src/test/resources/moodle-fixtures/ws").toAbsolutePath();

    @Test
    void copies_equalTheSharedRecordings() throws Exception {
        Path shared = MoodleFixtures.root().resolve("ws");
        Assumptions.assumeFalse(shared.startsWith(COPIES.getParent()), "shared/moodle-fixtures is not present");
        List<Path> copies;
        try (Stream<Path> files = Files.walk(COPIES)) {
            copies = files.filter(Files::isRegularFile).toList();
        }

        assertThat(copies).hasSizeGreaterThan(100);
        for (Path copy : copies) {
            Path original = shared.resolve(COPIES.relativize(copy).toString());
            assertThat(Files.mismatch(copy, original)).as("%s differs from %s", copy, original).isEqualTo(-1L);
        }
    }
}

package fi.kasvu.lms.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded Moodle 4.5 files: the project's copy in {@code src/test/resources/moodle-fixtures}
 * (so a clean clone tests on its own), else {@code shared/moodle-fixtures} found by walking up.
 */
public final class MoodleFixtures {

    private MoodleFixtures() {
    }

    /** The {@code shared/moodle-fixtures} directory. */
    public static Path root() {
        Path copied = Path.of("src/test/resources/moodle-fixtures").toAbsolutePath();
        if (Files.isDirectory(copied.resolve("lti"))) {
            return copied;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("moodle-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("moodle-fixtures not found in src/test/resources nor above " + Path.of("").toAbsolutePath());
    }

    /** A file under {@code lti/} as text. */
    public static String lti(String relative) {
        try {
            return Files.readString(root().resolve("lti").resolve(relative), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

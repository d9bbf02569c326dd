package fi.kasvu.lms.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded Moodle 4.5 files under {@code shared/moodle-fixtures}, found by walking up from here. */
public final class MoodleFixtures {

    private MoodleFixtures() {
    }

    /** The {@code shared/moodle-fixtures} directory. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("moodle-fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/moodle-fixtures not found above " + Path.of("").toAbsolutePath());
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

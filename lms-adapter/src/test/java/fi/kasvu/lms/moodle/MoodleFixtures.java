package fi.kasvu.lms.moodle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests and responses recorded from a real Moodle 4.5, read at test time from
 * {@code shared/moodle-fixtures} found by walking up from the working directory.
 */
public final class MoodleFixtures {

    /** The token the fixtures were recorded with (a throwaway token of a local test site). */
    public static final String TOKEN = "7da41c4f9e1fed5bd7627cbf9b50ed68";

    private static final Path ROOT = locate();

    private MoodleFixtures() {
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("moodle-fixtures");
            if (Files.isDirectory(candidate.resolve("ws"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        Path copied = Path.of("src/test/resources/moodle-fixtures").toAbsolutePath();
        if (Files.isDirectory(copied.resolve("ws"))) {
            return copied;
        }
        throw new IllegalStateException("shared/moodle-fixtures not found above " + Path.of("").toAbsolutePath());
    }

    /** The fixture directory. */
    public static Path root() {
        return ROOT;
    }

    /** A recorded file under {@code ws/}, such as {@code errors/unknownfunction.json}. */
    public static String ws(String name) {
        try {
            return Files.readString(ROOT.resolve("ws").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded response body of a call, {@code X.json} (or {@code X.xml}). */
    public static String response(String name) {
        Path json = ROOT.resolve("ws").resolve(name + ".json");
        return Files.exists(json) ? ws(name + ".json") : ws(name + ".xml");
    }

    /** The recorded request of a call, decoded into its fields in order. */
    public static Map<String, String> request(String name) {
        return decodeForm(ws(name + ".request.txt").strip());
    }

    /** A form body decoded into its fields in order (PHP reads {@code %5B} and {@code [} alike). */
    public static Map<String, String> decodeForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (fields.put(key, value) != null) {
                throw new IllegalArgumentException("duplicate form key " + key);
            }
        }
        return fields;
    }
}

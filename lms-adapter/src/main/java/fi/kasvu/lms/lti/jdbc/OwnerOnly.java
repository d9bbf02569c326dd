package fi.kasvu.lms.lti.jdbc;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Files and folders only their owner may read (where the file system knows POSIX permissions). */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates a folder and its missing parents, the new ones owner-only. */
    public static void createDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates an empty owner-only file; fails if it exists. */
    public static void createFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Makes a data folder owner-only: created if missing, its permissions and its files' tightened
     * (H2 creates its files with the process's umask, often world-readable).
     */
    public static void secureFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            createDirectories(dir);
        }
        if (!POSIX) {
            return;
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        }
    }
}

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
     * Makes an H2 database's files owner-only: its folder is created owner-only if missing, and the
     * files Kasvu keeps there ({@code <name>.mv.db}, {@code <name>.trace.db},
     * {@code <name>-tool-key-encryption.key}, …) are tightened (H2 creates its files with the
     * process's umask, often world-readable). An existing folder keeps its own permissions, and other
     * files in it are left alone: a database given as {@code /tmp/kasvu} must not close {@code /tmp}.
     *
     * @param database the database's path without H2's suffix ({@code data/kasvu})
     */
    public static void secureDatabase(Path database) throws IOException {
        Path dir = database.toAbsolutePath().getParent();
        String name = database.getFileName().toString();
        if (!Files.exists(dir)) {
            createDirectories(dir);
        }
        if (!POSIX) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                boolean kasvus = fileName.startsWith(name + ".") || fileName.startsWith(name + "-");
                if (kasvus && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        }
    }
}

package fi.kasvu.lms.lti.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.lms.lti.ToolKeyRing;
import fi.kasvu.store.jdbc.Dialect;
import fi.kasvu.store.jdbc.KasvuDatabase;
import fi.kasvu.store.jdbc.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool's private key is encrypted at rest, under a key kept outside the database; the data folder is owner-only. */
class ToolKeyProtectionTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final byte[] KEY = new byte[32];

    @TempDir
    Path dir;

    static String storedKeyDocument(KasvuDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT document FROM kasvu_document WHERE kind = 'lti.tool-key'");
             ResultSet rows = s.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void privateKey_isStoredAsAJwe_andReadBackOnlyWithTheKey(Dialect dialect) throws Exception {
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.fresh(dialect, dir))) {
            ToolKeyRing ring = ToolKeyRing.create(JdbcLtiStorage.on(db, ToolKeyProtection.withKey(KEY)).toolKeys(), CLOCK,
                    IdGenerator.sequence("kid"), 2048);
            String kid = ring.current().kid();

            String stored = storedKeyDocument(db);
            assertThat(stored).contains("\"jwe\"").doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"",
                    ring.current().key().getPrivateExponent().toString());
            assertThat(JdbcLtiStorage.on(db, ToolKeyProtection.withKey(KEY)).toolKeys().all()).singleElement()
                    .satisfies(k -> assertThat(k.key()).isEqualTo(ring.current().key()));
            byte[] other = KEY.clone();
            other[0] = 1;
            assertThatThrownBy(() -> JdbcLtiStorage.on(db, ToolKeyProtection.withKey(other)).toolKeys().all())
                    .hasStackTraceContaining("cannot be decrypted");
            assertThat(kid).isNotBlank();
        }
    }

    @Test
    void plaintextKeysOfAnOlderVersion_areEncryptedAtTheNextStart() throws Exception {
        try (KasvuDatabase db = KasvuDatabase.open(TestDatabases.h2(dir.resolve("db")))) {
            ToolKeyRing ring = ToolKeyRing.create(JdbcLtiStorage.on(db, ToolKeyProtection.withKey(KEY)).toolKeys(), CLOCK,
                    IdGenerator.sequence("kid"), 2048);
            String plain = "{\"kind\":\"lti.tool-key\",\"schemaVersion\":1,\"jwk\":" + jsonString(ring.current().key()
                    .toJSONString()) + ",\"createdAt\":\"2026-11-23T12:00:00Z\"}";
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("UPDATE kasvu_document SET document = ? WHERE kind = 'lti.tool-key'")) {
                s.setString(1, plain);
                s.executeUpdate();
            }

            JdbcLtiStorage.on(db, ToolKeyProtection.withKey(KEY));

            assertThat(storedKeyDocument(db)).contains("\"jwe\"").doesNotContain("\"jwk\"");
        }
    }

    @Test
    void keyComesFromTheEnvironment_orAFileCreatedOwnerOnly() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        Path file = dir.resolve("secrets").resolve("kek");

        ToolKeyProtection fromVariable = ToolKeyProtection.fromEnvironment(Map.of(ToolKeyProtection.ENV_KEY, base64),
                file);
        ToolKeyProtection created = ToolKeyProtection.fromEnvironment(Map.of(), file);
        ToolKeyProtection again = ToolKeyProtection.fromEnvironment(Map.of(ToolKeyProtection.ENV_KEY_FILE,
                file.toString()), dir.resolve("unused"));

        assertThat(fromVariable.decrypt(fromVariable.encrypt("x"))).isEqualTo("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(again.decrypt(created.encrypt("secret"))).isEqualTo("secret");
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
        assertThatThrownBy(() -> ToolKeyProtection.fromEnvironment(Map.of(ToolKeyProtection.ENV_KEY, "c2hvcnQ="), file))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> ToolKeyProtection.fromEnvironment(Map.of(ToolKeyProtection.ENV_KEY, base64,
                ToolKeyProtection.ENV_KEY_FILE, file.toString()), file)).hasMessageContaining("not both");
        assertThat(ToolKeyProtection.defaultFile("jdbc:h2:file:" + dir.resolve("data").resolve("kasvu")))
                .isEqualTo(dir.resolve("data").resolve("kasvu-tool-key-encryption.key"));
    }

    @Test
    void databaseFiles_areOwnerOnly_andNothingElseInTheFolderIsTouched() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(data.resolve("kasvu.mv.db"), "x");
        Path key = Files.writeString(data.resolve("kasvu-tool-key-encryption.key"), "x");
        Path other = Files.writeString(data.resolve("notes.txt"), "x");
        for (Path p : List.of(file, key, other)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }

        OwnerOnly.secureDatabase(data.resolve("kasvu"));
        OwnerOnly.secureDatabase(dir.resolve("fresh").resolve("kasvu"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        // A folder the admin chose (it might be /tmp or their home) and other files in it keep their permissions.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh"))))
                .isEqualTo("rwx------");
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}

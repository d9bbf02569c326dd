package fi.kasvu.lms.lti.jdbc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import fi.kasvu.common.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the tool's private keys at rest: each private JWK is stored as a compact JWE
 * ({@code dir}, {@code A256GCM}, made by nimbus-jose-jwt) under a 256-bit key that is not in the
 * database: from {@value #ENV_KEY} (base64), from the file {@value #ENV_KEY_FILE} names, or from a
 * key file created owner-only on first use.
 */
public final class ToolKeyProtection {

    private static final Logger LOG = LoggerFactory.getLogger(ToolKeyProtection.class);

    /** Environment variable with the key itself, base64 of 32 bytes. */
    public static final String ENV_KEY = "KASVU_KEY_ENCRYPTION_KEY";

    /** Environment variable naming a file that holds the key (base64 of 32 bytes). */
    public static final String ENV_KEY_FILE = "KASVU_KEY_ENCRYPTION_KEY_FILE";

    private final SecretKey key;

    private ToolKeyProtection(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (base64 of 256 bits): "
                    + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Protection with this key.
     *
     * @throws IllegalArgumentException if it is not 32 bytes
     */
    public static ToolKeyProtection withKey(byte[] key) {
        return new ToolKeyProtection(Require.nonNull("key", key).clone());
    }

    /**
     * The key the environment names, else the default file (created owner-only with a new random key
     * if missing).
     *
     * @throws IllegalArgumentException naming the variable if a key is not base64 of 32 bytes, or both are set
     * @throws UncheckedIOException     if a key file cannot be read or created
     */
    public static ToolKeyProtection fromEnvironment(Map<String, String> environment, Path defaultFile) {
        String inline = environment.get(ENV_KEY);
        String file = environment.get(ENV_KEY_FILE);
        if (inline != null && file != null) {
            throw new IllegalArgumentException("set either " + ENV_KEY + " or " + ENV_KEY_FILE + ", not both");
        }
        if (inline != null) {
            return new ToolKeyProtection(decode(ENV_KEY, inline));
        }
        Path path = file != null ? Path.of(file) : defaultFile;
        try {
            if (file == null && !Files.exists(path)) {
                create(path);
            }
            return new ToolKeyProtection(decode(path.toString(), Files.readString(path, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the key-encryption key file " + path, e);
        }
    }

    /** The default key file: next to an H2 database file, else under {@code ~/.config/kasvu}. */
    public static Path defaultFile(String jdbcUrl) {
        String h2 = "jdbc:h2:file:";
        if (jdbcUrl != null && jdbcUrl.startsWith(h2)) {
            Path db = Path.of(jdbcUrl.substring(h2.length()).replaceFirst(";.*", "")).toAbsolutePath();
            return db.resolveSibling(db.getFileName() + "-tool-key-encryption.key");
        }
        return Path.of(System.getProperty("user.home"), ".config", "kasvu", "tool-key-encryption.key");
    }

    private static void create(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.exists(dir)) {
            OwnerOnly.createDirectories(dir);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            OwnerOnly.createFile(path);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(path, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
        LOG.warn("Created a key-encryption key for the tool's private keys at {} (owner-only). Back it up apart from "
                + "the database, or set {} / {} (docs/lti-admin.md, key custody)", path, ENV_KEY, ENV_KEY_FILE);
    }

    private static byte[] decode(String source, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must hold base64 of 32 bytes (e.g. `openssl rand -base64 32`)");
        }
    }

    /** The text (a private JWK) as a compact JWE. */
    String encrypt(String plaintext) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                    new Payload(plaintext));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /**
     * The text of a compact JWE.
     *
     * @throws IllegalArgumentException if it is not a JWE or was encrypted under another key
     */
    String decrypt(String compact) {
        try {
            JWEObject jwe = JWEObject.parse(compact);
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("the tool key cannot be decrypted with this key-encryption key "
                    + "(check " + ENV_KEY + " / " + ENV_KEY_FILE + ")", e);
        }
    }

}

package fi.kasvu.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The adapter's one SHA-256 helper gives what the hand-written helpers it replaced gave: the known
 * vector, UTF-8 for any text, and a prefix of N bytes equal to hex of the digest's first N bytes
 * (the stored ids derived from it must not change).
 */
class HashesTest {

    @Test
    void theKnownVector_utf8_andTheBytePrefixesTheIdsUse() throws Exception {
        assertThat(Hashes.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String text = "kurssi-7 ääkköset \u0000 \uD83D\uDE00";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertThat(Hashes.sha256Hex(text)).isEqualTo(HexFormat.of().formatHex(digest)).hasSize(64);
        for (int bytes : new int[] {8, 12, 16, 20}) {
            assertThat(Hashes.sha256Hex(text, bytes)).isEqualTo(HexFormat.of().formatHex(digest, 0, bytes));
        }
    }
}

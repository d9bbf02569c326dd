package fi.kasvu.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A stored session's token hash is checked without a regular expression, exactly as the expression did. */
class StoredSessionHashTest {

    @Test
    void aHashIs64LowercaseHexDigits_asTheRegexSaid() {
        Random random = new Random(19);
        String alphabet = "0123456789abcdefABCDEFgz-_ \u0000\u0660\uff10";
        for (int i = 0; i < 20_000; i++) {
            int length = i % 10 == 0 ? random.nextInt(80) : 62 + random.nextInt(5);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(50) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : "0123456789abcdef".charAt(random.nextInt(16)));
            }
            String s = text.toString();
            assertThat(StoredSession.isHash(s)).as(s).isEqualTo(s.matches("[0-9a-f]{64}"));
        }
        assertThat(StoredSession.isHash("0".repeat(64))).isTrue();
        assertThat(StoredSession.isHash("f".repeat(64))).isTrue();
        assertThat(StoredSession.isHash("F".repeat(64))).isFalse();
        assertThat(StoredSession.isHash("0".repeat(63) + "\n")).isFalse();
    }
}

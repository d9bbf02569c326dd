package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The launch path's text helpers that replaced a regular expression compiled on every request
 * (issue 19) give exactly what the expression gave.
 */
class LaunchPathTextTest {

    @Test
    void stateCookieName_isWhatTheRegexGave() {
        Random random = new Random(19);
        String alphabet = "AZaz09_-=+/.%~ äÅ\u0000\n\u00e9\ud83d\ude00";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder state = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                state.append(random.nextBoolean() ? (char) ('a' + random.nextInt(26))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = state.toString();
            String expected = LtiServlets.STATE_COOKIE
                    + s.substring(0, Math.min(16, s.length())).replaceAll("[^A-Za-z0-9_-]", "_");
            assertThat(LtiServlets.cookieName(s)).as(s).isEqualTo(expected);
        }
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One thing a formation says about itself (a finding, a sentence of a group's explanation, why a
 * participant was left out), typed: a stable code and the values it names, every value a text
 * (counts in digits, scores to four decimals, lists comma-separated). Core says nothing in a
 * language here; {@code fi.kasvu.i18n.PeerMessages} words each reason in fi, sv or en.
 *
 * @param code      a stable, dotted code such as {@code peer.finding.sizes}
 * @param arguments the values the sentence names, by name
 */
public record Reason(String code, Map<String, String> arguments) {

    /** The code of a sentence kept as it was written (a formation stored before reasons were typed). */
    public static final String VERBATIM = "peer.verbatim";

    /** @throws IllegalArgumentException if the code is blank */
    public Reason {
        Require.nonBlank("code", code);
        arguments = Map.copyOf(Require.nonNull("arguments", arguments));
    }

    /** A reason with the arguments given as name, value, name, value, … (values as their text). */
    static Reason of(String code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments must come in name, value pairs: " + namesAndValues.length);
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return new Reason(code, arguments);
    }

    /** A sentence kept as it was written: shown as it is, whatever the reader's language. */
    public static Reason verbatim(String text) {
        return new Reason(VERBATIM, Map.of("text", Require.nonBlank("text", text)));
    }

    /** The argument's value. @throws IllegalArgumentException if the reason has no such argument */
    public String get(String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException(code + " has no argument " + name);
        }
        return value;
    }

    /** The same reason with every argument value passed through the change (erasing a name, say). */
    public Reason mapArguments(UnaryOperator<String> change) {
        Map<String, String> changed = new LinkedHashMap<>();
        arguments.forEach((name, value) -> changed.put(name, change.apply(value)));
        return new Reason(code, changed);
    }
}

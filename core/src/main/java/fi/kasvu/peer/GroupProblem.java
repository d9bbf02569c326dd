package fi.kasvu.peer;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.util.Map;

/**
 * Something a person tried in a group that the rules refuse, such as writing a note in a group
 * they do not belong to.
 *
 * @param code      a stable key such as {@code peer.group.notMember}
 * @param field     the field it concerns
 * @param arguments values for the message
 */
public record GroupProblem(String code, String field, Map<String, Object> arguments) implements Problem {

    /** @throws NullPointerException if a part is null */
    public GroupProblem {
        Require.nonNull("code", code);
        Require.nonNull("field", field);
        arguments = Map.copyOf(Require.nonNull("arguments", arguments));
    }

    static GroupProblem notMember(String field, Object person) {
        return new GroupProblem("peer.group.notMember", field, Map.of("person", String.valueOf(person)));
    }
}

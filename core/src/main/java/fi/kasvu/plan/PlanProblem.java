package fi.kasvu.plan;

import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.util.Map;

/**
 * Something a plan is missing or a change it refused, with the field it concerns.
 *
 * @param code      the stable message key
 * @param field     the field it concerns
 * @param arguments what the message needs
 */
public record PlanProblem(String code, String field, Map<String, Object> arguments) implements Problem {

    /** @throws NullPointerException if a part is missing */
    public PlanProblem {
        Require.nonNull("code", code);
        Require.nonNull("field", field);
        arguments = Map.copyOf(Require.nonNull("arguments", arguments));
    }

    static PlanProblem missing(String field) {
        return new PlanProblem("plan.field.missing", field, Map.of());
    }

    static PlanProblem unknown(String field, String id) {
        return new PlanProblem("plan.id.unknown", field, Map.of("id", id));
    }

    static PlanProblem notOwner(String field, String person) {
        return new PlanProblem("plan.rights.notOwner", field, Map.of("person", person));
    }
}

package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Problem;
import fi.kasvu.common.Require;
import java.util.List;
import java.util.Map;

/**
 * A hard constraint a formed group breaks, because the population left no way to keep it.
 *
 * @param constraint which rule
 * @param group      the group's number (from 1)
 * @param persons    the members involved
 * @param reason     what is wrong, for the organiser ({@code fi.kasvu.i18n.PeerMessages} words it)
 */
public record Violation(HardConstraint constraint, int group, List<PersonId> persons, Reason reason) implements Problem {

    /** @throws IllegalArgumentException if the group number is below 1 */
    public Violation {
        Require.nonNull("constraint", constraint);
        Require.atLeast("group", group, 1);
        persons = Require.list("persons", persons);
        Require.nonNull("reason", reason);
    }

    @Override
    public String code() {
        return constraint.code();
    }

    @Override
    public String field() {
        return "groups[" + (group - 1) + "]";
    }

    @Override
    public Map<String, Object> arguments() {
        return Map.of("group", group, "persons", persons.stream().map(PersonId::value).toList());
    }
}

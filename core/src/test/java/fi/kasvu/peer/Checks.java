package fi.kasvu.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An independent re-check of a formation's hard constraints, written without the optimiser's code. */
final class Checks {

    private Checks() {
    }

    /** Every hard-constraint break of every group, as "group:CONSTRAINT". */
    static List<String> breaks(FormationRequest request, Formation formation) {
        Map<PersonId, Participant> byId = new HashMap<>();
        request.participants().forEach(p -> byId.put(p.id(), p));
        List<String> found = new ArrayList<>();
        for (FormedGroup group : formation.groups()) {
            List<Participant> members = group.members().stream().map(GroupMember::participant).toList();
            Set<String> keys = new HashSet<>();
            for (Participant p : members) {
                if (!keys.add(request.groupingKey().of(p))) {
                    found.add(group.number() + ":DISTINCT_KEY");
                    break;
                }
            }
            boolean line = false;
            for (Participant a : members) {
                for (Participant b : members) {
                    line |= a != b && above(a, byId).contains(b.id());
                }
            }
            if (line) {
                found.add(group.number() + ":REPORTING_LINE");
            }
            Set<Language> common = new HashSet<>(List.of(Language.values()));
            members.forEach(p -> common.retainAll(p.languages()));
            if (common.isEmpty()) {
                found.add(group.number() + ":SHARED_LANGUAGE");
            }
            if (request.kind() == GroupKind.REVERSE_MENTORING) {
                long sup = members.stream().filter(p -> p.role().equals(ParticipantRole.SUPERVISOR)).count();
                long nw = members.size() - sup;
                RoleQuota q = request.quota();
                if (sup < q.minSupervisors() || sup > q.maxSupervisors() || nw < q.minNewcomers() || nw > q.maxNewcomers()) {
                    found.add(group.number() + ":ROLE_QUOTA");
                }
            } else if (!request.size().allows(members.size())) {
                found.add(group.number() + ":GROUP_SIZE");
            }
        }
        return found;
    }

    /** The same breaks as the formation lists them. */
    static List<String> listed(Formation formation) {
        return formation.violations().stream().map(v -> v.group() + ":" + v.constraint()).distinct().toList();
    }

    static Set<PersonId> above(Participant p, Map<PersonId, Participant> byId) {
        Set<PersonId> chain = new HashSet<>();
        PersonId m = p.manager();
        while (m != null && byId.containsKey(m) && chain.add(m)) {
            m = byId.get(m).manager();
        }
        return chain;
    }
}

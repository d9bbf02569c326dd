package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The activity kinds this tool offers, in the picker's order; immutable. */
public final class Activities {

    private final Map<String, Activity> byKind;

    private Activities(Map<String, Activity> byKind) {
        this.byKind = byKind;
    }

    /**
     * The kinds, in the order given.
     *
     * @throws IllegalArgumentException naming the kind if two share one, or a kind id is malformed, or none is given
     */
    public static Activities of(Activity... activities) {
        Map<String, Activity> map = new LinkedHashMap<>();
        for (Activity activity : activities) {
            String kind = Require.nonNull("activity", activity).kind();
            if (kind == null || !kind.matches("[a-z][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("kind must be 1..40 lower-case letters, digits or dashes: " + kind);
            }
            if (map.putIfAbsent(kind, activity) != null) {
                throw new IllegalArgumentException("activity kind registered twice: " + kind);
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("activities must hold at least one kind");
        }
        return new Activities(java.util.Collections.unmodifiableMap(map));
    }

    /** Every kind, in the picker's order. */
    public List<Activity> all() {
        return List.copyOf(byKind.values());
    }

    /** The kind with this id. */
    public Optional<Activity> find(String kind) {
        return Optional.ofNullable(kind == null ? null : byKind.get(kind));
    }

    /** The first kind: what a placement without {@code kasvu_kind} (made before kinds existed) opens. */
    public Activity first() {
        return byKind.values().iterator().next();
    }
}

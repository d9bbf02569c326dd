package fi.kasvu.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which groups of the reporting hierarchy may show a figure so that no figure, and no
 * difference between figures, describes fewer than {@code k} respondents.
 *
 * <p>Why this is enough: figures are sums over respondents (counts, sums of scale values), and
 * the groups form a tree. Anyone holding the published figures can compute, for a published
 * group G, G minus its nearest published descendants: the sum over G's <em>residual</em>, the
 * respondents under G not inside any published group below it (including those assigned to no
 * smaller group). The residuals of the published groups are disjoint, and every combination of
 * published figures that isolates a set of respondents isolates a union of residuals. So it is
 * enough that every published group's residual is either empty or holds at least {@code k}
 * respondents (a published group with no published descendants has its whole size as residual,
 * which is the primary rule).
 *
 * <p>Repair is greedy: deepest violations first; the violating group keeps its figure when a
 * published group below it can be withheld instead (the one with the smallest positive
 * residual, so the least is lost), otherwise the group itself is withheld.
 */
final class DisclosureControl {

    private final Map<GroupRef, Integer> own;
    private final Map<GroupRef, List<GroupRef>> children = new HashMap<>();
    private final Map<GroupRef, Integer> total = new HashMap<>();
    private final int minimum;

    private DisclosureControl(Map<GroupRef, Integer> own, int minimum) {
        this.own = own;
        this.minimum = minimum;
        Set<GroupRef> nodes = new HashSet<>();
        for (GroupRef group : own.keySet()) {
            for (GroupRef at = group; at != null; at = at.parent()) {
                nodes.add(at);
            }
        }
        for (GroupRef node : nodes) {
            if (node.parent() != null) {
                children.computeIfAbsent(node.parent(), p -> new ArrayList<>()).add(node);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        for (GroupRef node : nodes) {
            total.put(node, totalOf(node));
        }
    }

    /**
     * The groups that may show a figure for one measure.
     *
     * @param own        respondents counted by this measure, by the innermost group they belong to
     * @param candidates the groups allowed to show it at all (all groups, or those showing the respondent count)
     * @param minimum    the anonymity threshold
     */
    static Set<GroupRef> publishable(Map<GroupRef, Integer> own, Set<GroupRef> candidates, int minimum) {
        return new DisclosureControl(own, minimum).solve(candidates);
    }

    /** Every group with at least one respondent in the measure, and their ancestors. */
    static Set<GroupRef> groups(Map<GroupRef, Integer> own) {
        return new DisclosureControl(own, AnonymityThreshold.FLOOR).total.keySet();
    }

    private Set<GroupRef> solve(Set<GroupRef> candidates) {
        Set<GroupRef> published = new HashSet<>();
        for (GroupRef candidate : candidates) {
            if (total.getOrDefault(candidate, 0) >= minimum) {
                published.add(candidate);
            }
        }
        // One pass, deepest first: withholding a group below G or G itself changes only the
        // residuals of G and of groups above it, so groups already passed stay safe.
        List<GroupRef> deepestFirst = new ArrayList<>(published);
        deepestFirst.sort(Comparator.comparingInt(GroupRef::depth).reversed().thenComparing(Comparator.naturalOrder()));
        for (GroupRef group : deepestFirst) {
            while (published.contains(group)) {
                int residual = residual(group, published);
                if (residual == 0 || residual >= minimum) {
                    break;
                }
                published.remove(toWithhold(group, published));
            }
        }
        return Set.copyOf(published);
    }

    private GroupRef toWithhold(GroupRef violating, Set<GroupRef> published) {
        List<GroupRef> frontier = new ArrayList<>();
        collectFrontier(violating, published, frontier);
        Comparator<GroupRef> smallest = Comparator.<GroupRef>comparingInt(group -> residual(group, published))
                .thenComparingInt(total::get).thenComparing(Comparator.naturalOrder());
        return frontier.stream().filter(group -> residual(group, published) > 0).min(smallest)
                .or(() -> frontier.stream().min(Comparator.<GroupRef>comparingInt(total::get)
                        .thenComparing(Comparator.naturalOrder())))
                .orElse(violating);
    }

    private void collectFrontier(GroupRef group, Set<GroupRef> published, List<GroupRef> frontier) {
        for (GroupRef child : children.getOrDefault(group, List.of())) {
            if (published.contains(child)) {
                frontier.add(child);
            } else {
                collectFrontier(child, published, frontier);
            }
        }
    }

    /** Respondents under the group not inside any published group below it. */
    private int residual(GroupRef group, Set<GroupRef> published) {
        int residual = own.getOrDefault(group, 0);
        for (GroupRef child : children.getOrDefault(group, List.of())) {
            if (!published.contains(child)) {
                residual += residual(child, published);
            }
        }
        return residual;
    }

    private int totalOf(GroupRef group) {
        int sum = own.getOrDefault(group, 0);
        for (GroupRef child : children.getOrDefault(group, List.of())) {
            sum += totalOf(child);
        }
        return sum;
    }
}

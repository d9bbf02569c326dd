package fi.kasvu.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which groups of a reporting tree may show a figure so that no figure, and no
 * difference between figures, describes fewer than {@code k} people (surveys, 360 assessments).
 *
 * <p>Why this is enough: figures are sums over people (counts, sums of scale values), and the
 * groups form a tree. Anyone holding the published figures can compute, for a published group
 * G, G minus its nearest published descendants: the sum over G's <em>residual</em>, the people
 * under G not inside any published group below it. The residuals of the published groups are
 * disjoint, and every combination of published figures that isolates a set of people isolates a
 * union of residuals. So it is enough that every published group's residual is either empty or
 * holds at least {@code k} people (a published group with no published descendants has its whole
 * size as residual, which is the primary rule).
 *
 * <p>An <em>exempt</em> group is one whose members agreed to be shown apart (a 360 subject's
 * supervisor, with the subject's consent): it is published whenever it has anyone in it, never
 * checked against the threshold and never withheld, but it still counts as covered when the
 * residual of a group above it is computed, so it cannot be used to single out anyone else.
 *
 * <p>Repair is greedy: deepest violations first; the violating group keeps its figure when a
 * published, non-exempt group below it can be withheld instead (the one with the smallest
 * positive residual, so the least is lost), otherwise the group itself is withheld.
 *
 * @param <G> the group type; its natural order makes the result deterministic
 */
public final class DisclosureControl<G extends Comparable<? super G>> {

    private final Map<G, Integer> own;
    private final Function<G, G> parent;
    private final Set<G> exempt;
    private final Map<G, List<G>> children = new HashMap<>();
    private final Map<G, Integer> total = new HashMap<>();
    private final Map<G, Integer> depth = new HashMap<>();
    private final int minimum;

    private DisclosureControl(Map<G, Integer> own, Function<G, G> parent, Set<G> exempt, int minimum) {
        this.own = Map.copyOf(Require.nonNull("own", own));
        this.parent = Require.nonNull("parent", parent);
        this.exempt = Set.copyOf(Require.nonNull("exempt", exempt));
        this.minimum = minimum;
        Set<G> nodes = new HashSet<>();
        for (G group : own.keySet()) {
            for (G at = group; at != null; at = parent.apply(at)) {
                nodes.add(at);
            }
        }
        for (G node : nodes) {
            G up = parent.apply(node);
            if (up != null) {
                children.computeIfAbsent(up, p -> new ArrayList<>()).add(node);
            }
            int levels = 0;
            for (G at = up; at != null; at = parent.apply(at)) {
                levels++;
            }
            depth.put(node, levels);
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        for (G node : nodes) {
            total.put(node, totalOf(node));
        }
    }

    /**
     * The groups that may show a figure for one measure.
     *
     * @param own        people counted by this measure, by the innermost group they belong to
     * @param parent     the group a group is part of, null for the root
     * @param candidates the groups allowed to show it at all
     * @param exempt     groups shown apart by consent, whatever their size
     * @param minimum    the anonymity threshold, at least 3
     * @throws IllegalArgumentException if the minimum is below 3
     */
    public static <G extends Comparable<? super G>> Set<G> publishable(Map<G, Integer> own, Function<G, G> parent,
                                                                       Set<G> candidates, Set<G> exempt, int minimum) {
        Require.atLeast("anonymity minimum", minimum, 3);
        return new DisclosureControl<>(own, parent, exempt, minimum).solve(Require.nonNull("candidates", candidates));
    }

    /** Every group with at least one person in the measure, and their ancestors. */
    public static <G extends Comparable<? super G>> Set<G> groups(Map<G, Integer> own, Function<G, G> parent) {
        return Set.copyOf(new DisclosureControl<>(own, parent, Set.of(), 3).total.keySet());
    }

    private Set<G> solve(Set<G> candidates) {
        Set<G> published = new HashSet<>();
        for (G candidate : candidates) {
            int size = total.getOrDefault(candidate, 0);
            if (size >= minimum || exempt.contains(candidate) && size > 0) {
                published.add(candidate);
            }
        }
        // One pass, deepest first: withholding a group below G or G itself changes only the
        // residuals of G and of groups above it, so groups already passed stay safe.
        List<G> deepestFirst = new ArrayList<>(published);
        deepestFirst.removeAll(exempt);
        deepestFirst.sort(Comparator.<G>comparingInt(depth::get).reversed().thenComparing(Comparator.naturalOrder()));
        for (G group : deepestFirst) {
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

    private G toWithhold(G violating, Set<G> published) {
        List<G> frontier = new ArrayList<>();
        collectFrontier(violating, published, frontier);
        frontier.removeAll(exempt);
        Comparator<G> smallest = Comparator.<G>comparingInt(group -> residual(group, published))
                .thenComparingInt(total::get).thenComparing(Comparator.naturalOrder());
        return frontier.stream().filter(group -> residual(group, published) > 0).min(smallest)
                .or(() -> frontier.stream().min(Comparator.<G>comparingInt(total::get)
                        .thenComparing(Comparator.naturalOrder())))
                .orElse(violating);
    }

    private void collectFrontier(G group, Set<G> published, List<G> frontier) {
        for (G child : children.getOrDefault(group, List.of())) {
            if (published.contains(child)) {
                frontier.add(child);
            } else {
                collectFrontier(child, published, frontier);
            }
        }
    }

    /** People under the group not inside any published group below it. */
    private int residual(G group, Set<G> published) {
        int residual = own.getOrDefault(group, 0);
        for (G child : children.getOrDefault(group, List.of())) {
            if (!published.contains(child)) {
                residual += residual(child, published);
            }
        }
        return residual;
    }

    private int totalOf(G group) {
        int sum = own.getOrDefault(group, 0);
        for (G child : children.getOrDefault(group, List.of())) {
            sum += totalOf(child);
        }
        return sum;
    }
}

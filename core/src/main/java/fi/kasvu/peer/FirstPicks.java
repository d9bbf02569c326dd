package fi.kasvu.peer;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the construction's scan for a group's first member stops, without the scan. The scan
 * walks the people still unplaced on one side (in the order of that side's array, which removals
 * change by moving the last person into the freed slot) and takes the first person whose grouping
 * key has the most people unplaced (counted over both sides). Scanning cost about as many steps
 * as there are keys per group, most of the construction's time at 100,000 people (issue 18's
 * profile); this keeps, per side, each key's unplaced positions and the keys by their count and
 * first position, so each pick and each removal costs a few ordered-set operations and the
 * person picked is the one the scan picked.
 */
final class FirstPicks {

    private final int[] key;
    private final int[] keyLeft;
    private final int keys;
    /** [side][key]: positions in that side's array of the key's unplaced people, or null. */
    private final TreeSet<Integer>[][] positions;
    /** [side]: key count → entries {@code firstPosition * keys + key} of keys with someone unplaced on that side. */
    private final TreeMap<Integer, TreeSet<Long>>[] levels;

    /**
     * @param key     each person's grouping key
     * @param keyLeft each key's number of unplaced people over both sides; this class decrements it
     * @param left    each side's unplaced people, the arrays the construction removes from
     * @param count   how many of each side's array are unplaced
     */
    @SuppressWarnings("unchecked")
    FirstPicks(int[] key, int[] keyLeft, int[][] left, int[] count) {
        this.key = key;
        this.keyLeft = keyLeft;
        this.keys = keyLeft.length;
        positions = new TreeSet[left.length][keys];
        levels = new TreeMap[left.length];
        for (int side = 0; side < left.length; side++) {
            levels[side] = new TreeMap<>();
            for (int i = 0; i < count[side]; i++) {
                int k = key[left[side][i]];
                if (positions[side][k] == null) {
                    positions[side][k] = new TreeSet<>();
                }
                positions[side][k].add(i);
            }
            for (int k = 0; k < keys; k++) {
                attach(side, k);
            }
        }
    }

    /** The position the scan over this side's unplaced people would stop at, or -1 if none is left. */
    int pick(int side) {
        var highest = levels[side].lastEntry();
        return highest == null ? -1 : (int) (highest.getValue().first() / keys);
    }

    /**
     * Records that the person at {@code position} of this side's array was placed and that the
     * person at {@code last} (the array's last unplaced one) moves into that position; decrements
     * the placed person's key count. Call before the array itself changes.
     */
    void remove(int side, int[] left, int position, int last) {
        int k = key[left[position]];
        int moved = key[left[last]];
        for (int s = 0; s < levels.length; s++) {
            detach(s, k);
        }
        if (moved != k) {
            detach(side, moved);
        }
        positions[side][k].remove(position);
        if (last != position) {
            positions[side][moved].remove(last);
            positions[side][moved].add(position);
        }
        keyLeft[k]--;
        for (int s = 0; s < levels.length; s++) {
            attach(s, k);
        }
        if (moved != k) {
            attach(side, moved);
        }
    }

    private void detach(int side, int k) {
        TreeSet<Integer> at = positions[side][k];
        if (at == null || at.isEmpty()) {
            return;
        }
        TreeSet<Long> level = levels[side].get(keyLeft[k]);
        level.remove((long) at.first() * keys + k);
        if (level.isEmpty()) {
            levels[side].remove(keyLeft[k]);
        }
    }

    private void attach(int side, int k) {
        TreeSet<Integer> at = positions[side][k];
        if (at == null || at.isEmpty()) {
            return;
        }
        levels[side].computeIfAbsent(keyLeft[k], c -> new TreeSet<>()).add((long) at.first() * keys + k);
    }
}

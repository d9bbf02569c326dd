package fi.kasvu.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FirstPicks} stops where the construction's scan for a group's first member stopped, at
 * every step of a construction-like run of removals (first picks and sampled picks, on one side or
 * two), whatever the number of keys.
 */
class FirstPicksTest {

    @ParameterizedTest
    @CsvSource({"1, 0", "3, 0", "50, 0", "1000, 0", "7, 300", "400, 1200", "2000, 900"})
    void picksTheSamePersonAsTheScan_atEveryStep(int keys, int secondSide) {
        SplittableRandom random = new SplittableRandom(keys * 31L + secondSide);
        int people = 3000;
        int[] key = new int[people];
        int[] keyLeft = new int[keys];
        for (int i = 0; i < people; i++) {
            // uneven keys: low keys are more frequent
            key[i] = (int) Math.min(keys - 1, Math.abs(random.nextGaussian()) * keys / 2.5);
            keyLeft[key[i]]++;
        }
        int[][] left = {new int[people - secondSide], new int[secondSide]};
        int[] count = {people - secondSide, secondSide};
        for (int i = 0; i < people; i++) {
            if (i < people - secondSide) {
                left[0][i] = i;
            } else {
                left[1][i - (people - secondSide)] = i;
            }
        }
        for (int[] side : left) {
            for (int i = side.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = side[i];
                side[i] = side[j];
                side[j] = t;
            }
        }
        FirstPicks picks = new FirstPicks(key, keyLeft, left, count);
        int steps = 0;
        while (count[0] + count[1] > 0) {
            int side = count[1] == 0 ? 0 : count[0] == 0 ? 1 : random.nextInt(2);
            int scanned = scan(key, keyLeft, left[side], count[side]);
            assertThat(picks.pick(side)).as("step %d, side %d", steps, side).isEqualTo(scanned);
            int position = random.nextInt(3) == 0 ? scanned : random.nextInt(count[side]);
            int last = count[side] - 1;
            int before = keyLeft[key[left[side][position]]];
            picks.remove(side, left[side], position, last);
            assertThat(keyLeft[key[left[side][position]]]).isEqualTo(before - 1);
            left[side][position] = left[side][last];
            count[side] = last;
            steps++;
        }
        assertThat(steps).isEqualTo(people);
        assertThat(picks.pick(0)).isEqualTo(-1);
    }

    /** The scan the construction used before FirstPicks (the largest count over both sides stops it early). */
    private static int scan(int[] key, int[] keyLeft, int[] left, int count) {
        int maxLeft = 0;
        for (int c : keyLeft) {
            maxLeft = Math.max(maxLeft, c);
        }
        int pick = 0;
        for (int i = 0; i < count; i++) {
            int c = keyLeft[key[left[i]]];
            if (c > keyLeft[key[left[pick]]]) {
                pick = i;
            }
            if (c == maxLeft) {
                pick = i;
                break;
            }
        }
        return pick;
    }
}

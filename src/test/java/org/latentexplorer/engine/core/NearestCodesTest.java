package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The nearest codes, checked against every row's distance. */
class NearestCodesTest {
    @Test
    void findsTheKClosestRowsNearestFirst() {
        Random random = new Random(5);
        int d = 3;
        float[] codes = new float[200 * d];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (float) random.nextGaussian();
        }
        float[] z = {0.3f, -0.2f, 0.1f};
        int[] near = NearestCodes.nearest(codes, z, 5);
        assertThat(near).hasSize(5).doesNotHaveDuplicates();
        for (int j = 1; j < near.length; j++) {
            assertThat(distance(codes, near[j], z)).isGreaterThanOrEqualTo(distance(codes, near[j - 1], z));
        }
        // No row left out is nearer than the farthest one chosen.
        double farthest = distance(codes, near[4], z);
        for (int i = 0; i < 200; i++) {
            final int row = i;
            if (java.util.Arrays.stream(near).noneMatch(n -> n == row)) {
                assertThat(distance(codes, i, z)).isGreaterThanOrEqualTo(farthest);
            }
        }
    }

    @Test
    void aRowEqualToTheQueryComesFirstAndNanRowsNever() {
        float[] codes = {5, 5, Float.NaN, 0, 1, 1, 1, 1};
        assertThat(NearestCodes.nearest(codes, new float[] {1, 1}, 10)).containsExactly(2, 3, 0);
        assertThat(NearestCodes.nearest(codes, new float[] {5, 5}, 1)).containsExactly(0);
        assertThat(NearestCodes.nearest(codes, new float[] {5, 5}, 0)).isEmpty();
        assertThatThrownBy(() -> NearestCodes.nearest(codes, new float[3], 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double distance(float[] codes, int row, float[] z) {
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            s += (codes[row * z.length + j] - z[j]) * (codes[row * z.length + j] - z[j]);
        }
        return s;
    }
}

package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurveThinningTest {

    /** Steps 1..n through a thinning of at most max points. */
    private static List<Long> run(int n, int max) {
        CurveThinning thinning = new CurveThinning(max);
        List<Long> curve = new ArrayList<>();
        for (long step = 1; step <= n; step++) {
            thinning.append(curve, step);
            assertThat(curve.size()).isLessThanOrEqualTo(max);
            assertThat(curve.get(curve.size() - 1)).as("the newest point is always last").isEqualTo(step);
        }
        return curve;
    }

    @Test
    void aLongRunIsKeptEvenlyFromItsFirstStepToItsNewest() {
        // The shipped GAN's run: 17,750 steps into 2,000 points.
        List<Long> curve = run(17_750, 2000);
        assertThat(curve.size()).isBetween(1000, 2000);
        assertThat(curve.get(0)).isEqualTo(1);
        Set<Long> gaps = new HashSet<>();
        for (int i = 1; i < curve.size() - 1; i++) {
            gaps.add(curve.get(i) - curve.get(i - 1));
        }
        assertThat(gaps).as("one stride between all points but the newest").hasSize(1);
        long stride = gaps.iterator().next();
        assertThat(stride).isEqualTo(16);
        assertThat(curve.get(curve.size() - 1) - curve.get(curve.size() - 2)).isBetween(1L, stride);
    }

    @Test
    void aShortRunKeepsEveryPointAndEveryLengthStaysWithinTheLimit() {
        assertThat(run(50, 64)).hasSize(50);
        for (int n = 1; n <= 300; n++) {
            List<Long> curve = run(n, 8);
            assertThat(curve.get(0)).isEqualTo(1);
        }
        assertThatThrownBy(() -> new CurveThinning(1)).isInstanceOf(IllegalArgumentException.class);
    }
}

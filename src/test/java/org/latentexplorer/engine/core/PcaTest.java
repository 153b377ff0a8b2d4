package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {
    /** Codes spread 3 along (1, 1, 0)/√2, 1 along z, 0.1 along (1, −1, 0)/√2, around (5, −2, 1). */
    private static float[] codes(int n) {
        SplittableRandom r = new SplittableRandom(3);
        float[] c = new float[n * 3];
        double s = Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            double a = 3 * gaussian(r);
            double b = 1 * gaussian(r);
            double e = 0.1 * gaussian(r);
            c[i * 3] = (float) (5 + a * s + e * s);
            c[i * 3 + 1] = (float) (-2 + a * s - e * s);
            c[i * 3 + 2] = (float) (1 + b);
        }
        return c;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void findsTheTwoAxesOfLargestSpreadInOrder() {
        Pca pca = Pca.fit(codes(4000), 3);
        double[] first = pca.firstAxis();
        double[] second = pca.secondAxis();
        double s = Math.sqrt(0.5);
        assertThat(Math.abs(first[0] * s + first[1] * s)).isCloseTo(1.0, within(0.01));
        assertThat(Math.abs(second[2])).isCloseTo(1.0, within(0.01));
        assertThat(first[0] * second[0] + first[1] * second[1] + first[2] * second[2]).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void projectingAndUnprojectingKeepsTheComponentsInThePlane() {
        float[] c = codes(2000);
        Pca pca = Pca.fit(c, 3);
        double[] uv = pca.project(c, 7);
        float[] back = pca.unproject(uv[0], uv[1]);
        // Only the smallest component (spread 0.1) is lost.
        double err = 0;
        for (int j = 0; j < 3; j++) {
            err += Math.pow(back[j] - c[7 * 3 + j], 2);
        }
        assertThat(Math.sqrt(err)).isLessThan(0.5);
        float[] centre = pca.unproject(0, 0);
        assertThat(centre[0]).isCloseTo(5f, within(0.2f));
        assertThat(centre[1]).isCloseTo(-2f, within(0.2f));
        assertThat(centre[2]).isCloseTo(1f, within(0.1f));
    }
}

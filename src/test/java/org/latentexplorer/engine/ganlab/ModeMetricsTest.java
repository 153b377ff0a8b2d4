package org.latentexplorer.engine.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.Distribution2D;

class ModeMetricsTest {
    private static final Distribution2D RING = Distribution2D.ring();

    @Test
    void samplesOfTheRingItselfCoverAllEightModesAlmostAllInHighQuality() {
        ModeMetrics.Coverage c = ModeMetrics.evaluate(RING.sample(2000, new Random(1)), RING.modes());
        assertThat(c.modes()).isEqualTo(8);
        assertThat(c.covered()).isEqualTo(8);
        // Within 3 standard deviations in 2-D: 1 − e^{−9/2} ≈ 98.9 % of a Gaussian's mass.
        assertThat(c.highQualityShare()).isCloseTo(1 - Math.exp(-4.5), within(0.01));
    }

    @Test
    void theGridIsCoveredByItsOwnSamples() {
        Distribution2D grid = Distribution2D.grid();
        ModeMetrics.Coverage c = ModeMetrics.evaluate(grid.sample(2500, new Random(2)), grid.modes());
        assertThat(c).extracting(ModeMetrics.Coverage::covered, ModeMetrics.Coverage::modes).containsExactly(25, 25);
        assertThat(c.highQualityShare()).isGreaterThan(0.97);
    }

    @Test
    void aCollapsedGeneratorOnOneModeCoversOnlyThatMode() {
        Distribution2D.Mode m = RING.modes().get(3);
        Random r = new Random(3);
        double[] xy = new double[2 * 500];
        for (int i = 0; i < 500; i++) {
            xy[2 * i] = m.x() + m.std() * r.nextGaussian();
            xy[2 * i + 1] = m.y() + m.std() * r.nextGaussian();
        }
        ModeMetrics.Coverage c = ModeMetrics.evaluate(xy, RING.modes());
        assertThat(c.covered()).isEqualTo(1);
        assertThat(c.highQualityShare()).isGreaterThan(0.97);
    }

    @Test
    void pointsFarFromEveryModeCoverNothingAndAreNotHighQuality() {
        // The ring's centre and far outside it.
        double[] xy = {0, 0, 0.1, -0.1, 5, 5, -4, 1, 1, 1};
        assertThat(ModeMetrics.evaluate(xy, RING.modes())).isEqualTo(new ModeMetrics.Coverage(0, 8, 0.0));
    }

    @Test
    void aFewStrayPointsDoNotCoverAMode() {
        Distribution2D grid = Distribution2D.grid();
        double[] xy = new double[2 * 2500];
        // All but 19 points on mode 0; 19 points on mode 1, one short of a fifth of its fair share of 100.
        for (int i = 0; i < 2500; i++) {
            Distribution2D.Mode m = grid.modes().get(i < 19 ? 1 : 0);
            xy[2 * i] = m.x();
            xy[2 * i + 1] = m.y();
        }
        assertThat(ModeMetrics.evaluate(xy, grid.modes()).covered()).isEqualTo(1);
        xy[2 * 19] = grid.modes().get(1).x();
        xy[2 * 19 + 1] = grid.modes().get(1).y();
        assertThat(ModeMetrics.evaluate(xy, grid.modes()).covered()).isEqualTo(2);
    }

    @Test
    void aPointExactlyThreeStandardDeviationsAwayStillCounts() {
        List<Distribution2D.Mode> one = List.of(new Distribution2D.Mode(1, 1, 0.5));
        assertThat(ModeMetrics.evaluate(new double[] {2.5, 1}, one)).isEqualTo(new ModeMetrics.Coverage(1, 1, 1.0));
        assertThat(ModeMetrics.evaluate(new double[] {2.51, 1}, one)).isEqualTo(new ModeMetrics.Coverage(0, 1, 0.0));
    }

    @Test
    void withoutModesOrPointsThereIsNoShare() {
        ModeMetrics.Coverage none = ModeMetrics.evaluate(new double[] {1, 2}, List.of());
        assertThat(none.covered()).isZero();
        assertThat(none.modes()).isZero();
        assertThat(none.highQualityShare()).isNaN();
        ModeMetrics.Coverage empty = ModeMetrics.evaluate(new double[0], RING.modes());
        assertThat(empty.covered()).isZero();
        assertThat(empty.highQualityShare()).isNaN();
        assertThatThrownBy(() -> ModeMetrics.evaluate(new double[3], RING.modes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

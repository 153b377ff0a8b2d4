package org.latentexplorer.engine.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.MonthlyWeather;

/** The weather autoencoder: one latent value for the season, a curve that bends, at least as good as PCA. */
class SeasonAutoencoderTest {
    private static double[] months;

    @BeforeAll
    static void load() throws Exception {
        months = MonthlyWeather.tokyo().points();
    }

    @Test
    void theWeatherAutoencodersReconstructionErrorIsWithinASmallMarginOfPcas() {
        // How long training takes is measured by the bench command, not here.
        for (long seed = 1; seed <= 4; seed++) {
            SeasonAutoencoder ae = SeasonAutoencoder.train(months, seed);
            // Not worse than PCA by more than 10 %; in fact it bends, so it is well below (about a third here).
            assertThat(ae.reconstructionError()).as("seed %d", seed)
                    .isLessThan(1.1 * ae.pcaReconstructionError())
                    .isLessThan(0.7 * ae.pcaReconstructionError());
        }
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        SeasonAutoencoder a = SeasonAutoencoder.train(months, 5);
        SeasonAutoencoder b = SeasonAutoencoder.train(months, 5);
        SeasonAutoencoder c = SeasonAutoencoder.train(months, 6);
        assertThat(a.codes()).containsExactly(b.codes());
        assertThat(a.curve(-1, 1, 9)).containsExactly(b.curve(-1, 1, 9));
        assertThat(a.reconstructionError()).isEqualTo(b.reconstructionError());
        assertThat(a.codes()).isNotEqualTo(c.codes());
    }

    @Test
    void theSeasonRunsFromTheColdestMonthToTheWarmestAndTheCurveBends() {
        SeasonAutoencoder ae = SeasonAutoencoder.train(months, 1);
        double[] z = ae.codes();
        // January (the coldest) lowest and August (the warmest) highest on the autoencoder's axis; on PCA's, which
        // weighs humidity alike, July (the most humid) comes out on top, but January still lowest.
        double[] u = ae.pcaCodes();
        for (int m = 0; m < MonthlyWeather.MONTHS; m++) {
            assertThat(z[0]).isLessThanOrEqualTo(z[m]);
            assertThat(z[7]).isGreaterThanOrEqualTo(z[m]);
            assertThat(u[0]).isLessThanOrEqualTo(u[m]);
        }
        assertThat(u[6]).isGreaterThan(u[7]);
        // Decoding a month's code is its reconstruction.
        double[] r = ae.reconstructions();
        assertThat(ae.decode(z[3])).containsExactly(new double[] {r[6], r[7]}, within(1e-12));
        assertThat(ae.encode(months[6], months[7])).isEqualTo(z[3]);
        // Not a straight line: some of the curve between January and August lies well off the chord between them
        // (distances in standard deviations of each coordinate).
        double[] sd = standardDeviations();
        double[] c = ae.curve(z[0], z[7], 41);
        double ax = (c[80] - c[0]) / sd[0];
        double ay = (c[81] - c[1]) / sd[1];
        double farthest = 0;
        for (int i = 0; i < c.length; i += 2) {
            double bx = (c[i] - c[0]) / sd[0];
            double by = (c[i + 1] - c[1]) / sd[1];
            farthest = Math.max(farthest, Math.abs(ax * by - ay * bx) / Math.hypot(ax, ay));
        }
        assertThat(farthest).isGreaterThan(0.1);
        // PCA's reconstructions all lie on one line through the data's mean.
        double[] p = ae.pcaReconstructions();
        double cross = (p[2] - p[0]) * (p[2 * 7 + 1] - p[1]) - (p[3] - p[1]) * (p[2 * 7] - p[0]);
        assertThat(cross).isCloseTo(0, within(1e-2));
    }

    private static double[] standardDeviations() {
        double[] sd = new double[2];
        for (int d = 0; d < 2; d++) {
            double mean = 0;
            for (int m = 0; m < MonthlyWeather.MONTHS; m++) {
                mean += months[2 * m + d] / MonthlyWeather.MONTHS;
            }
            for (int m = 0; m < MonthlyWeather.MONTHS; m++) {
                sd[d] += Math.pow(months[2 * m + d] - mean, 2) / MonthlyWeather.MONTHS;
            }
            sd[d] = Math.sqrt(sd[d]);
        }
        return sd;
    }

    @Test
    void pointsThatCannotBeLearnedAreRefused() {
        assertThatThrownBy(() -> SeasonAutoencoder.train(new double[] {1, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeasonAutoencoder.train(new double[] {1, 2, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeasonAutoencoder.train(new double[] {1, 2, 1, 3, 1, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeasonAutoencoder.train(new double[] {1, 2, 1, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same in every point");
    }
}

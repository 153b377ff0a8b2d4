package org.latentexplorer.engine.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The reparameterization trick and the KL term against closed forms and finite differences, in double precision. */
class ReparameterizationTest {
    private static final double H = 1e-5;

    private static final double[][] MU = {{0.3, -1.2, 0.8}, {-0.5, 0.1, 1.5}};
    private static final double[][] LOG_VAR = {{-0.4, 0.7, 0.0}, {1.1, -1.5, 0.2}};
    private static final double[][] EPS = {{1.3, -0.6, 0.9}, {-1.7, 0.4, -0.2}};
    /** f(z) = Σ w ⊙ z², a scalar function of z with a known gradient 2 w ⊙ z. */
    private static final double[][] W = {{0.5, 2.0, -1.0}, {1.5, -0.7, 0.3}};

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configureThreads(1);
    }

    private static INDArray array(double[][] values) {
        return Nd4j.createFromArray(values);
    }

    private static double f(INDArray z) {
        return array(W).mul(z).muli(z).sumNumber().doubleValue();
    }

    @Test
    void zIsMuPlusSigmaTimesEps() {
        INDArray z = new Reparameterization(array(MU), array(LOG_VAR), array(EPS)).z();
        for (int i = 0; i < MU.length; i++) {
            for (int j = 0; j < MU[0].length; j++) {
                assertThat(z.getDouble(i, j)).isCloseTo(MU[i][j] + Math.exp(0.5 * LOG_VAR[i][j]) * EPS[i][j], within(1e-12));
            }
        }
    }

    @Test
    void klPerRowMatchesTheClosedForm() {
        // Row 0: ½ Σ (σ² + μ² − 1 − log σ²) with μ = (1, 0), σ² = (1, 4). Row 1: q = N(0, I) itself, so KL = 0.
        INDArray mu = array(new double[][] {{1, 0}, {0, 0}});
        INDArray logVar = array(new double[][] {{0, Math.log(4)}, {0, 0}});
        INDArray kl = new Reparameterization(mu, logVar, Nd4j.zeros(mu.dataType(), 2, 2)).klPerRow();
        assertThat(kl.shape()).containsExactly(2);
        assertThat(kl.getDouble(0)).isCloseTo(0.5 * ((1 + 1 - 1 - 0) + (4 + 0 - 1 - Math.log(4))), within(1e-12));
        assertThat(kl.getDouble(1)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void gradientsThroughZMatchFiniteDifferences() {
        Reparameterization r = new Reparameterization(array(MU), array(LOG_VAR), array(EPS));
        INDArray gradZ = array(W).mul(r.z()).muli(2.0);
        assertMatchesFiniteDifferences(r.gradMu(gradZ), true, p -> f(p.z()));
        assertMatchesFiniteDifferences(r.gradLogVar(gradZ), false, p -> f(p.z()));
    }

    @Test
    void klGradientsMatchFiniteDifferencesOfKlPerRow() {
        Reparameterization r = new Reparameterization(array(MU), array(LOG_VAR), array(EPS));
        ToDoubleFunction<Reparameterization> kl = p -> p.klPerRow().sumNumber().doubleValue();
        assertMatchesFiniteDifferences(r.klGradMu(), true, kl);
        assertMatchesFiniteDifferences(r.klGradLogVar(), false, kl);
    }

    /** Compares each element of an analytic gradient with (g(x + h) − g(x − h)) / 2h, moving μ or log σ². */
    private static void assertMatchesFiniteDifferences(INDArray analytic, boolean wrtMu,
            ToDoubleFunction<Reparameterization> g) {
        for (int i = 0; i < MU.length; i++) {
            for (int j = 0; j < MU[0].length; j++) {
                double[] values = new double[2];
                for (int side = 0; side < 2; side++) {
                    INDArray mu = array(MU);
                    INDArray logVar = array(LOG_VAR);
                    INDArray moved = wrtMu ? mu : logVar;
                    moved.putScalar(i, j, moved.getDouble(i, j) + (side == 0 ? H : -H));
                    values[side] = g.applyAsDouble(new Reparameterization(mu, logVar, array(EPS)));
                }
                double numeric = (values[0] - values[1]) / (2 * H);
                assertThat(analytic.getDouble(i, j)).as("%s[%d][%d]", wrtMu ? "mu" : "logVar", i, j)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void encoderOutputGradientIsMuThenLogVarSideBySide() {
        INDArray g = Reparameterization.encoderOutputGradient(array(MU), array(LOG_VAR));
        assertThat(g.shape()).containsExactly(2, 6);
        assertThat(g.getDouble(1, 2)).isEqualTo(MU[1][2]);
        assertThat(g.getDouble(1, 3)).isEqualTo(LOG_VAR[1][0]);
    }
}

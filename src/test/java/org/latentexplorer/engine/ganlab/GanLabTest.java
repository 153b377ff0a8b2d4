package org.latentexplorer.engine.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.TrainingDivergedException;

/** The lab's training loop and its remedies, on networks small enough to train in a blink. */
class GanLabTest {
    /** A small version of the baseline: the loop's logic does not depend on the sizes. */
    private static LabSettings small(long seed) {
        return LabSettings.vanilla().withGenerator(4, 16, 2).withDiscriminator(16, 2, 0).withBatch(32).withSeed(seed);
    }

    private static double meanDistanceToNearestMode(double[] xy, Distribution2D real) {
        double sum = 0;
        for (int i = 0; i < xy.length / 2; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (Distribution2D.Mode m : real.modes()) {
                best = Math.min(best, Math.hypot(xy[2 * i] - m.x(), xy[2 * i + 1] - m.y()));
            }
            sum += best;
        }
        return sum / (xy.length / 2);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        GanLab a = new GanLab(Distribution2D.ring(), small(3));
        GanLab b = new GanLab(Distribution2D.ring(), small(3));
        for (int i = 0; i < 5; i++) {
            assertThat(a.step()).isEqualTo(b.step());
        }
        assertThat(a.shownSamples()).containsExactly(b.shownSamples());
    }

    @Test
    void unrolledGeneratorStepRestoresTheDiscriminatorExactlyWhileTheGeneratorLearns() {
        // Two labs with one seed stay identical step for step; then only one of them unrolls.
        LabSettings settings = small(5);
        GanLab unrolled = new GanLab(Distribution2D.ring(), settings);
        GanLab plain = new GanLab(Distribution2D.ring(), settings);
        for (int i = 0; i < 10; i++) {
            unrolled.step();
            plain.step();
        }
        unrolled.apply(settings.withUnrolled(true, 5));
        unrolled.discriminatorStep();
        plain.discriminatorStep();
        double[] dBefore = unrolled.discriminatorState();
        double[] gBefore = unrolled.generator().copyParams();
        assertThat(dBefore).containsExactly(plain.discriminatorState());

        unrolled.generatorStep();
        plain.generatorStep();

        // Bit for bit: parameters and Adam's moments and step count.
        assertThat(Arrays.equals(unrolled.discriminatorState(), dBefore)).isTrue();
        assertThat(unrolled.generator().copyParams()).isNotEqualTo(gBefore);
        // G stepped against the look-ahead D, not the D it now faces again.
        assertThat(unrolled.generator().copyParams()).isNotEqualTo(plain.generator().copyParams());
    }

    @Test
    void wganCriticStepsKeepEveryWeightWithinTheClip() {
        double c = 0.01;
        GanLab lab = new GanLab(Distribution2D.ring(), small(7).withWgan(true, c, 5));
        double[] start = lab.discriminator().copyParams();
        for (int i = 0; i < 20; i++) {
            lab.discriminatorStep();
        }
        double[] p = lab.discriminator().copyParams();
        assertThat(Arrays.stream(p).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(c);
        assertThat(p).isNotEqualTo(start);
        // The clip binds: RMSProp's steps of about the learning rate keep pushing weights against it.
        assertThat(Arrays.stream(p).filter(v -> Math.abs(v) == c).count()).isGreaterThan(p.length / 10);
    }

    @Test
    void aFewHundredVanillaStepsBringTheGeneratedPointsTowardsTheRing() {
        Distribution2D ring = Distribution2D.ring();
        // Equal learning rates: the baseline's ten times faster G, chosen to show mode collapse, first overshoots.
        GanLab lab = new GanLab(ring, small(2).withLearningRates(1e-3, 1e-3));
        double before = meanDistanceToNearestMode(lab.shownSamples(), ring);
        for (int i = 0; i < 400; i++) {
            lab.step();
        }
        double after = meanDistanceToNearestMode(lab.shownSamples(), ring);
        assertThat(after).isLessThan(0.7 * before);
    }

    @Test
    void settingsThatNeedNewNetworksAreRefusedAndTheOthersApplyLive() {
        LabSettings settings = small(11);
        GanLab lab = new GanLab(Distribution2D.ring(), settings);
        assertThatThrownBy(() -> lab.apply(settings.withDiscriminator(8, 2, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lab.apply(settings.withMinibatchKernels(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lab.apply(settings.withWgan(true, 0.01, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(lab.settings()).isEqualTo(settings);

        LabSettings live = settings.withLearningRates(2e-4, 3e-4).withK(2).withUnrolled(true, 3);
        lab.apply(live);
        assertThat(lab.settings()).isEqualTo(live);
        lab.step();
        assertThat(lab.steps()).isEqualTo(1);
    }

    @Test
    void aNonFiniteLossStopsTheStepAndRestoresTheDiscriminator() {
        // Real points at the edge of the doubles overflow D's activations to infinity and its loss to NaN, every time.
        Distribution2D far = Distribution2D.drawn(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
        GanLab lab = new GanLab(far, small(13));
        double[] before = lab.discriminatorState();
        assertThatThrownBy(lab::discriminatorStep).isInstanceOf(TrainingDivergedException.class);
        assertThat(Arrays.equals(lab.discriminatorState(), before)).isTrue();
        assertThat(lab.steps()).isZero();
    }

    @Test
    void eachVariantSwitchesOnItsRemedyOverTheSharedBaseline() {
        LabSettings base = LabSettings.vanilla().withSeed(4);
        assertThat(LabVariant.VANILLA_MINIMAX.settings(4)).isEqualTo(base.withGeneratorLoss(GeneratorLoss.MINIMAX));
        assertThat(LabVariant.VANILLA_NON_SATURATING.settings(4))
                .isEqualTo(base.withGeneratorLoss(GeneratorLoss.NON_SATURATING));
        LabSettings small = LabVariant.SMALL_D_DROPOUT.settings(4);
        assertThat(small.dWidth()).isLessThan(base.dWidth());
        assertThat(small.dDropout()).isGreaterThan(base.dDropout());
        assertThat(LabVariant.UNROLLED.settings(4).unrolled()).isTrue();
        assertThat(LabVariant.MINIBATCH.settings(4).minibatchKernels()).isPositive();
        assertThat(LabVariant.WGAN.settings(4).wgan()).isTrue();
        for (LabVariant v : LabVariant.values()) {
            assertThat(LabVariant.byId(v.id().toUpperCase(Locale.ROOT))).isEqualTo(v);
            assertThat(v.settings(4).seed()).isEqualTo(4);
            assertThat(v.settings(4).withSeed(5)).isEqualTo(v.settings(5));
        }
        assertThatThrownBy(() -> LabVariant.byId("nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unrolled");
    }

    @Test
    void minibatchDiscriminationTrainsAndMapsThePlaneAgainstTheGeneratedPoints() {
        GanLab lab = new GanLab(Distribution2D.ring(), small(15).withMinibatchKernels(4));
        for (int i = 0; i < 5; i++) {
            lab.step();
        }
        double[] map = lab.discriminatorMap(8, 3, lab.sample(32));
        assertThat(map).hasSize(64);
        assertThat(Arrays.stream(map).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(map).max().orElseThrow()).isLessThanOrEqualTo(1);
    }

    @Test
    void theGeneratorGradientAndItsNormMatchFiniteDifferencesOfTheGeneratorLoss() {
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            LabSettings settings = LabSettings.vanilla().withGenerator(2, 4, 1).withDiscriminator(4, 1, 0).withBatch(6)
                    .withGeneratorLoss(loss).withSeed(21);
            GanLab lab = new GanLab(Distribution2D.ring(), settings);
            lab.discriminatorStep();
            double[] z = lab.noise(6);
            double[] analytic = lab.generatorGradient(z, 6).clone();
            double[] p = lab.generator().params();
            double h = 1e-6;
            double sq = 0;
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + h;
                lab.generatorGradient(z, 6);
                double up = lab.losses().gLoss();
                p[i] = keep - h;
                lab.generatorGradient(z, 6);
                double down = lab.losses().gLoss();
                p[i] = keep;
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[i]).as("%s, parameter %d", loss, i).isCloseTo(numeric, within(1e-7));
                sq += numeric * numeric;
            }
            // The step reports the norm of the gradient it descends: a twin lab draws the same z for its G step.
            GanLab twin = new GanLab(Distribution2D.ring(), settings);
            twin.discriminatorStep();
            lab = new GanLab(Distribution2D.ring(), settings);
            lab.discriminatorStep();
            double[] twinZ = twin.noise(6);
            double expected = Math.sqrt(Arrays.stream(twin.generatorGradient(twinZ, 6)).map(g -> g * g).sum());
            assertThat(lab.generatorStep().generatorGradientNorm()).isEqualTo(expected);
            assertThat(expected).isCloseTo(Math.sqrt(sq), within(1e-6));
        }
    }

    @Test
    void wganGpTrainsAnUnclippedCriticWithThePenaltyInItsLoss() {
        LabSettings settings = small(23).withWgan(true, 0.01, 5).withGradientPenalty(1);
        assertThat(settings.penalized()).isTrue();
        GanLab lab = new GanLab(Distribution2D.ring(), settings);
        for (int i = 0; i < 20; i++) {
            lab.step();
        }
        double[] p = lab.discriminator().copyParams();
        // Clipping is off: weights leave [-c, c].
        assertThat(Arrays.stream(p).map(Math::abs).max().orElseThrow()).isGreaterThan(0.01);
        GanLab.Losses l = lab.losses();
        // The critic's loss is mean f(fake) - mean f(real) + the penalty, which is never negative.
        assertThat(l.dLoss()).isGreaterThanOrEqualTo(l.dFake() - l.dReal());
        assertThat(l.generatorGradientNorm()).isPositive();
        // Switching between clipping and the penalty changes the critic's optimizer: new networks.
        assertThat(small(23).withWgan(true, 0.01, 5).needsRebuild(settings)).isTrue();
        assertThat(settings.needsRebuild(settings.withGradientPenalty(2))).isFalse();
        assertThat(settings.needsRebuild(settings.withGeneratorSgd(true))).isTrue();
        LabSettings gp = LabVariant.WGAN_GP.settings(4);
        assertThat(gp.penalized()).isTrue();
        assertThat(gp.learningRateG()).isEqualTo(gp.learningRateD());
        assertThat(LabVariant.WGAN.settings(4).penalized()).isFalse();
    }

    @Test
    void settingsWithoutTheNewSwitchesKeepTheirOldMeaning() {
        LabSettings s = LabSettings.vanilla();
        assertThat(new LabSettings(s.noiseDim(), s.gWidth(), s.gDepth(), s.dWidth(), s.dDepth(), s.dDropout(),
                s.generatorLoss(), s.k(), s.unrolled(), s.unrollSteps(), s.minibatchKernels(), s.wgan(), s.clip(),
                s.nCritic(), s.learningRateD(), s.learningRateG(), s.batch(), s.seed())).isEqualTo(s);
        assertThat(s.gradientPenalty()).isZero();
        assertThat(s.generatorSgd()).isFalse();
        assertThat(s.dHeadStart()).isZero();
        assertThatThrownBy(() -> s.withHeadStart(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withHeadStart(LabSettings.MAX_HEAD_START + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("head start");
        assertThat(s.withHeadStart(LabSettings.MAX_HEAD_START).dHeadStart()).isEqualTo(LabSettings.MAX_HEAD_START);
        assertThat(new GanLab.Losses(1, 2, 3, 4).generatorGradientNorm()).isNaN();
        assertThatThrownBy(() -> s.withGradientPenalty(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachStageHasItsBaselineAndItsRemedies() {
        assertThat(LabStage.MODE_COLLAPSE.baseline()).isEqualTo(LabSettings.vanilla());
        LabSettings strong = LabStage.VANISHING_GRADIENT.baseline();
        assertThat(strong.generatorLoss()).isEqualTo(GeneratorLoss.MINIMAX);
        assertThat(strong.k()).isGreaterThan(1);
        assertThat(strong.learningRateD()).isGreaterThan(LabSettings.vanilla().learningRateD());
        assertThat(strong.generatorSgd()).isTrue();
        assertThat(strong.dHeadStart()).isPositive();
        // The head start applies live: it needs no new networks.
        assertThat(strong.needsRebuild(strong.withHeadStart(0))).isFalse();
        assertThat(LabStage.MODE_COLLAPSE.variants()).contains(LabVariant.UNROLLED, LabVariant.MINIBATCH,
                LabVariant.WGAN, LabVariant.WGAN_GP).doesNotContain(LabVariant.SMALL_D_DROPOUT);
        assertThat(LabStage.VANISHING_GRADIENT.variants()).contains(LabVariant.VANILLA_NON_SATURATING,
                LabVariant.SMALL_D_DROPOUT, LabVariant.UNROLLED);
        assertThat(LabStage.VANISHING_GRADIENT.settings(LabVariant.SMALL_D_DROPOUT, 3))
                .isEqualTo(LabVariant.SMALL_D_DROPOUT.apply(strong.withSeed(3)));
        assertThat(LabStage.byId(" Vanishing_Gradient")).isEqualTo(LabStage.VANISHING_GRADIENT);
        assertThatThrownBy(() -> LabStage.byId("nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode_collapse");
    }

    @Test
    void duringDsHeadStartGStandsStillWhileDLearnsAndReportsTheGradientItWouldHaveApplied() {
        LabSettings free = small(31).withGeneratorSgd(true);
        GanLab held = new GanLab(Distribution2D.ring(), free.withHeadStart(3));
        GanLab twin = new GanLab(Distribution2D.ring(), free);
        double[] g0 = held.generator().copyParams();
        double[] d0 = held.discriminatorState();

        // The first iteration is the same in both labs up to G's update: same D steps, same noise, same gradient.
        GanLab.Losses first = held.step();
        assertThat(twin.step()).isEqualTo(first);
        assertThat(held.generator().copyParams()).containsExactly(g0);
        assertThat(held.discriminatorState()).isNotEqualTo(d0);
        // The twin applied that gradient: SGD with momentum's first step is −lr times it, so the reported norm is
        // the norm of the step the held G did not take, divided by the learning rate.
        double[] moved = twin.generator().copyParams();
        double sq = 0;
        for (int i = 0; i < g0.length; i++) {
            sq += (moved[i] - g0[i]) * (moved[i] - g0[i]);
        }
        assertThat(Math.sqrt(sq) / free.learningRateG()).isCloseTo(first.generatorGradientNorm(),
                within(1e-9 * first.generatorGradientNorm()));
        assertThat(first.generatorGradientNorm()).isPositive();

        double[] d1 = held.discriminatorState();
        held.step();
        held.step();
        assertThat(held.steps()).isEqualTo(3);
        assertThat(held.generator().copyParams()).containsExactly(g0);
        assertThat(held.discriminatorState()).isNotEqualTo(d1);
        // The head start is over: G steps again.
        held.step();
        assertThat(held.generator().copyParams()).isNotEqualTo(g0);
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }

    private static double median(double[] values, int from, int to) {
        return org.apache.commons.math3.stat.StatUtils.percentile(values, from, to - from, 50);
    }

    @Test
    void duringDsHeadStartTheMinimaxGradientVanishesWithDOfGOfZAndTheNonSaturatingOneDoesNot() {
        // The stage's D against a G held still for all n iterations (seed 2, whose D wins soonest: 2,400 D steps).
        int n = 400;
        LabSettings minimax = LabStage.VANISHING_GRADIENT.settings(LabVariant.VANILLA_MINIMAX, 2).withHeadStart(n);
        LabSettings nonSaturating = minimax.withGeneratorLoss(GeneratorLoss.NON_SATURATING);
        GanLab lab = new GanLab(Distribution2D.ring(), minimax);
        double[] gradient = new double[n];
        double[] dFake = new double[n];
        // The non-saturating G's gradient against the same D, on noise of the test's own (the lab's stream stays).
        double[] nsGradient = new double[n];
        java.util.Random noise = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            GanLab.Losses l = lab.step();
            gradient[i] = l.generatorGradientNorm();
            dFake[i] = l.dFake();
            if (i < 50 || i >= n - 100) {
                double[] z = new double[minimax.batch() * minimax.noiseDim()];
                Arrays.setAll(z, j -> noise.nextGaussian());
                lab.apply(nonSaturating);
                nsGradient[i] = norm(lab.generatorGradient(z, minimax.batch()));
                lab.apply(minimax);
            }
        }
        // D overpowers the fixed G: D(G(z)) goes towards 0 ...
        assertThat(median(dFake, n - 100, n)).isLessThan(1e-2).isLessThan(median(dFake, 0, 50) / 20);
        // ... and the minimax gradient, D(G(z)) times the non-saturating one per point, with it; medians, because
        // single batches spike.
        assertThat(median(gradient, n - 100, n)).isLessThan(median(gradient, 0, 50) / 10);
        // The non-saturating gradient grows instead as D grows confident.
        assertThat(median(nsGradient, n - 100, n)).isGreaterThan(median(nsGradient, 0, 50))
                .isGreaterThan(100 * median(gradient, n - 100, n));
    }
}

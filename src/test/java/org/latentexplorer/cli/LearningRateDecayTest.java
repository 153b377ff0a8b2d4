package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.store.Models;

/** {@code train --lr-decay}: both of a GAN's rates hold for the first half of the run, then fall in a line to 0. */
class LearningRateDecayTest {
    private static void step(TrainerListener listener, long step) {
        listener.onStep(new TrainerListener.StepEvent(step, 1, 0, 100, LossTerms.of(Map.of("d_loss", 0.5)), 0, 0));
    }

    @Test
    void bothRatesHoldForHalfTheRunThenFallToZeroAtItsEnd() {
        Gan gan = (Gan) Models.create(ModelKind.GAN, 784, 100, 2e-4, 7);
        gan.setLearningRates(2e-4, 4e-4);
        TrainerListener decay = TrainCommand.decayingRates(gan, 1000);
        step(decay, 1);
        assertThat(gan.learningRateD()).isEqualTo(2e-4);
        step(decay, 500);
        assertThat(gan.learningRateG()).isEqualTo(4e-4);
        step(decay, 750);
        assertThat(gan.learningRateD()).isCloseTo(1e-4, within(1e-12));
        assertThat(gan.learningRateG()).isCloseTo(2e-4, within(1e-12));
        step(decay, 1000);
        assertThat(gan.learningRateD()).isZero();
        assertThat(gan.learningRateG()).isZero();
    }
}

package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MiniBatches;

/** Trains a model step by step on shuffled mini-batches, as the Trainer would, without its thread. */
public final class TrainingSteps {
    private TrainingSteps() {
    }

    public static void run(GenerativeModel model, ImageSet train, int steps, int batch, long seed) {
        MiniBatches batches = new MiniBatches(train.size(), batch, seed);
        for (int s = 0; s < steps; s++) {
            int[] idx = batches.indices(s / batches.batchesPerEpoch(), s % batches.batchesPerEpoch());
            assertThat(model.trainBatch(Tensors.rows(train.gather(idx), idx.length)).isFinite()).isTrue();
        }
    }
}

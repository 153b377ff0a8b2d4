package org.latentexplorer.engine.core;

/**
 * How a Trainer runs: epochs and batch size, the seed of the batch order, and how often it evaluates the
 * held-out set and publishes a parameter copy for views.
 */
public record TrainingConfig(int epochs, int batchSize, long seed, int evalEvery, int snapshotEvery) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH_SIZE = 8192;

    public TrainingConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH_SIZE + ", got "
                    + batchSize);
        }
        if (evalEvery < 1 || snapshotEvery < 1) {
            throw new IllegalArgumentException("evaluation and snapshot intervals must be at least 1 step");
        }
    }

    public static TrainingConfig of(int epochs, int batchSize, long seed) {
        return new TrainingConfig(epochs, batchSize, seed, 100, 20);
    }
}

package org.latentexplorer.engine.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a Trainer tells the world, always from its own thread: listeners must hand work to their own threads. */
public interface TrainerListener {
    /** Step events, numbered from 1 across all epochs. */
    record StepEvent(long step, int epoch, int batch, int batchesPerEpoch, LossTerms train, double samplesPerSecond,
            double progress) {
    }

    record EvalEvent(long step, int epoch, LossTerms heldOut) {
    }

    /** A private copy of all parameters: views decode with it, never with the network being trained. */
    record Snapshot(long step, INDArray parameters) {
    }

    default void onStep(StepEvent event) {
    }

    default void onEval(EvalEvent event) {
    }

    default void onSnapshot(Snapshot snapshot) {
    }

    default void onStateChanged(Trainer.State state) {
    }

    /** The run ended by an error; the model holds its last good parameters. */
    default void onFailure(Throwable error) {
    }
}

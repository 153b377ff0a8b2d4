package org.latentexplorer.engine.core;

import org.latentexplorer.i18n.Localizable;

/** The loss became NaN or infinite; the Trainer has restored the last parameters that gave a finite loss. */
public final class TrainingDivergedException extends RuntimeException implements Localizable {
    private final long step;
    private final long restoredStep;

    public TrainingDivergedException(long step, long restoredStep) {
        super("The loss diverged (not a finite number) at step " + step
                + ". Training stopped; the model was restored to step " + restoredStep + ". Try a lower learning rate.");
        this.step = step;
        this.restoredStep = restoredStep;
    }

    public long step() {
        return step;
    }

    @Override
    public String messageKey() {
        return "train.error.diverged";
    }

    @Override
    public Object[] args() {
        return new Object[] {step, restoredStep};
    }
}

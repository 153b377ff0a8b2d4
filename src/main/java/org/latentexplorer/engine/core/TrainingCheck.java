package org.latentexplorer.engine.core;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.i18n.Localizable;

/**
 * Whether a run that ended with finite losses left a model worth having, as warnings in the user's language: a model
 * no better on held-out images than before training (a learning rate far too high does that without any NaN), or a
 * VQ-VAE whose codebook collapsed onto one code. A GAN's losses measure its two networks against each other, not its
 * images, so they say nothing here.
 */
public final class TrainingCheck {
    /** A problem with a trained model, said in the user's language. */
    public record Warning(String messageKey, Object[] args) implements Localizable {
        @Override
        public Object[] args() {
            return args.clone();
        }
    }

    private final GenerativeModel model;
    private final ImageSet heldOut;
    private final LossTerms untrained;

    private TrainingCheck(GenerativeModel model, ImageSet heldOut, LossTerms untrained) {
        this.model = model;
        this.heldOut = heldOut;
        this.untrained = untrained;
    }

    /** Measures the model on the held-out images before its first step (a GAN is not measured: see above). */
    public static TrainingCheck before(GenerativeModel model, ImageSet heldOut) {
        boolean adversarial = model.kind() == ModelKind.GAN || model.kind() == ModelKind.DCGAN;
        return new TrainingCheck(model, heldOut, adversarial ? null : Trainer.evaluate(model, heldOut));
    }

    /** @param trained the held-out loss terms after training */
    public List<Warning> after(LossTerms trained) {
        List<Warning> warnings = new ArrayList<>();
        if (untrained == null) {
            return warnings;
        }
        // The primary term is the one each model minimises: lower is better.
        if (!(trained.primary() < untrained.primary())) {
            warnings.add(noBetter(primaryName(trained), untrained.primary(), trained.primary()));
        }
        warnings.addAll(model.warnings(heldOut));
        return warnings;
    }

    /** The classifier's: held-out accuracy, where higher is better. */
    public static List<Warning> ofClassifier(double untrainedAccuracy, double trainedAccuracy) {
        return trainedAccuracy > untrainedAccuracy ? List.of()
                : List.of(noBetter("accuracy", untrainedAccuracy, trainedAccuracy));
    }

    private static Warning noBetter(String measure, double before, double after) {
        return new Warning("train.warning.noBetter", new Object[] {measure, after, before});
    }

    private static String primaryName(LossTerms terms) {
        return terms.asMap().keySet().iterator().next();
    }
}

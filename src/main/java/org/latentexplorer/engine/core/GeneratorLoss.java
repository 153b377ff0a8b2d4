package org.latentexplorer.engine.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the Generator descends, per sample, written in D's logit l for G(z) (D(G(z)) = σ(l)). */
public enum GeneratorLoss {
    /** The chapter's log(1 − D(G(z))) = −softplus(l): its gradient vanishes while D rejects G's images. */
    MINIMAX("minimax") {
        @Override
        public double value(double logit) {
            return -Logistic.softplus(logit);
        }

        @Override
        public double gradient(double logit) {
            return -Logistic.sigmoid(logit);
        }
    },
    /** −log D(G(z)) = softplus(−l): the same fixed point, with its strongest gradient where D rejects G(z). */
    NON_SATURATING("non_saturating") {
        @Override
        public double value(double logit) {
            return Logistic.softplus(-logit);
        }

        @Override
        public double gradient(double logit) {
            return Logistic.sigmoid(logit) - 1;
        }
    };

    private final String id;

    GeneratorLoss(String id) {
        this.id = id;
    }

    public abstract double value(double logit);

    /** ∂value/∂l. */
    public abstract double gradient(double logit);

    public double mean(double[] logits) {
        double sum = 0;
        for (double l : logits) {
            sum += value(l);
        }
        return sum / logits.length;
    }

    /** What manifests and the command line call it. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static GeneratorLoss byId(String id) {
        for (GeneratorLoss g : values()) {
            if (g.id.equalsIgnoreCase(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown generator loss '" + id + "'; known: minimax, non_saturating");
    }
}

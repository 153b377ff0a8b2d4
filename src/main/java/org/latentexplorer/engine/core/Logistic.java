package org.latentexplorer.engine.core;

/** The logistic function and its log-partner, in forms that stay finite for any logit. */
public final class Logistic {
    private Logistic() {
    }

    /** log(1 + e^v), without overflow for large v. */
    public static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }

    /** σ(v) = 1 / (1 + e^−v), without overflow for large −v. */
    public static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
}

package org.latentexplorer.engine.vae;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reparameterization trick: z = μ + σ ⊙ ε with σ = exp(½ log σ²) and ε ~ N(0, I) drawn outside the
 * network, so z is a differentiable function of the Encoder's outputs and the gradient reaches the Encoder.
 */
public final class Reparameterization {
    private final INDArray mu;
    private final INDArray logVar;
    private final INDArray eps;
    private final INDArray sigma;

    public Reparameterization(INDArray mu, INDArray logVar, INDArray eps) {
        this.mu = mu;
        this.logVar = logVar;
        this.eps = eps;
        this.sigma = Transforms.exp(logVar.mul(0.5), false);
    }

    /** z = μ + σ ⊙ ε. */
    public INDArray z() {
        return mu.add(sigma.mul(eps));
    }

    /** ∂L/∂μ = ∂L/∂z, since ∂z/∂μ = 1. */
    public INDArray gradMu(INDArray gradZ) {
        return gradZ.dup();
    }

    /** ∂L/∂log σ² = ∂L/∂z ⊙ ε ⊙ ½σ, since ∂z/∂log σ² = ½ σ ε. */
    public INDArray gradLogVar(INDArray gradZ) {
        return gradZ.mul(eps).muli(sigma).muli(0.5);
    }

    /** KL[N(μ, σ²) ‖ N(0, I)] per row: −½ Σ (1 + log σ² − μ² − σ²). */
    public INDArray klPerRow() {
        INDArray terms = logVar.add(1.0).subi(mu.mul(mu)).subi(sigma.mul(sigma));
        return terms.sum(1).muli(-0.5);
    }

    /** ∂KL/∂μ = μ for each row's own KL. */
    public INDArray klGradMu() {
        return mu.dup();
    }

    /** ∂KL/∂log σ² = ½ (σ² − 1) for each row's own KL. */
    public INDArray klGradLogVar() {
        return sigma.mul(sigma).subi(1.0).muli(0.5);
    }

    /** Concatenates gradients for μ and log σ² in the Encoder's output order [μ | log σ²]. */
    static INDArray encoderOutputGradient(INDArray gradMu, INDArray gradLogVar) {
        return Nd4j.hstack(gradMu, gradLogVar);
    }
}

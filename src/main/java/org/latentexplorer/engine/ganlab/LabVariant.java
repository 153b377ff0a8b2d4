package org.latentexplorer.engine.ganlab;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.latentexplorer.engine.core.GeneratorLoss;

/**
 * The GAN variants the lab compares: the chapter's vanilla GAN with either Generator loss, and each remedy for its
 * problems switched on over one shared baseline ({@link LabSettings#vanilla()}), so a difference in the numbers is the
 * remedy's doing. The id is what the command line uses.
 */
public enum LabVariant {
    /** The chapter's min_G max_D V(D, G): G descends log(1 - D(G(z))). */
    VANILLA_MINIMAX("vanilla_minimax") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withGeneratorLoss(GeneratorLoss.MINIMAX);
        }
    },
    /** G descends -log D(G(z)) instead: the same fixed point, but a strong gradient where D rejects G(z). */
    VANILLA_NON_SATURATING("vanilla_non_saturating") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withGeneratorLoss(GeneratorLoss.NON_SATURATING);
        }
    },
    /** The chapter's remedy for D overpowering G (the vanishing gradient): D of half the width, dropout 0.5. */
    SMALL_D_DROPOUT("small_d_dropout") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withDiscriminator(Math.max(1, baseline.dWidth() / 2), baseline.dDepth(), 0.5);
        }
    },
    /** G steps against D advanced K steps, so it cannot win by jumping to the mode D currently favours. */
    UNROLLED("unrolled") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withUnrolled(true, baseline.unrollSteps());
        }
    },
    /** D sees how alike the points of a batch are, so a collapsed batch is easy to reject. */
    MINIBATCH("minibatch") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withMinibatchKernels(MINIBATCH_KERNELS);
        }
    },
    /** A critic estimating the Earth Mover's distance, kept Lipschitz by clipping, with n_critic steps per G step. */
    WGAN("wgan") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withWgan(true, baseline.clip(), baseline.nCritic()).withGradientPenalty(0);
        }
    },
    /**
     * Not the chapter's: WGAN-GP (Gulrajani et al. 2017), the form WGAN took next. The critic is kept 1-Lipschitz by
     * the penalty λ (‖∇ₓ f(x̂)‖ − 1)² between real and generated points instead of by clipping, and trained with Adam.
     * Critic and G learn at the same rate, as in its paper: the critic is G's guide, not its opponent, and a G ten
     * times faster than the critic (the baseline's ratio) outruns the guide and covers no mode.
     */
    WGAN_GP("wgan_gp") {
        @Override
        public LabSettings apply(LabSettings baseline) {
            return baseline.withWgan(true, baseline.clip(), baseline.nCritic()).withGradientPenalty(GP_LAMBDA)
                    .withLearningRates(GP_LEARNING_RATE, GP_LEARNING_RATE);
        }
    };

    /** B kernels of C = 4: enough to tell a collapsed batch, and the pairwise comparisons cost B per pair. */
    public static final int MINIBATCH_KERNELS = 4;

    /** WGAN-GP's λ: its paper's value for 2-D toy data (its gan_toy.py; 10 is for images). */
    public static final double GP_LAMBDA = 0.1;
    /** WGAN-GP's learning rate for both players. */
    public static final double GP_LEARNING_RATE = 1e-3;

    private final String id;

    LabVariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** This variant's settings on top of {@code baseline}. */
    public abstract LabSettings apply(LabSettings baseline);

    /** This variant's settings on top of the mode-collapse stage's baseline, with the given seed. */
    public LabSettings settings(long seed) {
        return apply(LabSettings.vanilla().withSeed(seed));
    }

    /**
     * @throws IllegalArgumentException for an id no variant has
     */
    public static LabVariant byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "'; known: " + ids()));
    }

    /** Every variant's id, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(LabVariant::id).collect(Collectors.joining(", "));
    }
}

package org.latentexplorer.engine.vqvae;

import static org.latentexplorer.engine.vqvae.VqVae.GRID;

import java.util.Optional;
import java.util.Random;

/**
 * The priors a {@link VqVae} keeps over its code maps, at most one of each kind, and the code maps they draw. A prior
 * is immutable, so a model's copies share them.
 */
final class CodePriors {
    private final int codebookSize;
    private volatile CodePrior perPosition;
    private volatile CodePrior autoregressive;

    CodePriors(int codebookSize) {
        this.codebookSize = codebookSize;
    }

    /** Keeps a prior fitted on the model's code maps, in place of the one of its kind. */
    void set(CodePrior prior) {
        if (prior.height() != GRID || prior.width() != GRID || prior.codebookSize() != codebookSize) {
            throw new IllegalArgumentException("a prior over " + prior.height() + " × " + prior.width() + " maps of "
                    + prior.codebookSize() + " codes does not fit this model's " + GRID + " × " + GRID + " maps of "
                    + codebookSize);
        }
        if (prior.kind() == CodePrior.Kind.PER_POSITION) {
            perPosition = prior;
        } else {
            autoregressive = prior;
        }
    }

    Optional<CodePrior> get(CodePrior.Kind kind) {
        return Optional.ofNullable(kind == CodePrior.Kind.PER_POSITION ? perPosition : autoregressive);
    }

    /** Fits one prior of each kind on these code maps and keeps them. */
    void fit(int[][] trainingMaps, long seed) {
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            set(CodePrior.fit(kind, trainingMaps, GRID, GRID, codebookSize, seed));
        }
    }

    /** Code maps from the best prior there is (autoregressive, per-position), or uniform codes without one. */
    int[][] sample(int n, long seed) {
        Random random = new Random(seed);
        CodePrior prior = autoregressive != null ? autoregressive : perPosition;
        if (prior != null) {
            return prior.sample(n, random);
        }
        int[][] maps = new int[n][GRID * GRID];
        for (int[] map : maps) {
            for (int p = 0; p < map.length; p++) {
                map[p] = random.nextInt(codebookSize);
            }
        }
        return maps;
    }

    /** Gives another model's priors these ones. */
    void copyTo(CodePriors other) {
        other.perPosition = perPosition;
        other.autoregressive = autoregressive;
    }
}

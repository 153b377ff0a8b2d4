package org.latentexplorer.engine.vqvae;

import static org.latentexplorer.engine.vqvae.VqVae.PIXELS;
import static org.latentexplorer.engine.vqvae.VqVae.SIDE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.engine.core.HyperParameters;

/**
 * The settings a {@link VqVae} is built with, checked on construction, and their form in a manifest's
 * hyper-parameters. β and dead-code restart may change while training; the manifest records their current values.
 */
public record VqVaeConfig(int inputSize, int codebookSize, int codeDimension, double learningRate, long seed,
        double beta, boolean restartDeadCodes) {
    public static final int DEFAULT_CODEBOOK_SIZE = 32;
    public static final int DEFAULT_CODE_DIMENSION = 8;
    public static final double DEFAULT_BETA = 0.25;
    public static final int MAX_CODEBOOK_SIZE = 1024;
    public static final int MAX_CODE_DIMENSION = 64;
    public static final double MAX_BETA = 100;
    private static final String CHANNELS = "channels";

    public VqVaeConfig {
        if (inputSize != PIXELS) {
            throw new IllegalArgumentException("the VQ-VAE takes " + SIDE + " × " + SIDE + " images (" + PIXELS
                    + " pixels); the data has " + inputSize);
        }
        if (codebookSize < 2 || codebookSize > MAX_CODEBOOK_SIZE) {
            throw new IllegalArgumentException("the codebook size K must be between 2 and " + MAX_CODEBOOK_SIZE
                    + ", got " + codebookSize);
        }
        if (codeDimension < 1 || codeDimension > MAX_CODE_DIMENSION) {
            throw new IllegalArgumentException("the code dimension D must be between 1 and " + MAX_CODE_DIMENSION
                    + ", got " + codeDimension);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        checkBeta(beta);
    }

    public static VqVaeConfig defaults() {
        return new VqVaeConfig(PIXELS, DEFAULT_CODEBOOK_SIZE, DEFAULT_CODE_DIMENSION, 1e-3, 42, DEFAULT_BETA, true);
    }

    /**
     * As a manifest records it, with β and the restart of dead codes as they are now (both may change while training)
     * and the Encoder's channels, which this version does not let change.
     */
    Map<String, Object> toMap(double currentBeta, boolean currentRestart) {
        Map<String, Object> m = new LinkedHashMap<>();
        HyperParameters.of(new VqVaeConfig(inputSize, codebookSize, codeDimension, learningRate, seed, currentBeta,
                currentRestart)).forEach((k, v) -> {
                    m.put(k, v);
                    if (k.equals("input_size")) {
                        m.put(CHANNELS, channels());
                    }
                });
        return m;
    }

    static VqVaeConfig fromMap(Map<String, Object> m) {
        if (!channels().equals(m.get(CHANNELS))) {
            throw new IllegalArgumentException("this version builds VQ-VAEs with channels " + channels()
                    + ", the file's has " + m.get(CHANNELS));
        }
        return HyperParameters.read(m, VqVaeConfig.class);
    }

    private static List<Integer> channels() {
        return Arrays.stream(VqVaeGraph.CHANNELS).boxed().toList();
    }

    static void checkBeta(double beta) {
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new IllegalArgumentException("beta (the commitment weight) must be between 0 and " + MAX_BETA
                    + ", got " + beta);
        }
    }
}

package org.latentexplorer.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The chapter's three ways to corrupt the input of a denoising autoencoder, at a level the learner chooses. Each
 * pixel is corrupted independently:
 * <ul>
 * <li>{@link Type#MASKING}: with probability {@code level} the pixel is set to 0;</li>
 * <li>{@link Type#SALT_AND_PEPPER}: with probability {@code level} it is set to 0 or to 1, each equally likely;</li>
 * <li>{@link Type#GAUSSIAN}: N(0, level²) is added, so the level is σ, and the result is clipped to [0, 1], since
 * pixels (and the sigmoid outputs they are compared with) live there.</li>
 * </ul>
 * Level 0 of any type is no noise: the plain autoencoder. For one type the same seed draws the same random numbers at
 * every level, so a higher level corrupts a superset of the pixels a lower one does (or scales the same Gaussian
 * draws), and a curve over levels does not jitter from one level to the next.
 */
public record ImageNoise(Type type, double level) {

    public enum Type {
        MASKING("masking"),
        SALT_AND_PEPPER("salt_and_pepper"),
        GAUSSIAN("gaussian");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The name manifests and the command line use. */
        public String id() {
            return id;
        }

        public static Type byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown noise '" + id + "'; known: "
                            + Arrays.stream(values()).map(Type::id).collect(Collectors.joining(", "))));
        }
    }

    /** A share beyond 1 means nothing, and σ beyond 1 turns every clipped pixel into near-random black or white. */
    public static final double MAX_LEVEL = 1;

    public static final ImageNoise NONE = new ImageNoise(Type.MASKING, 0);

    public ImageNoise {
        Objects.requireNonNull(type, "type");
        if (!(level >= 0 && level <= MAX_LEVEL)) {
            throw new IllegalArgumentException("the level of " + type.id + " noise ("
                    + (type == Type.GAUSSIAN ? "its sigma" : "the share of pixels it corrupts") + ") must be between 0 and "
                    + MAX_LEVEL + ", got " + level);
        }
    }

    public boolean isNone() {
        return level == 0;
    }

    /** The same type at another level. */
    public ImageNoise withLevel(double newLevel) {
        return new ImageNoise(type, newLevel);
    }

    /**
     * A corrupted copy of the pixels (any number of images, one after another); the input is not changed. The random
     * numbers drawn for each pixel do not depend on the level.
     */
    public float[] apply(float[] pixels, long seed) {
        float[] out = pixels.clone();
        if (isNone()) {
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        switch (type) {
            case MASKING -> {
                for (int i = 0; i < out.length; i++) {
                    if (random.nextDouble() < level) {
                        out[i] = 0;
                    }
                }
            }
            case SALT_AND_PEPPER -> {
                for (int i = 0; i < out.length; i++) {
                    boolean corrupted = random.nextDouble() < level;
                    boolean salt = random.nextBoolean();
                    if (corrupted) {
                        out[i] = salt ? 1 : 0;
                    }
                }
            }
            case GAUSSIAN -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) Math.min(1, Math.max(0, out[i] + level * random.nextGaussian()));
                }
            }
        }
        return out;
    }
}

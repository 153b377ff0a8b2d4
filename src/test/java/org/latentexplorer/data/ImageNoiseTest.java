package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageNoise.Type;

class ImageNoiseTest {
    /** 100 images of 784 pixels: shares of 78,400 Bernoulli draws are within ±0.006 of p at four standard deviations. */
    private static final int PIXELS = 100 * 784;

    private static float[] constant(float value) {
        float[] pixels = new float[PIXELS];
        Arrays.fill(pixels, value);
        return pixels;
    }

    private static double share(float[] pixels, float value) {
        int count = 0;
        for (float p : pixels) {
            if (p == value) {
                count++;
            }
        }
        return (double) count / pixels.length;
    }

    @Test
    void maskingSetsTheLevelsShareOfPixelsToZeroAndLeavesTheRest() {
        float[] grey = constant(0.5f);
        float[] noisy = new ImageNoise(Type.MASKING, 0.3).apply(grey, 1);
        assertThat(share(noisy, 0f)).isCloseTo(0.3, within(0.006));
        assertThat(share(noisy, 0f) + share(noisy, 0.5f)).isEqualTo(1.0);
        assertThat(grey).containsOnly(0.5f); // the input is not changed
    }

    @Test
    void saltAndPepperSetsHalfTheLevelsShareToZeroAndHalfToOne() {
        float[] noisy = new ImageNoise(Type.SALT_AND_PEPPER, 0.4).apply(constant(0.5f), 2);
        assertThat(share(noisy, 0f)).isCloseTo(0.2, within(0.006));
        assertThat(share(noisy, 1f)).isCloseTo(0.2, within(0.006));
        assertThat(share(noisy, 0f) + share(noisy, 1f) + share(noisy, 0.5f)).isEqualTo(1.0);
    }

    @Test
    void gaussianAddsNoiseOfStandardDeviationSigmaAndClipsToTheUnitInterval() {
        float[] noisy = new ImageNoise(Type.GAUSSIAN, 0.1).apply(constant(0.5f), 3);
        double mean = 0;
        for (float p : noisy) {
            mean += p;
        }
        mean /= PIXELS;
        double variance = 0;
        for (float p : noisy) {
            variance += (p - mean) * (p - mean);
        }
        assertThat(mean).isCloseTo(0.5, within(0.002));
        assertThat(Math.sqrt(variance / PIXELS)).isCloseTo(0.1, within(0.002));
        assertThat(share(noisy, 0.5f)).isLessThan(0.001); // every pixel moved

        // At the edges the half of the draws that point outwards is clipped onto the edge.
        float[] black = new ImageNoise(Type.GAUSSIAN, 0.3).apply(constant(0f), 4);
        assertThat(share(black, 0f)).isCloseTo(0.5, within(0.01));
        float[] white = new ImageNoise(Type.GAUSSIAN, 0.3).apply(constant(1f), 4);
        assertThat(share(white, 1f)).isCloseTo(0.5, within(0.01));
        for (float[] pixels : new float[][] {noisy, black, white}) {
            for (float p : pixels) {
                assertThat(p).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOther() {
        float[] grey = constant(0.5f);
        for (Type type : Type.values()) {
            ImageNoise noise = new ImageNoise(type, 0.25);
            assertThat(noise.apply(grey, 7)).isEqualTo(noise.apply(grey, 7));
            assertThat(noise.apply(grey, 8)).isNotEqualTo(noise.apply(grey, 7));
        }
    }

    @Test
    void levelZeroChangesNothing() {
        float[] pixels = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            pixels[i] = (i % 256) / 255f;
        }
        for (Type type : Type.values()) {
            ImageNoise none = new ImageNoise(type, 0);
            assertThat(none.isNone()).isTrue();
            assertThat(none.apply(pixels, 5)).isEqualTo(pixels).isNotSameAs(pixels);
        }
        assertThat(ImageNoise.NONE.isNone()).isTrue();
        assertThat(new ImageNoise(Type.MASKING, 0.1).isNone()).isFalse();
    }

    @Test
    void aHigherLevelWithTheSameSeedCorruptsASupersetOfThePixels() {
        float[] grey = constant(0.5f);
        for (Type type : new Type[] {Type.MASKING, Type.SALT_AND_PEPPER}) {
            float[] low = new ImageNoise(type, 0.1).apply(grey, 9);
            float[] high = new ImageNoise(type, 0.4).apply(grey, 9);
            for (int i = 0; i < PIXELS; i++) {
                if (low[i] != 0.5f) {
                    assertThat(high[i]).isEqualTo(low[i]);
                }
            }
        }
        // Gaussian: the same draws, scaled (where no clipping happened).
        float[] low = new ImageNoise(Type.GAUSSIAN, 0.05).apply(grey, 9);
        float[] high = new ImageNoise(Type.GAUSSIAN, 0.1).apply(grey, 9);
        for (int i = 0; i < PIXELS; i++) {
            if (high[i] > 0 && high[i] < 1) {
                assertThat(high[i] - 0.5f).isCloseTo(2 * (low[i] - 0.5f), within(1e-6f));
            }
        }
    }

    @Test
    void levelsOutsideZeroToOneAreRefused() {
        for (Type type : Type.values()) {
            for (double bad : new double[] {-0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> new ImageNoise(type, bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(type.id()).hasMessageContaining("between 0 and 1");
            }
            assertThat(new ImageNoise(type, 1).level()).isEqualTo(1);
        }
        assertThatThrownBy(() -> new ImageNoise(Type.GAUSSIAN, 2)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new ImageNoise(Type.MASKING, 2)).hasMessageContaining("share");
        assertThatThrownBy(() -> new ImageNoise(null, 0.1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void typesAreNamedByTheirIds() {
        for (Type type : Type.values()) {
            assertThat(Type.byId(type.id())).isEqualTo(type);
        }
        assertThat(Type.byId("Salt_And_Pepper")).isEqualTo(Type.SALT_AND_PEPPER);
        assertThatThrownBy(() -> Type.byId("speckle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("masking, salt_and_pepper, gaussian");
        assertThat(new ImageNoise(Type.GAUSSIAN, 0.2).withLevel(0.3)).isEqualTo(new ImageNoise(Type.GAUSSIAN, 0.3));
    }
}

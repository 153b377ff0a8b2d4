package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** n 1x1 images whose single pixel encodes the index (mod 256) and whose label is index / 256. */
    private static ImageSet numbered(int n) {
        byte[] pixels = new byte[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (byte) i;
            labels[i] = i / 256;
        }
        return new ImageSet("numbered", 1, 1, pixels, labels);
    }

    /** Recovers each image's original index from its pixel and label. */
    private static int[] originalIndices(ImageSet set) {
        return IntStream.range(0, set.size())
                .map(i -> set.label(i) * 256 + Math.round(set.pixel(i, 0) * 255))
                .toArray();
    }

    @Test
    void defaultSplitIsDisjointAndCovering() {
        Split split = Split.of(numbered(2560), 256, Split.DEFAULT_SEED);
        int[] train = originalIndices(split.train());
        int[] heldOut = originalIndices(split.heldOut());
        assertThat(train).hasSize(2304);
        assertThat(heldOut).hasSize(256);
        assertThat(IntStream.concat(IntStream.of(train), IntStream.of(heldOut)).sorted().toArray())
                .isEqualTo(IntStream.range(0, 2560).toArray());
        // A shuffle, not the first 256 images.
        assertThat(heldOut).isNotEqualTo(IntStream.range(0, 256).toArray());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        ImageSet set = numbered(2000);
        int[] first = originalIndices(Split.of(set, 100, 7).heldOut());
        assertThat(originalIndices(Split.of(set, 100, 7).heldOut())).isEqualTo(first);
        assertThat(originalIndices(Split.of(set, 100, 8).heldOut())).isNotEqualTo(first);
    }

    @Test
    void mnistSplitsIntoNineThousandAndOneThousand() throws DataException {
        Split split = Split.of(BundledDataset.MNIST.load(), Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED);
        assertThat(split.train().size()).isEqualTo(9000);
        assertThat(split.heldOut().size()).isEqualTo(1000);
        assertThat(split.heldOut().numClasses()).isEqualTo(10);
    }

    @Test
    void heldOutCountMustLeaveBothPartsNonEmpty() {
        ImageSet set = numbered(10);
        assertThatThrownBy(() -> Split.of(set, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> Split.of(set, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Split.of(set, 9, 1).train().size()).isEqualTo(1);
    }
}

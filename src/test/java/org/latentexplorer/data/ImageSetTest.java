package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    /** Four 2x2 images; pixel p of image i is 50 * i + p. */
    private static ImageSet fourImages() {
        byte[] pixels = new byte[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = (byte) (50 * (i / 4) + i % 4);
        }
        return new ImageSet("four", 2, 2, pixels, new int[] {3, 1, 4, 1});
    }

    @Test
    void gatherConcatenatesTheChosenImages() {
        ImageSet set = fourImages();
        assertThat(set.gather(new int[] {2, 0, 2})).containsExactly(
                100 / 255f, 101 / 255f, 102 / 255f, 103 / 255f,
                0f, 1 / 255f, 2 / 255f, 3 / 255f,
                100 / 255f, 101 / 255f, 102 / 255f, 103 / 255f);
        assertThat(set.gatherLabels(new int[] {2, 0, 2})).containsExactly(4, 3, 4);
        assertThat(set.pixel(3, 1)).isEqualTo(151 / 255f);
        assertThat(set.numClasses()).isEqualTo(5);
        assertThatThrownBy(() -> set.gather(new int[] {4})).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> set.pixel(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copiesDoNotChangeTheSet() {
        ImageSet set = fourImages();
        set.image(1)[0] = 9f;
        set.labels()[1] = 9;
        assertThat(set.pixel(1, 0)).isEqualTo(50 / 255f);
        assertThat(set.label(1)).isEqualTo(1);
    }

    @Test
    void subsetKeepsTheChosenImagesInOrder() {
        ImageSet sub = fourImages().subset("two", new int[] {3, 1});
        assertThat(sub.name()).isEqualTo("two");
        assertThat(sub.size()).isEqualTo(2);
        assertThat(sub.labels()).containsExactly(1, 1);
        assertThat(sub.image(0)).containsExactly(150 / 255f, 151 / 255f, 152 / 255f, 153 / 255f);
        assertThat(sub.numClasses()).isEqualTo(2);
    }

    @Test
    void gatheringBatchesOfMnistGivesEachChosenImage() throws DataException {
        // Speed is measured by the bench command, not asserted here.
        ImageSet mnist = BundledDataset.MNIST.load();
        SplittableRandom random = new SplittableRandom(1);
        int pixels = mnist.rows() * mnist.cols();
        for (int b = 0; b < 10; b++) {
            int[] batch = random.ints(128, 0, mnist.size()).toArray();
            float[] gathered = mnist.gather(batch);
            assertThat(gathered).hasSize(128 * 784);
            for (int i = 0; i < batch.length; i++) {
                assertThat(Arrays.copyOfRange(gathered, i * pixels, (i + 1) * pixels))
                        .containsExactly(mnist.image(batch[i]));
            }
        }
    }
}

package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledDatasetTest {

    /** Mean pixel of the whole set: about 0.13 for MNIST's thin strokes, about 0.29 for Fashion-MNIST. */
    @ParameterizedTest
    @CsvSource({"MNIST, 0.12, 0.145", "FASHION_MNIST, 0.26, 0.31"})
    void bundledSetsLoadCompletely(BundledDataset dataset, double minMean, double maxMean) throws DataException {
        ImageSet set = dataset.load();

        assertThat(set.size()).isEqualTo(10_000);
        assertThat(set.rows()).isEqualTo(28);
        assertThat(set.cols()).isEqualTo(28);
        assertThat(set.numClasses()).isEqualTo(10);
        // Labels 0..9 only, and every class present.
        assertThat(IntStream.of(set.labels()).distinct().sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        float[] all = set.gather(IntStream.range(0, set.size()).toArray());
        double sum = 0;
        float min = 1;
        float max = 0;
        for (float v : all) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        assertThat(sum / all.length).isBetween(minMean, maxMean);
        assertThat(set.name()).isEqualTo(dataset.displayName());
    }

    @Test
    void loadIsCached() throws DataException {
        assertThat(BundledDataset.MNIST.load()).isSameAs(BundledDataset.MNIST.load());
    }

    @Test
    void byIdFindsEachSetAndListsValidIds() {
        assertThat(BundledDataset.byId("mnist")).isEqualTo(BundledDataset.MNIST);
        assertThat(BundledDataset.byId("fashion")).isEqualTo(BundledDataset.FASHION_MNIST);
        assertThatThrownBy(() -> BundledDataset.byId("cifar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cifar", "mnist, fashion");
    }
}

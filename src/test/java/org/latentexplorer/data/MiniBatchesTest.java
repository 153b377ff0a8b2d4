package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    private static int[] epoch(MiniBatches batches, int epoch) {
        return IntStream.range(0, batches.batchesPerEpoch())
                .flatMap(b -> IntStream.of(batches.indices(epoch, b)))
                .toArray();
    }

    @Test
    void everyIndexOnceAndLastBatchPartial() {
        MiniBatches batches = new MiniBatches(1000, 128, 3);
        assertThat(batches.batchesPerEpoch()).isEqualTo(8);
        assertThat(batches.indices(0, 0)).hasSize(128);
        assertThat(batches.indices(0, 7)).hasSize(1000 - 7 * 128);
        for (int e = 0; e < 3; e++) {
            assertThat(IntStream.of(epoch(batches, e)).sorted().toArray()).isEqualTo(IntStream.range(0, 1000).toArray());
        }
    }

    @Test
    void exactMultipleHasNoEmptyBatch() {
        MiniBatches batches = new MiniBatches(256, 128, 3);
        assertThat(batches.batchesPerEpoch()).isEqualTo(2);
        assertThat(batches.indices(0, 1)).hasSize(128);
    }

    @Test
    void sameSeedSameBatchesAndEpochsDiffer() {
        MiniBatches a = new MiniBatches(500, 64, 11);
        MiniBatches b = new MiniBatches(500, 64, 11);
        // Asking b out of order must not change what it returns.
        int[] bEpoch2 = epoch(b, 2);
        assertThat(epoch(b, 0)).isEqualTo(epoch(a, 0));
        assertThat(epoch(a, 2)).isEqualTo(bEpoch2);
        assertThat(epoch(a, 1)).isNotEqualTo(epoch(a, 0));
        assertThat(epoch(a, 0)).isNotEqualTo(IntStream.range(0, 500).toArray());
        assertThat(epoch(new MiniBatches(500, 64, 12), 0)).isNotEqualTo(epoch(a, 0));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> new MiniBatches(10, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Batch size");
        MiniBatches batches = new MiniBatches(10, 4, 1);
        assertThatThrownBy(() -> batches.indices(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> batches.indices(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

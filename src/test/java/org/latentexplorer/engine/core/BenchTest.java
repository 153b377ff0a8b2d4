package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that the figures are consistent with each other; speed itself is the bench command's business. */
class BenchTest {
    private static ImageSet images;

    @BeforeAll
    static void loadData() throws Exception {
        images = TestImages.first(TestImages.mnist().train(), 200);
    }

    @Test
    void sgemmRateIsAPositiveFiniteNumber() {
        double gflops = Bench.sgemmGflops(List.of(new int[] {64, 32}, new int[] {32, 16}), 8);
        assertThat(gflops).isPositive().isFinite();
    }

    @Test
    void trainingFiguresAreConsistent() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        INDArray before = model.parameters().dup();
        Bench.Result r = Bench.training("ae", model, images, 32, 1, 3);

        assertThat(r.model()).isEqualTo("ae");
        assertThat(r.batch()).isEqualTo(32);
        assertThat(r.stepsPerSec()).isPositive().isFinite();
        assertThat(r.samplesPerSec()).isCloseTo(r.stepsPerSec() * 32, within(1e-9 * r.samplesPerSec()));
        assertThat(r.sgemmGflops()).isPositive().isFinite();
        // 6 flops per parameter per sample: forward, and backward to inputs and to weights.
        assertThat(r.modelGflops()).isCloseTo(6.0 * model.parameterCount() * r.samplesPerSec() / 1e9,
                within(1e-9 * r.modelGflops()));
        // The peak is the machine's limit: no model beats it.
        assertThat(r.flopsFraction()).isCloseTo(r.modelGflops() / r.peakGflops(), within(1e-12 * r.flopsFraction()))
                .isLessThanOrEqualTo(1.0);
        // It really trained.
        assertThat(model.parameters()).isNotEqualTo(before);
    }

    @Test
    void trainsWarmUpPlusTimedStepsOnWholeBatchesOnly() {
        FakeModel model = new FakeModel(784, 10);
        // 200 images in batches of 64: three whole batches and a partial one of 8, which must not be timed.
        Bench.Result r = Bench.training("fake", model, images, 64, 2, 7);
        assertThat(model.calls).isEqualTo(9);
        assertThat(model.batchRows).containsOnly(64L);
        assertThat(r.batch()).isEqualTo(64);
        assertThat(r.modelGflops()).isCloseTo(6.0 * 10 * r.samplesPerSec() / 1e9, within(1e-9 * r.modelGflops()));
    }

    @Test
    void decodingFiguresAreConsistentAndLeaveTheModelAlone() {
        VariationalAutoencoder model = new VariationalAutoencoder(VariationalAutoencoder.Config.defaults(2));
        INDArray before = model.parameters().dup();
        Bench.Decoding d = Bench.decoding(model, 5, 50, 3);
        assertThat(d.points()).isEqualTo(50);
        assertThat(d.p50Ms()).isPositive().isFinite();
        assertThat(d.p99Ms()).isFinite().isGreaterThanOrEqualTo(d.p50Ms());
        assertThat(d.grid20Ms()).isPositive().isFinite();
        assertThat(Tensors.toFloats(model.parameters())).isEqualTo(Tensors.toFloats(before));
    }

    @Test
    void percentilesAreNearestRankOfTheSortedTimings() {
        long[] nanos = {5_000_000, 1_000_000, 4_000_000, 2_000_000, 3_000_000};
        assertThat(Bench.percentileMs(nanos, 0.50)).isEqualTo(3.0);
        assertThat(Bench.percentileMs(nanos, 0.99)).isEqualTo(5.0);
        assertThat(Bench.percentileMs(nanos, 0.0)).isEqualTo(1.0);
        assertThat(Bench.percentileMs(new long[] {7_500_000}, 0.99)).isEqualTo(7.5);
        // The caller's timings keep their order.
        assertThat(nanos).startsWith(5_000_000L, 1_000_000L);
    }

    @Test
    void decodingNeedsATwoDimensionalLatentPlane() {
        assertThatThrownBy(() -> Bench.decoding(new FakeModel(784, 10), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2-D").hasMessageContaining("0");
        assertThatThrownBy(() -> Bench.decoding(new VariationalAutoencoder(VariationalAutoencoder.Config.defaults(3)), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }

    @Test
    void aBatchLargerThanTheDataIsRejectedClearly() {
        FakeModel model = new FakeModel(784, 10);
        assertThatThrownBy(() -> Bench.training("fake", model, images, 500, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500").hasMessageContaining("200");
        assertThat(model.calls).isZero();
    }
}

package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.StepProfile.Part;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepProfileTest {
    @BeforeAll
    static void threads() {
        Nd4jRuntime.configureThreads(1);
    }

    @Test
    void aLoopOfLargeProductsSpendsItsTimeInMatrixProducts() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 512, 512);
        INDArray b = Nd4j.rand(DataType.FLOAT, 512, 512);
        INDArray c = Nd4j.create(DataType.FLOAT, 512, 512);
        StepProfile.Breakdown profile = StepProfile.of(() -> {
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            }
        });
        assertThat(profile.samples()).isGreaterThan(50);
        assertThat(profile.share(Part.MATRIX_PRODUCTS)).isGreaterThan(0.7);
        assertThat(profile.shares().values().stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void aSampleGoesToTheFirstPartItsStackShows() {
        String exec = "org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner.exec";
        // Adam runs as a native op: it is the updater's time, not "other ops".
        assertThat(StepProfile.partOf(List.of(exec, "org.nd4j.linalg.learning.AdamUpdater.applyUpdater",
                "org.latentexplorer.engine.core.DenseStack.step"))).isEqualTo(Part.UPDATER);
        assertThat(StepProfile.partOf(List.of("org.nd4j.linalg.factory.Nd4j.gemm", exec))).isEqualTo(Part.MATRIX_PRODUCTS);
        assertThat(StepProfile.partOf(List.of(exec, "org.latentexplorer.engine.gan.Gan.trainBatch"))).isEqualTo(Part.OTHER_ND4J_OPS);
        // Java on top: whose it is, looking through the JDK's own frames.
        assertThat(StepProfile.partOf(List.of("java.util.ArrayList.get", "org.latentexplorer.engine.gan.Gan.values",
                "org.deeplearning4j.nn.multilayer.MultiLayerNetwork.fit"))).isEqualTo(Part.APP_JAVA);
        assertThat(StepProfile.partOf(List.of("org.deeplearning4j.nn.layers.BaseLayer.preOutput",
                "org.latentexplorer.engine.gan.Gan.trainBatch"))).isEqualTo(Part.FRAMEWORK_JAVA);
        assertThat(StepProfile.partOf(List.of("java.lang.Thread.run"))).isNull();
    }
}

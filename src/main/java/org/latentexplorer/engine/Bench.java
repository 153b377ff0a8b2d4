package org.latentexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MiniBatches;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures training speed against what this machine's matrix multiply can do on the same shapes,
 * so "how fast" reads as a fraction of the hardware's limit rather than a bare number.
 */
public final class Bench {
    private static final double MIN_SECONDS = 1.0;

    public record Result(String model, int batch, double stepsPerSec, double samplesPerSec, double sgemmGflops,
            double modelGflops, double flopsFraction) {
    }

    private Bench() {
    }

    public static Result training(String name, GenerativeModel model, ImageSet data, int batch, int warmupSteps,
            int steps) {
        MiniBatches batches = new MiniBatches(data.size(), batch, 1);
        List<INDArray> inputs = new ArrayList<>();
        for (int b = 0; b < Math.min(batches.batchesPerEpoch(), 16); b++) {
            int[] idx = batches.indices(0, b);
            if (idx.length == batch) {
                inputs.add(Tensors.rows(data.gather(idx), batch));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the batch size " + batch + " is larger than the data set ("
                    + data.size() + " images)");
        }
        for (int i = 0; i < warmupSteps; i++) {
            model.trainBatch(inputs.get(i % inputs.size()));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            model.trainBatch(inputs.get(i % inputs.size()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double stepsPerSec = steps / seconds;
        double samplesPerSec = stepsPerSec * batch;
        // Forward (2 flops per weight), backward to inputs and to weights (2 each): 6 per parameter per sample.
        double modelGflops = 6.0 * model.parameterCount() * samplesPerSec / 1e9;
        double sgemm = sgemmGflops(model.denseLayerShapes(), batch);
        return new Result(name, batch, stepsPerSec, samplesPerSec, sgemm, modelGflops, modelGflops / sgemm);
    }

    /** Single-precision multiply rate on each dense layer's forward and two backward products at this batch size. */
    public static double sgemmGflops(List<int[]> layerShapes, int batch) {
        List<INDArray[]> products = new ArrayList<>();
        double flopsPerRound = 0;
        for (int[] s : layerShapes) {
            int in = s[0];
            int out = s[1];
            products.add(triple(batch, in, out)); // x W
            products.add(triple(batch, out, in)); // dL/dy W^T
            products.add(triple(in, batch, out)); // x^T dL/dy
            flopsPerRound += 3 * 2.0 * batch * in * out;
        }
        runRound(products); // warm-up
        int rounds = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            runRound(products);
            rounds++;
            elapsed = System.nanoTime() - t0;
        } while (elapsed < MIN_SECONDS * 1e9);
        return flopsPerRound * rounds / (elapsed / 1e9) / 1e9;
    }

    private static INDArray[] triple(int m, int k, int n) {
        return new INDArray[] {Nd4j.rand(DataType.FLOAT, m, k), Nd4j.rand(DataType.FLOAT, k, n),
                Nd4j.create(DataType.FLOAT, m, n)};
    }

    private static void runRound(List<INDArray[]> products) {
        for (INDArray[] p : products) {
            p[0].mmuli(p[1], p[2]);
        }
    }
}

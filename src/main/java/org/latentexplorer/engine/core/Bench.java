package org.latentexplorer.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * {@code sgemmGflops} is the multiply rate on the model's own layer shapes, {@code peakGflops} the best rate of a
     * large square multiply: the machine's limit, which no model can beat, so {@code flopsFraction} (the model's rate
     * over the peak) stays at or below 1.
     */
    public record Result(String model, int batch, double stepsPerSec, double samplesPerSec, double sgemmGflops,
            double peakGflops, double modelGflops, double flopsFraction) {
    }

    /** Milliseconds to decode one latent point (median and 99th percentile) and a 20 x 20 manifold grid at once. */
    public record Decoding(int points, double p50Ms, double p99Ms, double grid20Ms) {
    }

    public static final int GRID_SIDE = 20;
    /** Large enough for the BLAS kernels to run at full speed, small enough for a second's measurement. */
    private static final int PEAK_SIDE = 1024;
    private static final double GRID_EXTENT = 3.0;

    private Bench() {
    }

    public static Result training(String name, GenerativeModel model, ImageSet data, int batch, int warmupSteps,
            int steps) {
        List<INDArray> inputs = batches(data, batch);
        train(model, inputs, warmupSteps);
        long t0 = System.nanoTime();
        train(model, inputs, steps);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double stepsPerSec = steps / seconds;
        double samplesPerSec = stepsPerSec * batch;
        double modelGflops = model.trainingFlopsPerSample() * samplesPerSec / 1e9;
        double sgemm = sgemmGflops(model.denseLayerShapes(), batch);
        // Beside each model rather than once per run: this shared machine's speed drifts within a run.
        double peak = peakSgemmGflops();
        return new Result(name, batch, stepsPerSec, samplesPerSec, sgemm, peak, modelGflops, modelGflops / peak);
    }

    /**
     * The best of a second's 1024 x 1024 single-precision products into a kept array, as the training step makes them:
     * its rows cut into one block per training thread, each block's product on its own thread.
     */
    public static double peakSgemmGflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, PEAK_SIDE, PEAK_SIDE);
        INDArray b = Nd4j.rand(DataType.FLOAT, PEAK_SIDE, PEAK_SIDE);
        INDArray c = Nd4j.create(DataType.FLOAT, PEAK_SIDE, PEAK_SIDE);
        int blocks = Nd4jRuntime.blocks(PEAK_SIDE, Nd4jRuntime.threads());
        INDArray[] aRows = new INDArray[blocks];
        INDArray[] cRows = new INDArray[blocks];
        for (int k = 0; k < blocks; k++) {
            aRows[k] = Nd4jRuntime.rowsOf(a, k, blocks);
            cRows[k] = Nd4jRuntime.rowsOf(c, k, blocks);
        }
        Runnable product = () -> Nd4jRuntime.inParts(blocks,
                k -> Nd4j.gemm(aRows[k], b, cRows[k], false, false, 1.0, 0.0));
        product.run(); // warm-up
        long best = Long.MAX_VALUE;
        long start = System.nanoTime();
        do {
            long t0 = System.nanoTime();
            product.run();
            best = Math.min(best, System.nanoTime() - t0);
        } while (System.nanoTime() - start < MIN_SECONDS * 1e9);
        return 2.0 * PEAK_SIDE * PEAK_SIDE * PEAK_SIDE / (best / 1e9) / 1e9;
    }

    /** {@code steps} training steps as {@link #training} times them, untimed: for the profiler. */
    public static void trainingSteps(GenerativeModel model, ImageSet data, int batch, int steps) {
        train(model, batches(data, batch), steps);
    }

    /** Up to 16 whole batches from the start of the first epoch, copied out once so batching is not timed. */
    private static List<INDArray> batches(ImageSet data, int batch) {
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
        return inputs;
    }

    private static void train(GenerativeModel model, List<INDArray> inputs, int steps) {
        for (int i = 0; i < steps; i++) {
            model.trainBatch(inputs.get(i % inputs.size()));
        }
    }

    /**
     * The best of {@code runs} timings of {@code work}, in milliseconds, after one untimed run: the work's own time,
     * not the JIT's or another process's. For the small computations a view repeats while it draws (the lab's exact
     * EMD, the weather autoencoder), whose speed the README states and no unit test times.
     */
    public static double bestMillis(Runnable work, int runs) {
        work.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best / 1e6;
    }

    /**
     * Decoding as the latent-plane views do it, on a {@link GenerativeModel#copyForInference()} copy: one 2-D point
     * to one image per drag event, and the manifold grid over [-3, 3]² as one batch of 400 points.
     */
    public static Decoding decoding(GenerativeModel model, int warmupPoints, int points, int gridRepetitions) {
        if (model.latentSize() != 2) {
            throw new IllegalArgumentException("decoding is measured on a 2-D latent plane; this model's latent size is "
                    + model.latentSize());
        }
        if (points < 1 || gridRepetitions < 1) {
            throw new IllegalArgumentException("at least one point and one grid must be decoded");
        }
        GenerativeModel copy = model.copyForInference();
        // A drag's path: points on a spiral through the plane, made before timing starts.
        INDArray[] path = new INDArray[warmupPoints + points];
        for (int i = 0; i < path.length; i++) {
            double angle = 0.05 * i;
            double radius = GRID_EXTENT * (i % 200) / 200.0;
            path[i] = Nd4j.create(new float[] {(float) (radius * Math.cos(angle)), (float) (radius * Math.sin(angle))},
                    new long[] {1, 2}, 'c');
        }
        for (int i = 0; i < warmupPoints; i++) {
            copy.decode(path[i]);
        }
        long[] nanos = new long[points];
        for (int i = 0; i < points; i++) {
            long t0 = System.nanoTime();
            copy.decode(path[warmupPoints + i]);
            nanos[i] = System.nanoTime() - t0;
        }
        INDArray grid = grid();
        copy.decode(grid); // warm-up
        long[] gridNanos = new long[gridRepetitions];
        for (int i = 0; i < gridRepetitions; i++) {
            long t0 = System.nanoTime();
            copy.decode(grid);
            gridNanos[i] = System.nanoTime() - t0;
        }
        return new Decoding(points, percentileMs(nanos, 0.50), percentileMs(nanos, 0.99), percentileMs(gridNanos, 0.50));
    }

    /** The manifold grid's latent points, row by row from the top left. */
    private static INDArray grid() {
        float[] z = new float[GRID_SIDE * GRID_SIDE * 2];
        for (int row = 0; row < GRID_SIDE; row++) {
            for (int col = 0; col < GRID_SIDE; col++) {
                int i = (row * GRID_SIDE + col) * 2;
                z[i] = (float) (-GRID_EXTENT + 2 * GRID_EXTENT * col / (GRID_SIDE - 1));
                z[i + 1] = (float) (GRID_EXTENT - 2 * GRID_EXTENT * row / (GRID_SIDE - 1));
            }
        }
        return Nd4j.create(z, new long[] {GRID_SIDE * GRID_SIDE, 2}, 'c');
    }

    /** The nearest-rank percentile q of the timings, in milliseconds. */
    static double percentileMs(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /**
     * Single-precision multiply rate on each layer's forward and two backward products at this batch size, the batch
     * cut into one block per training thread as the training step cuts it. A shape {inputs, outputs, rows} is a
     * convolution's im2col product, with that many rows per image.
     */
    public static double sgemmGflops(List<int[]> layerShapes, int batch) {
        int blocks = Nd4jRuntime.blocks(batch, Nd4jRuntime.threads());
        List<List<INDArray[]>> products = new ArrayList<>();
        double flopsPerRound = 0;
        for (int k = 0; k < blocks; k++) {
            List<INDArray[]> block = new ArrayList<>();
            int blockBatch = (int) (Nd4jRuntime.blockStart(batch, k + 1, blocks)
                    - Nd4jRuntime.blockStart(batch, k, blocks));
            for (int[] s : layerShapes) {
                int in = s[0];
                int out = s[1];
                int rows = blockBatch * (s.length > 2 ? s[2] : 1);
                block.add(triple(rows, in, out)); // x W
                block.add(triple(rows, out, in)); // dL/dy W^T
                block.add(triple(in, rows, out)); // x^T dL/dy
                flopsPerRound += 3 * 2.0 * rows * in * out;
            }
            products.add(block);
        }
        Runnable round = () -> Nd4jRuntime.inParts(blocks, k -> runRound(products.get(k)));
        round.run(); // warm-up
        int rounds = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            round.run();
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

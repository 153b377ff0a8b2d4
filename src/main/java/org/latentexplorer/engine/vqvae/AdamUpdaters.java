package org.latentexplorer.engine.vqvae;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam per trainable variable of a {@link VqVaeGraph}, applied by hand to the variables' arrays in place; the
 * Codebook's at {@value #CODEBOOK_RATE_FACTOR} times the networks' learning rate. Each state is one [1, 2n] view (the
 * first moments, then the second), which is what a file with optimiser state keeps.
 */
final class AdamUpdaters {
    /**
     * The Codebook learns this many times faster than the networks. Adam moves each code by about one learning rate
     * a step whatever its gradient, and the codes must keep up with the Encoder's outputs (as k-means centres follow
     * their points): at the same rate the codebook term stayed twice as large and fewer codes shared the work
     * (perplexity 17.4 against 20.9 of 32 after 400 steps).
     */
    static final double CODEBOOK_RATE_FACTOR = 10;

    private final VqVaeGraph graph;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private int iteration;

    AdamUpdaters(VqVaeGraph graph, double learningRate) {
        this.graph = graph;
        for (String name : graph.trainable()) {
            Adam adam = new Adam(learningRate * (name.equals(VqVaeGraph.CODEBOOK) ? CODEBOOK_RATE_FACTOR : 1));
            long n = graph.array(name).length();
            INDArray view = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(n));
            state.put(name, view);
            updaters.put(name, adam.instantiate(view, true));
        }
    }

    /** One step down these gradients of every trainable variable. */
    void step(Map<String, INDArray> gradients) {
        for (String name : graph.trainable()) {
            INDArray parameter = graph.array(name);
            // Adam's state is a [1, 2n] view: it updates a gradient of the same row shape, in place.
            INDArray step = gradients.get(name).dup('c').reshape(1, parameter.length());
            updaters.get(name).applyUpdater(step, iteration, 0);
            parameter.subi(step.reshape(parameter.shape()));
        }
        iteration++;
    }

    /** Forgets the moments of one row of a matrix variable, as if that row had just been created. */
    void resetRow(String name, int row) {
        INDArray matrix = graph.array(name);
        INDArray view = state.get(name);
        long width = matrix.columns();
        for (long offset : new long[] {0, matrix.length()}) {
            long from = offset + row * width;
            view.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + width)).assign(0);
        }
    }

    /** Each variable's state view itself, by variable name: reading a file assigns to them. */
    Map<String, INDArray> state() {
        return Collections.unmodifiableMap(state);
    }

    int iteration() {
        return iteration;
    }

    void setIteration(int iteration) {
        this.iteration = iteration;
    }
}

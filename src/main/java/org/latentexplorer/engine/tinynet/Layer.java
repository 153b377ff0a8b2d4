package org.latentexplorer.engine.tinynet;

import java.util.Random;

/**
 * One layer of the lab's small networks. Batches are row-major n x width arrays of doubles: the lab's networks are
 * a few thousand weights on 2-D points, where per-call JNI overhead would cost more than the arithmetic, and doubles
 * keep finite-difference gradient checks tight.
 */
interface Layer {
    int inSize();

    int outSize();

    int paramCount();

    /** Draws the layer's initial weights into {@code p} from {@code off}. */
    void init(double[] p, int off, Random rng);

    /** n rows in, n rows out; keeps what {@link #backward} needs. */
    double[] forward(double[] p, int off, double[] x, int n, boolean training);

    /** Adds the parameters' gradients into {@code g} from {@code off} and returns the gradient at the input. */
    double[] backward(double[] p, int off, double[] g, double[] dy, int n);

    /**
     * Double backprop through this layer's part of a backward pass u_in = J^T u_out (J the Jacobian at the last
     * forward pass): given {@code v} = ∂P/∂u_in for a penalty P on the input gradient, adds ∂P/∂params into {@code g}
     * and returns ∂P/∂u_out. Exact for layers whose Jacobian is locally constant in their input (dense, piecewise
     * linear); the others refuse.
     */
    double[] backwardOfBackward(double[] p, int off, double[] g, double[] uOut, double[] v, int n);
}

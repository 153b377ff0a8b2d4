package org.latentexplorer.engine.tinynet;

import java.util.Random;

/** A layer without parameters that maps each unit on its own: as many units out as in. */
abstract class ElementwiseLayer implements Layer {
    private final int size;

    ElementwiseLayer(int size) {
        this.size = size;
    }

    @Override
    public int inSize() {
        return size;
    }

    @Override
    public int outSize() {
        return size;
    }

    @Override
    public int paramCount() {
        return 0;
    }

    @Override
    public void init(double[] p, int off, Random rng) {
    }

    /** A piecewise-linear map's Jacobian is a constant diagonal: J v is the backward pass of v. */
    @Override
    public double[] backwardOfBackward(double[] p, int off, double[] g, double[] uOut, double[] v, int n) {
        return backward(p, off, g, v, n);
    }
}

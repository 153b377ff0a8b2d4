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
}

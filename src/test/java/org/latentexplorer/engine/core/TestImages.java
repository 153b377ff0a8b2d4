package org.latentexplorer.engine.core;

import java.util.stream.IntStream;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine tests' images: the bundled MNIST, split as the tests always split it, with ND4J on one thread. */
public final class TestImages {
    private TestImages() {
    }

    /** 9,000 training and 1,000 held-out images (seed 42); ND4J on one thread, so results repeat. */
    public static Split mnist() throws DataException {
        Nd4jRuntime.configureThreads(1);
        return Split.of(BundledDataset.MNIST.load(), 1000, 42);
    }

    /** The set's first n images. */
    public static ImageSet first(ImageSet set, int n) {
        return set.subset("first " + n, IntStream.range(0, n).toArray());
    }

    /** The set's first n images as one batch, a row each. */
    public static INDArray batch(ImageSet set, int n) {
        return Tensors.rows(set.gather(IntStream.range(0, n).toArray()), n);
    }
}

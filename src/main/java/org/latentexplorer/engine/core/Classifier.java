package org.latentexplorer.engine.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MiniBatches;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The chapter's discriminative model q(y|x): an MLP input-256-128-10 with a softmax over the ten classes, trained on
 * cross-entropy. It also scores generated images ({@link SampleQuality}): its class probabilities give the mode
 * coverage and the Inception-score analogue, its 128 penultimate activations the features of the Fréchet distance.
 * Pixels are rows of values in [0, 1]. Like DL4J's networks, one instance is used from one thread.
 */
public final class Classifier {
    /** The kind a saved classifier's manifest names, which tells its files apart from a generative model's. */
    public static final String KIND = "classifier";
    public static final int DEFAULT_INPUT_SIZE = 784;
    public static final int NUM_CLASSES = 10;
    private static final int[] HIDDEN = {256, 128};
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Steps between two copies of the parameters a diverged run is restored to, as the Trainer keeps them. */
    private static final int RESTORE_POINT_EVERY = 20;
    /** Rows per forward pass in {@link #accuracy}: a whole data set at once would hold every activation. */
    private static final int EVAL_BATCH = 500;

    private final int inputSize;
    private final MultiLayerNetwork net;

    public Classifier(long seed) {
        this(DEFAULT_INPUT_SIZE, seed);
    }

    public Classifier(int inputSize, long seed) {
        this(inputSize, DEFAULT_LEARNING_RATE, seed);
    }

    /** @param learningRate Adam's step size, in (0, 1] */
    public Classifier(int inputSize, double learningRate, long seed) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        this.inputSize = inputSize;
        this.net = Mlp.build(seed, learningRate, inputSize, Mlp.relu(HIDDEN), NUM_CLASSES, Activation.SOFTMAX,
                LossFunctions.LossFunction.MCXENT);
    }

    private Classifier(int inputSize, MultiLayerNetwork restored) {
        this.inputSize = inputSize;
        this.net = restored;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Width of {@link #features}: the last hidden layer. */
    public int featureSize() {
        return HIDDEN[HIDDEN.length - 1];
    }

    /** One Adam step on a batch; returns its mean cross-entropy −ln q(y|x) before the step. */
    public double trainBatch(INDArray x, INDArray oneHotLabels) {
        checkInput(x);
        if (oneHotLabels.rank() != 2 || oneHotLabels.rows() != x.rows() || oneHotLabels.columns() != NUM_CLASSES) {
            throw new IllegalArgumentException("labels must be " + x.rows() + " one-hot rows of " + NUM_CLASSES
                    + ", got shape " + Arrays.toString(oneHotLabels.shape()));
        }
        net.fit(new DataSet(x, oneHotLabels));
        return net.score();
    }

    /**
     * Trains {@code epochs} passes over {@code train} in shuffled mini-batches ({@link MiniBatches} with
     * {@code seed}); {@code onEpoch} gets the number of epochs done after each one. A loss that stops being a finite
     * number ends training with a {@link TrainingDivergedException}, the parameters restored to the last ones known
     * good, as the {@link Trainer} does for the generative models.
     */
    public void fit(ImageSet train, int epochs, int batchSize, long seed, IntConsumer onEpoch) {
        if (train.pixelsPerImage() != inputSize) {
            throw new IllegalArgumentException("the classifier takes " + inputSize + " pixels per image, "
                    + train + " has " + train.pixelsPerImage());
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be at least 0, got " + epochs);
        }
        MiniBatches batches = new MiniBatches(train.size(), batchSize, seed);
        INDArray lastGood = net.params().dup();
        long lastGoodStep = 0;
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int b = 0; b < batches.batchesPerEpoch(); b++) {
                int[] idx = batches.indices(epoch, b);
                double loss = trainBatch(Tensors.rows(train.gather(idx), idx.length), oneHot(train.gatherLabels(idx)));
                step++;
                // The loss is measured before the step's update, which may itself wreck the parameters: a copy is
                // kept as the restore point only once it is seen to be finite.
                boolean restorePoint = step % RESTORE_POINT_EVERY == 0 || b == batches.batchesPerEpoch() - 1;
                INDArray current = Double.isFinite(loss) && restorePoint ? net.params().dup() : null;
                if (!Double.isFinite(loss) || current != null && !Tensors.allFinite(current)) {
                    net.setParams(lastGood);
                    throw new TrainingDivergedException(step, lastGoodStep);
                }
                if (current != null) {
                    lastGood = current;
                    lastGoodStep = step;
                }
            }
            onEpoch.accept(epoch + 1);
        }
    }

    /** A live view of all parameters as one row. */
    INDArray parameters() {
        return net.params();
    }

    /** [n, 10] one-hot rows for labels 0..9. */
    public static INDArray oneHot(int[] labels) {
        INDArray y = Nd4j.zeros(labels.length, NUM_CLASSES);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= NUM_CLASSES) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is not a class 0-"
                        + (NUM_CLASSES - 1));
            }
            y.putScalar(i, labels[i], 1);
        }
        return y;
    }

    /** q(y|x): [n, 10], each row summing to 1. */
    public INDArray probabilities(INDArray x) {
        checkInput(x);
        return net.output(x, false);
    }

    /** The last hidden layer's ReLU activations, [n, {@link #featureSize()}]. */
    public INDArray features(INDArray x) {
        checkInput(x);
        return net.activateSelectedLayers(0, HIDDEN.length - 1, x);
    }

    /** The most probable class of each row. */
    public int[] predict(INDArray x) {
        return Nd4j.argMax(probabilities(x), 1).toIntVector();
    }

    /** The fraction of {@code set}'s images whose predicted class is their label. */
    public double accuracy(ImageSet set) {
        if (set.pixelsPerImage() != inputSize) {
            throw new IllegalArgumentException("the classifier takes " + inputSize + " pixels per image, "
                    + set + " has " + set.pixelsPerImage());
        }
        int correct = 0;
        for (int from = 0; from < set.size(); from += EVAL_BATCH) {
            int[] idx = IntStream.range(from, Math.min(from + EVAL_BATCH, set.size())).toArray();
            int[] predicted = predict(Tensors.rows(set.gather(idx), idx.length));
            for (int k = 0; k < idx.length; k++) {
                if (predicted[k] == set.label(idx[k])) {
                    correct++;
                }
            }
        }
        return (double) correct / set.size();
    }

    private void checkInput(INDArray x) {
        if (x.rank() != 2 || x.columns() != inputSize || x.rows() < 1) {
            throw new IllegalArgumentException("input must be rows of " + inputSize + " pixels, got shape "
                    + Arrays.toString(x.shape()));
        }
    }

    /** DL4J's model file, without the optimiser's state: a shipped classifier is only evaluated. */
    public void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(net, out, false);
    }

    /** Reads a classifier of the default input size written by {@link #write}. */
    public static Classifier read(InputStream in) throws IOException {
        return read(in, DEFAULT_INPUT_SIZE);
    }

    /**
     * Reads a network written by {@link #write}: a damaged file gives an IOException; a network of other layers
     * (another model's file) an IllegalStateException.
     */
    public static Classifier read(InputStream in, int inputSize) throws IOException {
        MultiLayerNetwork restored;
        try {
            restored = ModelSerializer.restoreMultiLayerNetwork(in, false);
        } catch (RuntimeException e) {
            throw new IOException("not a model file: " + e.getMessage(), e);
        }
        List<int[]> expected = Mlp.shapes(inputSize, Mlp.relu(HIDDEN), NUM_CLASSES);
        List<int[]> actual;
        try {
            actual = Mlp.shapes(restored);
        } catch (ClassCastException e) {
            throw new IllegalStateException("the network has layers other than dense ones, so it is not a classifier", e);
        }
        if (!Mlp.sameShapes(actual, expected)) {
            throw new IllegalStateException("the network's layers are not a " + inputSize + "-256-128-10 classifier");
        }
        return new Classifier(inputSize, restored);
    }
}

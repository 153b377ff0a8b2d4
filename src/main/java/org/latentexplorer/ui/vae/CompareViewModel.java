package org.latentexplorer.ui.vae;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AE against VAE on the same held-out images, the chapter's comparison: both latent planes, both
 * reconstructions, samples drawn from N(0, I) for both (the VAE's prior is N(0, I), the AE has none), and an
 * interpolation between two chosen images through each latent space. Uses the shipped 2-D models.
 */
public final class CompareViewModel {
    static final int IMAGES = 10;
    static final int INTERPOLATION_STEPS = 10;

    /** One side of the comparison. */
    public static final class Side {
        private final ObjectProperty<LatentPoints> points = new SimpleObjectProperty<>(this, "points");
        private final DoubleProperty cursorX = new SimpleDoubleProperty(this, "cursorX", 0);
        private final DoubleProperty cursorY = new SimpleDoubleProperty(this, "cursorY", 0);
        private final ObjectProperty<ImageGrid> decoded = new SimpleObjectProperty<>(this, "decoded");
        private final ObjectProperty<ImageGrid> reconstructions = new SimpleObjectProperty<>(this, "reconstructions");
        private final ObjectProperty<ImageGrid> samples = new SimpleObjectProperty<>(this, "samples");
        private final ObjectProperty<ImageGrid> interpolation = new SimpleObjectProperty<>(this, "interpolation");
        private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
        /** Decodes this side's cursor; set once the view model's worker is known. */
        private Runnable decodeNewest;
        private volatile double[] cursor = {0, 0};
        // Worker thread.
        private EncodingModel model;

        public ObjectProperty<LatentPoints> pointsProperty() { return points; }
        public DoubleProperty cursorXProperty() { return cursorX; }
        public DoubleProperty cursorYProperty() { return cursorY; }
        public ObjectProperty<ImageGrid> decodedProperty() { return decoded; }
        public ObjectProperty<ImageGrid> reconstructionsProperty() { return reconstructions; }
        public ObjectProperty<ImageGrid> samplesProperty() { return samples; }
        public ObjectProperty<ImageGrid> interpolationProperty() { return interpolation; }
        public IntegerProperty selectedIndexProperty() { return selectedIndex; }
    }

    private final I18n i18n;
    private final Background background;
    private final Side ae = new Side();
    private final Side vae = new Side();
    private final ObservableList<BundledDataset> datasets = FXCollections.observableArrayList(BundledDataset.values());
    private final ObjectProperty<BundledDataset> dataset = new SimpleObjectProperty<>(this, "dataset", BundledDataset.MNIST);
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames");
    private final ObjectProperty<ImageGrid> inputs = new SimpleObjectProperty<>(this, "inputs");
    private final IntegerProperty endpointA = new SimpleIntegerProperty(this, "endpointA", 0);
    private final IntegerProperty endpointB = new SimpleIntegerProperty(this, "endpointB", 1);
    private final ObjectProperty<ImageGrid> endpoints = new SimpleObjectProperty<>(this, "endpoints");
    private final BooleanProperty ready = new SimpleBooleanProperty(this, "ready", false);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private boolean pickA = true;
    private long sampleSeed = 1;

    // Worker thread.
    private ImageSet heldOut;

    public CompareViewModel(I18n i18n, Background background) {
        this.i18n = i18n;
        this.background = background.onFailure(e -> message.set(i18n.describe(e)));
        dataset.addListener((o, a, b) -> load());
        for (Side s : List.of(ae, vae)) {
            s.decodeNewest = this.background.newestOnly(() -> decode(s));
            s.cursorX.addListener((o, a, b) -> requestDecode(s));
            s.cursorY.addListener((o, a, b) -> requestDecode(s));
            s.selectedIndex.addListener((o, a, b) -> {
                if (b.intValue() >= 0) {
                    pick(b.intValue());
                }
            });
        }
        endpointA.addListener((o, a, b) -> interpolate());
        endpointB.addListener((o, a, b) -> interpolate());
    }

    /** Loads the shipped AE and VAE for the data set, in the background. */
    public void load() {
        BundledDataset d = dataset.get();
        classNames.set(DataChoice.classNames(d.id(), i18n));
        ready.set(false);
        background.run(() -> {
            heldOut = Split.of(d.load(), Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED).heldOut();
            // The bundled autoencoder and VAE both have an Encoder.
            ae.model = (EncodingModel) ModelStore.loadBundled(ModelKind.AE.id() + "-" + d.id()).model();
            vae.model = (EncodingModel) ModelStore.loadBundled(ModelKind.VAE.id() + "-" + d.id()).model();
            int[] first = new int[IMAGES];
            for (int i = 0; i < IMAGES; i++) {
                first[i] = i;
            }
            float[] pixels = heldOut.gather(first);
            ImageGrid in = grid(pixels);
            int[] all = new int[heldOut.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            float[] allPixels = heldOut.gather(all);
            for (Side s : List.of(ae, vae)) {
                float[] codes = Tensors.toFloats(s.model.encode(Tensors.rows(allPixels, all.length)));
                int dim = s.model.latentSize();
                float[] xs = new float[all.length];
                float[] ys = new float[all.length];
                for (int i = 0; i < all.length; i++) {
                    xs[i] = codes[i * dim];
                    ys[i] = dim > 1 ? codes[i * dim + 1] : 0;
                }
                LatentPoints points = new LatentPoints(xs, ys, heldOut.labels());
                ImageGrid recon = grid(Tensors.toFloats(s.model.reconstruct(Tensors.rows(pixels, IMAGES))));
                background.ui(() -> {
                    s.points.set(points);
                    s.reconstructions.set(recon);
                });
                decode(s);
            }
            background.ui(() -> {
                inputs.set(in);
                ready.set(true);
                sample();
                interpolate();
            });
        });
    }

    /** Ten new images from each model with z ~ N(0, I); the same z for both, new ones each time. */
    public void sample() {
        long seed = sampleSeed++;
        background.run(() -> {
            for (Side s : List.of(ae, vae)) {
                if (s.model == null) {
                    return;
                }
                ImageGrid g = grid(Tensors.toFloats(s.model.sample(IMAGES, seed)));
                background.ui(() -> s.samples.set(g));
            }
        });
    }

    /** A clicked point becomes endpoint A, the next one B, and so on. */
    private void pick(int index) {
        if (pickA) {
            endpointA.set(index);
        } else {
            endpointB.set(index);
        }
        pickA = !pickA;
    }

    /** Decodes (1 − t) z_A + t z_B for t from 0 to 1 in each latent space. */
    private void interpolate() {
        int a = endpointA.get();
        int b = endpointB.get();
        background.run(() -> {
            if (heldOut == null || ae.model == null || vae.model == null || a < 0 || b < 0 || a >= heldOut.size()
                    || b >= heldOut.size()) {
                return;
            }
            float[] pair = heldOut.gather(new int[] {a, b});
            ImageGrid ends = grid(pair);
            background.ui(() -> endpoints.set(ends));
            for (Side s : List.of(ae, vae)) {
                INDArray z = s.model.encode(Tensors.rows(pair, 2));
                INDArray za = z.getRow(0, true);
                INDArray zb = z.getRow(1, true);
                INDArray path = org.nd4j.linalg.factory.Nd4j.create(za.dataType(), INTERPOLATION_STEPS, z.columns());
                for (int i = 0; i < INTERPOLATION_STEPS; i++) {
                    double t = i / (double) (INTERPOLATION_STEPS - 1);
                    path.putRow(i, za.mul(1 - t).addi(zb.mul(t)));
                }
                ImageGrid g = grid(Tensors.toFloats(s.model.decode(path)));
                background.ui(() -> s.interpolation.set(g));
            }
        });
    }

    private void requestDecode(Side s) {
        s.cursor = new double[] {s.cursorX.get(), s.cursorY.get()};
        s.decodeNewest.run();
    }

    private void decode(Side s) {
        if (s.model == null || heldOut == null) {
            return;
        }
        double[] at = s.cursor;
        float[] z = new float[s.model.latentSize()];
        z[0] = (float) at[0];
        if (z.length > 1) {
            z[1] = (float) at[1];
        }
        ImageGrid g = grid(Tensors.toFloats(s.model.decode(Tensors.rows(z, 1))));
        background.ui(() -> s.decoded.set(g));
    }

    private ImageGrid grid(float[] pixels) {
        return ImageGrid.of(pixels, heldOut.rows(), heldOut.cols());
    }

    public void shutdown() {
        background.close();
    }

    public Side ae() { return ae; }
    public Side vae() { return vae; }
    public ObservableList<BundledDataset> datasets() { return datasets; }
    public ObjectProperty<BundledDataset> datasetProperty() { return dataset; }
    public ObjectProperty<List<String>> classNamesProperty() { return classNames; }
    public ObjectProperty<ImageGrid> inputsProperty() { return inputs; }
    public IntegerProperty endpointAProperty() { return endpointA; }
    public IntegerProperty endpointBProperty() { return endpointB; }
    public ObjectProperty<ImageGrid> endpointsProperty() { return endpoints; }
    public BooleanProperty readyProperty() { return ready; }
    public StringProperty messageProperty() { return message; }
}

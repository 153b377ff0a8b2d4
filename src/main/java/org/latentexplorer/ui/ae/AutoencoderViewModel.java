package org.latentexplorer.ui.ae;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.ae.ClusterScores;
import org.latentexplorer.engine.ae.Denoising;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Pca;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.SharedProperty;
import org.latentexplorer.ui.base.StoredValues;
import org.latentexplorer.ui.training.DecodingCursor;
import org.latentexplorer.ui.training.DrawAndPlace;
import org.latentexplorer.ui.training.PlaneMapping;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The autoencoder section: besides the shared training state, held-out images and their reconstructions; the latent
 * plane of the held-out codes (two dimensions as they are, more on their two principal axes) with a cursor to decode
 * and the learner's drawing placed among the codes; the denoising autoencoder (noise while training, noisy input /
 * output / clean target, error against noise level, a pad to scribble on); and k-means on the codes against k-means
 * on the pixels.
 */
public final class AutoencoderViewModel extends TrainingViewModel {
    static final int PREVIEW_IMAGES = 10;
    static final String CURVE_MODEL = "model";
    static final String CURVE_PLAIN = "plain";
    static final String CURVE_DENOISING = "denoising";

    /** What noise the next training run adds to its inputs: none trains a plain autoencoder. */
    public enum TrainingNoise {
        NONE(null), MASKING(ImageNoise.Type.MASKING), SALT_AND_PEPPER(ImageNoise.Type.SALT_AND_PEPPER),
        GAUSSIAN(ImageNoise.Type.GAUSSIAN);

        private final ImageNoise.Type type;

        TrainingNoise(ImageNoise.Type type) {
            this.type = type;
        }

        public ImageNoise.Type type() {
            return type;
        }
    }

    private final ObjectProperty<ImageGrid> originals = new SimpleObjectProperty<>(this, "originals");
    private final ObjectProperty<ImageGrid> reconstructions = new SimpleObjectProperty<>(this, "reconstructions");
    private final ObjectProperty<TrainingNoise> trainingNoise = new SimpleObjectProperty<>(this, "trainingNoise",
            TrainingNoise.NONE);
    private final DoubleProperty trainingNoiseLevel = new SimpleDoubleProperty(this, "trainingNoiseLevel", 0.3);
    // Shared: the worker draws with the test noise, the cluster count and the scribble.
    private final SharedProperty<ImageNoise.Type> testNoise = new SharedProperty<>(this, "testNoise",
            ImageNoise.Type.MASKING);
    private final SharedProperty.OfDouble testNoiseLevel = new SharedProperty.OfDouble(this, "testNoiseLevel", 0.3);
    private final ObjectProperty<ImageGrid> noisy = new SimpleObjectProperty<>(this, "noisy");
    private final ObjectProperty<ImageGrid> denoised = new SimpleObjectProperty<>(this, "denoised");
    private final Map<String, ObservableList<XYChart.Data<Number, Number>>> noiseCurves = new HashMap<>();
    private final SharedProperty<float[]> scribble = new SharedProperty<>(this, "scribble", null);
    private final ObjectProperty<ImageGrid> scribbleOutput = new SimpleObjectProperty<>(this, "scribbleOutput");
    private final SharedProperty.OfInt clusters = new SharedProperty.OfInt(this, "clusters", 10);
    private final ObjectProperty<LatentPoints> clusterPoints = new SimpleObjectProperty<>(this, "clusterPoints");
    private final ObjectProperty<LatentPoints> labelPoints = new SimpleObjectProperty<>(this, "labelPoints");
    private final ObjectProperty<LatentPoints> planePoints = new SimpleObjectProperty<>(this, "planePoints");
    private final DoubleProperty latentPurity = new SimpleDoubleProperty(this, "latentPurity", Double.NaN);
    private final DoubleProperty latentNmi = new SimpleDoubleProperty(this, "latentNmi", Double.NaN);
    private final DoubleProperty pixelPurity = new SimpleDoubleProperty(this, "pixelPurity", Double.NaN);
    private final DoubleProperty pixelNmi = new SimpleDoubleProperty(this, "pixelNmi", Double.NaN);

    // Worker thread.
    private float[] previewPixels;
    private float[] heldOutPixels;
    /** The held-out codes under the model in view, and where the planes draw them. */
    private float[] codes;
    private Pca pca;
    private LatentPoints placed;
    private EncodingModel shippedPlain;
    private EncodingModel shippedDenoising;
    private GenerativeModel measured;

    /** Codes of two dimensions as they are; of any other number, on their two principal axes. */
    private final PlaneMapping mapping = new PlaneMapping() {
        @Override
        public float[] codes() {
            return codes;
        }

        @Override
        public float[] toLatent(double u, double v) {
            return pca == null ? new float[] {(float) u, (float) v} : pca.unproject(u, v);
        }

        @Override
        public double[] toPlane(float[] z) {
            return pca == null ? new double[] {z[0], z[1]} : pca.project(z, 0);
        }
    };
    private final DecodingCursor cursor = new DecodingCursor(this, mapping);
    private final DrawAndPlace drawAndPlace = new DrawAndPlace(this, mapping);

    public AutoencoderViewModel(I18n i18n, Background background) {
        super(i18n, background);
        // As long as the shipped autoencoder trained: the digits' clusters have separated well before the end.
        epochsProperty().set(30);
        testNoise.addListener((o, a, b) -> runQuietly(() -> {
            measureCurves();
            showDenoising();
        }));
        testNoiseLevel.addListener((o, a, b) -> runQuietly(this::showDenoising));
        clusters.addListener((o, a, b) -> runQuietly(this::cluster));
        scribble.addListener((o, a, b) -> runQuietly(this::denoiseScribble));
    }

    @Override
    public ModelKind kind() {
        return ModelKind.AE;
    }

    @Override
    protected Map<String, Object> modelSettings() {
        TrainingNoise n = trainingNoise.get();
        if (n == TrainingNoise.NONE) {
            return Map.of();
        }
        return Map.of(Autoencoder.INPUT_NOISE_SETTING, n.type().id(), Autoencoder.INPUT_NOISE_LEVEL_SETTING,
                trainingNoiseLevel.get());
    }

    @Override
    protected void applyModelSettings(ModelKind kind, Map<String, Object> settings) {
        String id = StoredValues.string(settings, Autoencoder.INPUT_NOISE_SETTING, null);
        trainingNoise.set(java.util.Arrays.stream(TrainingNoise.values())
                .filter(n -> n.type() != null && n.type().id().equals(id)).findFirst().orElse(TrainingNoise.NONE));
        trainingNoiseLevel.set(StoredValues.number(settings, Autoencoder.INPUT_NOISE_LEVEL_SETTING, trainingNoiseLevel.get()));
    }

    @Override
    protected Map<String, Object> viewState() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("test_noise", testNoise.get().name());
        m.put("test_noise_level", testNoiseLevel.get());
        m.put("clusters", clusters.get());
        if (scribble.get() != null) {
            m.put("scribble", StoredValues.list(scribble.get()));
        }
        m.put("cursor_x", cursor.xProperty().get());
        m.put("cursor_y", cursor.yProperty().get());
        if (drawAndPlace.drawingProperty().get() != null) {
            m.put("drawing", StoredValues.list(drawAndPlace.drawingProperty().get()));
        }
        return m;
    }

    @Override
    protected void applyViewState(Map<String, Object> view) {
        // Kept within what the view's controls offer, whatever the file says.
        testNoise.set(StoredValues.constant(view, "test_noise", testNoise.get()));
        testNoiseLevel.set(Math.max(0, Math.min(0.8, StoredValues.number(view, "test_noise_level", testNoiseLevel.get()))));
        clusters.set(Math.max(2, Math.min(30, StoredValues.integer(view, "clusters", clusters.get()))));
        float[] pad = StoredValues.floats(view, "scribble");
        if (pad != null && scribble.get() != null && pad.length == scribble.get().length) {
            scribble.set(pad);
        }
        cursor.xProperty().set(StoredValues.number(view, "cursor_x", cursor.xProperty().get()));
        cursor.yProperty().set(StoredValues.number(view, "cursor_y", cursor.yProperty().get()));
        // A view without a drawing (a shipped run's history, an older file) leaves the pad as it is.
        float[] drawn = StoredValues.floats(view, "drawing");
        if (drawn != null && drawn.length == MnistStyle.SIDE * MnistStyle.SIDE) {
            drawAndPlace.drawingProperty().set(drawn);
        }
    }

    @Override
    protected void onModelAdopted(GenerativeModel adopted) {
        ImageNoise n = ((Autoencoder) adopted).noise();
        background.ui(() -> {
            trainingNoise.set(n.isNone() ? TrainingNoise.NONE : TrainingNoise.valueOf(n.type().name()));
            if (!n.isNone()) {
                trainingNoiseLevel.set(n.level());
            }
        });
    }

    @Override
    protected void onDataChanged(Split split) {
        int[] idx = new int[Math.min(PREVIEW_IMAGES, split.heldOut().size())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        previewPixels = split.heldOut().gather(idx);
        heldOutPixels = split.heldOut().gather(java.util.stream.IntStream.range(0, split.heldOut().size()).toArray());
        codes = null;
        placed = null;
        ImageGrid preview = ImageGrid.of(previewPixels, split.heldOut().rows(), split.heldOut().cols());
        // The shipped plain and denoising autoencoders of this data set, for the error curve.
        boolean bundled = DataSource.isBundled(dataSpec);
        shippedPlain = bundled ? shipped("ae-" + dataSpec) : null;
        shippedDenoising = bundled ? shipped("dae-" + dataSpec) : null;
        measured = null;
        background.ui(() -> {
            originals.set(preview);
            reconstructions.set(null);
            scribble.set(previewPixels.length == 0 ? null : java.util.Arrays.copyOf(previewPixels,
                    split.heldOut().pixelsPerImage()));
        });
    }

    /** A shipped autoencoder (both have an Encoder), or null where it is missing or unreadable. */
    private static EncodingModel shipped(String name) {
        if (!ModelStore.bundledExists(name)) {
            return null;
        }
        try {
            return (EncodingModel) ModelStore.loadBundled(name).model();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    protected void onInferenceChanged() {
        if (inference == null || previewPixels == null) {
            codes = null;
            placed = null;
            publish(() -> {
                reconstructions.set(null);
                noisy.set(null);
                denoised.set(null);
                planePoints.set(null);
            });
            cursor.decode();
            drawAndPlace.place();
            return;
        }
        placeCodes();
        cursor.decode();
        drawAndPlace.place();
        ImageGrid recon = ImageGrid.of(Tensors.toFloats(encodingInference().reconstruct(rows(previewPixels))),
                split.heldOut().rows(), split.heldOut().cols());
        publish(() -> reconstructions.set(recon));
        showDenoising();
        denoiseScribble();
        // The curves and clusters take seconds (k-means on 784 pixels): measured on each new model, not on every
        // snapshot while training, and as a job of their own, so Start is ready as soon as the model is shown.
        if (!isActive() && measured != inference) {
            measured = inference;
            runQuietly(() -> {
                measureCurves();
                cluster();
            });
        }
    }

    /** Worker: the held-out codes under the model in view, and where the planes draw them. */
    private void placeCodes() {
        int d = inference.latentSize();
        codes = Tensors.toFloats(encodingInference().encode(rows(heldOutPixels)));
        pca = d == 2 ? null : Pca.fit(codes, d);
        int n = codes.length / d;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            double[] uv = pca == null ? new double[] {codes[2 * i], codes[2 * i + 1]} : pca.project(codes, i);
            xs[i] = (float) uv[0];
            ys[i] = (float) uv[1];
        }
        LatentPoints p = new LatentPoints(xs, ys, split.heldOut().labels());
        placed = p;
        publish(() -> planePoints.set(p));
    }

    /** Worker. */
    private ImageNoise testNoise() {
        return new ImageNoise(testNoise.seen(), testNoiseLevel.seen());
    }

    /** Worker: the preview images with the test noise, and what the model makes of them. */
    private void showDenoising() {
        if (inference == null || previewPixels == null) {
            return;
        }
        float[] corrupted = testNoise().apply(previewPixels, Denoising.SEED);
        float[] out = Tensors.toFloats(encodingInference().reconstruct(rows(corrupted)));
        int r = split.heldOut().rows();
        int c = split.heldOut().cols();
        ImageGrid in = ImageGrid.of(corrupted, r, c);
        ImageGrid result = ImageGrid.of(out, r, c);
        publish(() -> {
            noisy.set(in);
            denoised.set(result);
        });
    }

    /** Worker: held-out error against noise level for this model and the shipped plain and denoising ones. */
    private void measureCurves() {
        if (inference == null || split == null) {
            return;
        }
        double[] levels = Denoising.levels();
        Map<String, double[]> errors = new java.util.LinkedHashMap<>();
        ImageNoise.Type type = testNoise.seen();
        errors.put(CURVE_MODEL, Denoising.curve(encodingInference(), split.heldOut(), type, levels, Denoising.SEED));
        if (shippedPlain != null) {
            errors.put(CURVE_PLAIN, Denoising.curve(shippedPlain, split.heldOut(), type, levels, Denoising.SEED));
        }
        if (shippedDenoising != null) {
            errors.put(CURVE_DENOISING, Denoising.curve(shippedDenoising, split.heldOut(), type,
                    levels, Denoising.SEED));
        }
        publish(() -> {
            noiseCurves.values().forEach(List::clear);
            errors.forEach((key, e) -> {
                List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>();
                for (int i = 0; i < e.length; i++) {
                    points.add(new XYChart.Data<>(levels[i], e[i]));
                }
                noiseCurve(key).setAll(points);
            });
        });
    }

    /** Worker: what the model makes of the learner's scribbled digit. */
    private void denoiseScribble() {
        float[] pixels = scribble.seen();
        if (inference == null || pixels == null || split == null) {
            return;
        }
        float[] out = Tensors.toFloats(encodingInference().reconstruct(rows(pixels)));
        ImageGrid result = ImageGrid.of(out, split.heldOut().rows(), split.heldOut().cols());
        publish(() -> scribbleOutput.set(result));
    }

    /** Worker: k-means on the held-out codes and on the raw pixels, both scored against the labels. */
    private void cluster() {
        if (inference == null || split == null || placed == null) {
            return;
        }
        int k = clusters.seen();
        ClusterScores.LatentVsPixels r = ClusterScores.latentVsPixels(encodingInference(), split.heldOut(), k, ClusterScores.SEED);
        // The same codes as the latent plane's (both from the model in view), placed alike.
        LatentPoints byLabel = placed;
        LatentPoints byCluster = new LatentPoints(byLabel.x(), byLabel.y(), r.latent().assignments());
        publish(() -> {
            clusterPoints.set(byCluster);
            labelPoints.set(byLabel);
            latentPurity.set(r.latentScores().purity());
            latentNmi.set(r.latentScores().nmi());
            pixelPurity.set(r.pixelScores().purity());
            pixelNmi.set(r.pixelScores().nmi());
        });
    }

    /** Puts the first held-out digit back on the scribble pad, without the learner's noise. */
    public void resetScribble() {
        ImageGrid o = originals.get();
        if (o != null && o.size() > 0) {
            scribble.set(o.images().get(0).clone());
        }
    }

    public ObjectProperty<ImageGrid> originalsProperty() {
        return originals;
    }

    public ObjectProperty<ImageGrid> reconstructionsProperty() {
        return reconstructions;
    }

    /** The error against noise level of one model: {@link #CURVE_MODEL}, {@link #CURVE_PLAIN}, {@link #CURVE_DENOISING}. */
    public ObservableList<XYChart.Data<Number, Number>> noiseCurve(String key) {
        return noiseCurves.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    public ObjectProperty<TrainingNoise> trainingNoiseProperty() { return trainingNoise; }
    public DoubleProperty trainingNoiseLevelProperty() { return trainingNoiseLevel; }
    public ObjectProperty<ImageNoise.Type> testNoiseProperty() { return testNoise; }
    public DoubleProperty testNoiseLevelProperty() { return testNoiseLevel; }
    public ObjectProperty<ImageGrid> noisyProperty() { return noisy; }
    public ObjectProperty<ImageGrid> denoisedProperty() { return denoised; }
    public ObjectProperty<float[]> scribbleProperty() { return scribble; }
    public ObjectProperty<ImageGrid> scribbleOutputProperty() { return scribbleOutput; }
    public IntegerProperty clustersProperty() { return clusters; }
    public ObjectProperty<LatentPoints> clusterPointsProperty() { return clusterPoints; }
    public ObjectProperty<LatentPoints> labelPointsProperty() { return labelPoints; }
    /** The held-out codes in the latent plane, coloured by label. */
    public ObjectProperty<LatentPoints> planePointsProperty() { return planePoints; }
    public DoubleProperty cursorXProperty() { return cursor.xProperty(); }
    public DoubleProperty cursorYProperty() { return cursor.yProperty(); }
    /** What the Decoder makes of the code under the plane's cursor. */
    public ObjectProperty<ImageGrid> decodedProperty() { return cursor.decodedProperty(); }
    /** The learner's drawing, placed in the plane. */
    public DrawAndPlace drawAndPlace() { return drawAndPlace; }
    public DoubleProperty latentPurityProperty() { return latentPurity; }
    public DoubleProperty latentNmiProperty() { return latentNmi; }
    public DoubleProperty pixelPurityProperty() { return pixelPurity; }
    public DoubleProperty pixelNmiProperty() { return pixelNmi; }

    /** The reconstruction term's name, for the view's curves and numbers. */
    public static String lossTerm() {
        return Autoencoder.RECON_BCE;
    }
}

package org.latentexplorer.ui.vae;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Pca;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;
import org.latentexplorer.ui.base.StoredValues;
import org.latentexplorer.ui.training.DecodingCursor;
import org.latentexplorer.ui.training.DrawAndPlace;
import org.latentexplorer.ui.training.PlaneMapping;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The VAE section: the training state, β (which may change while training), and the latent plane — the
 * held-out codes, a cursor whose decoded image follows every move, the learner's drawing placed among the codes, an
 * optional manifold grid, and for codes of more than two dimensions a slice through two of them or the plane of their
 * two principal axes (the drawing's code is placed the same way).
 * Decoding always uses the inference copy on the worker thread, never the network being trained.
 */
public final class VaeViewModel extends TrainingViewModel {
    public enum Projection { SLICE, PCA }

    static final double COLLAPSE_BETA = 0.02;
    /** Below this held-out KL per image (nats) the code tells the decoder next to nothing: collapse. */
    static final double COLLAPSED_KL = 0.5;
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 1.0);
    private final ObjectProperty<Reconstruction> reconstruction =
            new SimpleObjectProperty<>(this, "reconstruction", Reconstruction.BCE);

    private final ObjectProperty<LatentPoints> points = new SimpleObjectProperty<>(this, "points");
    private final BooleanProperty showManifold = new SimpleBooleanProperty(this, "showManifold", false);
    private final IntegerProperty manifoldSize = new SimpleIntegerProperty(this, "manifoldSize", 15);
    private final ObjectProperty<double[]> visibleRange = new SimpleObjectProperty<>(this, "visibleRange");
    private final ObjectProperty<Manifold> manifold = new SimpleObjectProperty<>(this, "manifold");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ObjectProperty<ImageGrid> selectedPair = new SimpleObjectProperty<>(this, "selectedPair");
    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>(this, "projection", Projection.SLICE);
    private final IntegerProperty dimX = new SimpleIntegerProperty(this, "dimX", 0);
    private final IntegerProperty dimY = new SimpleIntegerProperty(this, "dimY", 1);
    private final IntegerProperty modelLatentSize = new SimpleIntegerProperty(this, "modelLatentSize", 2);
    private final List<DoubleProperty> sliceValues = new ArrayList<>();

    private final Runnable decodeManifoldNewest = newestOnly(this::decodeManifold);

    // Worker thread.
    private ImageSet heldOut;
    private float[] heldOutPixels;
    private float[] codes;
    private Pca pca;
    // Copies of UI state the worker reads: written on the UI thread, read whole on the worker.
    private volatile View view = new View(Projection.SLICE, 0, 1, new float[2]);
    private volatile ManifoldRequest manifoldRequest = new ManifoldRequest(false, 15, null);
    private volatile int selected = -1;

    private record ManifoldRequest(boolean show, int n, double[] range) {
    }

    /** How plane positions map to latent codes; replaced as a whole on the UI thread, read on the worker. */
    private record View(Projection projection, int dimX, int dimY, float[] slice) {
    }

    private final PlaneMapping mapping = new PlaneMapping() {
        @Override
        public float[] codes() {
            return codes;
        }

        @Override
        public float[] toLatent(double u, double v) {
            return latentAt(u, v, inference.latentSize());
        }

        @Override
        public double[] toPlane(float[] z) {
            return planeOf(z, 0, z.length, view);
        }
    };
    private final DecodingCursor cursor = new DecodingCursor(this, mapping);
    private final DrawAndPlace drawAndPlace = new DrawAndPlace(this, mapping);

    public VaeViewModel(I18n i18n, Background background) {
        super(i18n, background);
        // As long as the shipped VAE trained: the plane fills with digits early, then keeps sharpening.
        epochsProperty().set(100);
        showManifold.addListener((o, a, b) -> requestManifold());
        manifoldSize.addListener((o, a, b) -> requestManifold());
        visibleRange.addListener((o, a, b) -> requestManifold());
        selectedIndex.addListener((o, a, b) -> {
            selected = b.intValue();
            runQuietly(this::decodeSelected);
        });
        beta.addListener((o, a, b) -> {
            // β takes effect at the next step of a running model: the chapter's weight on the reconstruction term.
            if (trainingModel() instanceof VariationalAutoencoder training && isValidBeta(b.doubleValue())) {
                training.setBeta(b.doubleValue());
            }
        });
        projection.addListener((o, a, b) -> viewChanged());
        dimX.addListener((o, a, b) -> viewChanged());
        dimY.addListener((o, a, b) -> viewChanged());
        modelLatentSize.addListener((o, a, b) -> resizeSlice(b.intValue()));
        resizeSlice(2);
    }

    /**
     * Trains a fresh 2-D VAE where the KL term wins, so q(z|x) collapses onto the prior and the decoder ignores z.
     * β weights the reconstruction in the chapter's loss, so the KL wins with a small β (2 epochs: KL about 0.01 nats).
     */
    public void showPosteriorCollapse() {
        if (active().get() || busyProperty().get()) {
            return;
        }
        continueTrainingProperty().set(false);
        latentSizeProperty().set(2);
        epochsProperty().set(2);
        beta.set(COLLAPSE_BETA);
        start();
    }

    /** Whether the held-out KL says the code carries (almost) no information about the image. */
    public javafx.beans.binding.BooleanBinding collapsed() {
        DoubleProperty kl = latest(HELD_OUT, VariationalAutoencoder.KL);
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> kl.get() < COLLAPSED_KL, kl);
    }

    private static boolean isValidBeta(double b) {
        return b >= 0 && b <= 1000;
    }

    private void resizeSlice(int d) {
        while (sliceValues.size() < d) {
            DoubleProperty p = new SimpleDoubleProperty(this, "slice" + sliceValues.size(), 0);
            p.addListener((o, a, b) -> viewChanged());
            sliceValues.add(p);
        }
        while (sliceValues.size() > d) {
            sliceValues.remove(sliceValues.size() - 1);
        }
        dimX.set(Math.min(dimX.get(), d - 1));
        dimY.set(d > 1 ? Math.min(Math.max(dimY.get(), 0), d - 1) : 0);
        viewChanged();
    }

    private void viewChanged() {
        float[] slice = new float[sliceValues.size()];
        for (int i = 0; i < slice.length; i++) {
            slice[i] = (float) sliceValues.get(i).get();
        }
        view = new View(projection.get(), dimX.get(), dimY.get(), slice);
        runQuietly(() -> {
            projectPoints();
            cursor.decode();
            decodeManifold();
            drawAndPlace.place();
        });
    }

    @Override
    public ModelKind kind() {
        return ModelKind.VAE;
    }

    @Override
    protected java.util.Map<String, Object> modelSettings() {
        return java.util.Map.of(VariationalAutoencoder.BETA_SETTING, beta.get(),
                VariationalAutoencoder.RECONSTRUCTION_SETTING, reconstruction.get().id());
    }

    @Override
    protected void applyModelSettings(ModelKind kind, java.util.Map<String, Object> settings) {
        beta.set(StoredValues.number(settings, VariationalAutoencoder.BETA_SETTING, beta.get()));
        reconstruction.set(StoredValues.parsed(settings, VariationalAutoencoder.RECONSTRUCTION_SETTING,
                Reconstruction::byId, reconstruction.get()));
    }

    @Override
    protected java.util.Map<String, Object> viewState() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("cursor_x", cursor.xProperty().get());
        m.put("cursor_y", cursor.yProperty().get());
        m.put("show_manifold", showManifold.get());
        m.put("manifold_size", manifoldSize.get());
        m.put("projection", projection.get().name());
        m.put("dim_x", dimX.get());
        m.put("dim_y", dimY.get());
        m.put("slice", sliceValues.stream().map(DoubleProperty::get).toList());
        m.put("selected_index", selectedIndex.get());
        if (drawAndPlace.drawingProperty().get() != null) {
            m.put("drawing", StoredValues.list(drawAndPlace.drawingProperty().get()));
        }
        return m;
    }

    @Override
    protected void applyViewState(java.util.Map<String, Object> v) {
        if (v.get("slice") instanceof List<?> slice) {
            for (int i = 0; i < Math.min(slice.size(), sliceValues.size()); i++) {
                if (slice.get(i) instanceof Number n) {
                    sliceValues.get(i).set(n.doubleValue());
                }
            }
        }
        projection.set(StoredValues.constant(v, "projection", projection.get()));
        // Kept within the model's dimensions and the grid sizes the view offers, whatever the file says.
        int last = sliceValues.size() - 1;
        dimX.set(Math.max(0, Math.min(last, StoredValues.integer(v, "dim_x", dimX.get()))));
        dimY.set(Math.max(0, Math.min(last, StoredValues.integer(v, "dim_y", dimY.get()))));
        manifoldSize.set(Math.max(2, Math.min(30, StoredValues.integer(v, "manifold_size", manifoldSize.get()))));
        showManifold.set(StoredValues.flag(v, "show_manifold", showManifold.get()));
        cursor.xProperty().set(StoredValues.number(v, "cursor_x", cursor.xProperty().get()));
        cursor.yProperty().set(StoredValues.number(v, "cursor_y", cursor.yProperty().get()));
        selectedIndex.set(StoredValues.integer(v, "selected_index", selectedIndex.get()));
        // A view without a drawing (a shipped run's history, an older file) leaves the pad as it is.
        float[] drawn = StoredValues.floats(v, "drawing");
        if (drawn != null && drawn.length == MnistStyle.SIDE * MnistStyle.SIDE) {
            drawAndPlace.drawingProperty().set(drawn);
        }
    }

    @Override
    protected void onModelAdopted(GenerativeModel adopted) {
        VariationalAutoencoder vae = (VariationalAutoencoder) adopted;
        double b = vae.beta();
        Reconstruction r = vae.config().reconstruction();
        background.ui(() -> {
            beta.set(b);
            reconstruction.set(r);
        });
    }

    @Override
    protected void onDataChanged(Split split) {
        heldOut = split.heldOut();
        int[] idx = new int[heldOut.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        heldOutPixels = heldOut.gather(idx);
        codes = null;
        selected = -1;
        background.ui(() -> selectedIndex.set(-1));
    }

    @Override
    protected void onInferenceChanged() {
        if (inference == null || heldOutPixels == null) {
            codes = null;
            publish(() -> {
                points.set(null);
                manifold.set(null);
            });
            cursor.decode();
            drawAndPlace.place();
            return;
        }
        int d = inference.latentSize();
        codes = Tensors.toFloats(encodingInference().encode(rows(heldOutPixels)));
        pca = d > 2 ? Pca.fit(codes, d) : null;
        publish(() -> modelLatentSize.set(d));
        projectPoints();
        cursor.decode();
        decodeManifold();
        decodeSelected();
        drawAndPlace.place();
    }

    /** Worker: the held-out codes as plane positions under the current view. */
    private void projectPoints() {
        if (codes == null || inference == null) {
            return;
        }
        int d = inference.latentSize();
        int n = codes.length / d;
        View v = view;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            double[] uv = planeOf(codes, i, d, v);
            xs[i] = (float) uv[0];
            ys[i] = (float) uv[1];
        }
        LatentPoints p = new LatentPoints(xs, ys, heldOut.labels());
        publish(() -> points.set(p));
    }

    /** Where row {@code i} of {@code codes} (d values a row) lies in the plane under view {@code v}. */
    private double[] planeOf(float[] codes, int i, int d, View v) {
        if (v.projection() == Projection.PCA && pca != null) {
            return pca.project(codes, i);
        }
        return new double[] {codes[i * d + Math.min(v.dimX(), d - 1)], d > 1 ? codes[i * d + Math.min(v.dimY(), d - 1)] : 0};
    }

    /** The latent code at plane position (u, v) under the current view. */
    private float[] latentAt(double u, double v, int d) {
        View view = this.view;
        if (view.projection() == Projection.PCA && pca != null) {
            return pca.unproject(u, v);
        }
        float[] z = new float[d];
        for (int i = 0; i < d && i < view.slice().length; i++) {
            z[i] = view.slice()[i];
        }
        z[Math.min(view.dimX(), d - 1)] = (float) u;
        if (d > 1) {
            z[Math.min(view.dimY(), d - 1)] = (float) v;
        }
        return z;
    }

    private void requestManifold() {
        manifoldRequest = new ManifoldRequest(showManifold.get(), manifoldSize.get(), visibleRange.get());
        decodeManifoldNewest.run();
    }

    /** Worker: an N × N grid of decoded images over the visible part of the plane, row 0 at the top. */
    private void decodeManifold() {
        ManifoldRequest request = manifoldRequest;
        double[] range = request.range();
        if (!request.show() || inference == null || heldOut == null || range == null) {
            return;
        }
        int n = request.n();
        int d = inference.latentSize();
        float[] z = new float[n * n * d];
        for (int row = 0; row < n; row++) {
            double v = range[3] - (row + 0.5) * (range[3] - range[2]) / n;
            for (int col = 0; col < n; col++) {
                double u = range[0] + (col + 0.5) * (range[1] - range[0]) / n;
                System.arraycopy(latentAt(u, v, d), 0, z, (row * n + col) * d, d);
            }
        }
        float[] images = Tensors.toFloats(inference.decode(Tensors.rows(z, n * n)));
        Manifold m = new Manifold(ImageGrid.of(images, heldOut.rows(), heldOut.cols()), n, range[0], range[1], range[2],
                range[3]);
        publish(() -> manifold.set(m));
    }

    /** Worker: the clicked held-out image and its reconstruction, side by side. */
    private void decodeSelected() {
        int i = selected;
        if (inference == null || heldOut == null || i < 0 || i >= heldOut.size()) {
            publish(() -> selectedPair.set(null));
            return;
        }
        float[] original = heldOut.image(i);
        float[] recon = Tensors.toFloats(encodingInference().reconstruct(Tensors.rows(original, 1)));
        ImageGrid pair = new ImageGrid(List.of(original, recon), heldOut.rows(), heldOut.cols());
        publish(() -> selectedPair.set(pair));
    }

    /** The loss terms' names, for the view's curves and numbers. */
    public static String lossTerm() {
        return VariationalAutoencoder.LOSS;
    }

    public DoubleProperty betaProperty() { return beta; }
    public ObjectProperty<Reconstruction> reconstructionProperty() { return reconstruction; }
    public ObjectProperty<LatentPoints> pointsProperty() { return points; }
    /** The legend: the labels' names of the data set in use (a folder's label folders, the digits, the garments). */
    public ObjectProperty<List<String>> classNamesProperty() { return data().classNamesProperty(); }
    public DoubleProperty cursorXProperty() { return cursor.xProperty(); }
    public DoubleProperty cursorYProperty() { return cursor.yProperty(); }
    public ObjectProperty<ImageGrid> decodedProperty() { return cursor.decodedProperty(); }
    /** The learner's drawing, placed in the plane. */
    public DrawAndPlace drawAndPlace() { return drawAndPlace; }
    public BooleanProperty showManifoldProperty() { return showManifold; }
    public IntegerProperty manifoldSizeProperty() { return manifoldSize; }
    public ObjectProperty<double[]> visibleRangeProperty() { return visibleRange; }
    public ObjectProperty<Manifold> manifoldProperty() { return manifold; }
    public IntegerProperty selectedIndexProperty() { return selectedIndex; }
    public ObjectProperty<ImageGrid> selectedPairProperty() { return selectedPair; }
    public ObjectProperty<Projection> projectionProperty() { return projection; }
    public IntegerProperty dimXProperty() { return dimX; }
    public IntegerProperty dimYProperty() { return dimY; }
    /** The latent size of the model in view (the setting may differ until the next start). */
    public IntegerProperty modelLatentSizeProperty() { return modelLatentSize; }
    /** The fixed value of each latent dimension in a slice; the two drawn dimensions ignore theirs. */
    public List<DoubleProperty> sliceValues() { return sliceValues; }
}

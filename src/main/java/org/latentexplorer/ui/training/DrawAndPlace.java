package org.latentexplorer.ui.training;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.NearestCodes;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.SharedProperty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draw and place: the learner's drawing goes through the Encoder of the model in view as it is drawn; its code shows
 * as a marker in the section's latent plane (placed as the plane places the held-out codes), with the
 * {@value #NEIGHBOURS} held-out codes nearest to it in the whole latent space, and its reconstruction. Dragging the
 * marker finds the codes nearest to wherever it is left. All model work runs on the section's worker with the
 * inference copy, never the network being trained; while one encoding runs, only the newest drawing waits.
 */
public final class DrawAndPlace {
    public static final int NEIGHBOURS = 5;

    private final TrainingViewModel owner;
    private final PlaneMapping plane;
    // Shared: the worker encodes the newest drawing.
    private final SharedProperty<float[]> drawing = new SharedProperty<>(this, "drawing", null);
    private final DoubleProperty markerX = new SimpleDoubleProperty(this, "markerX", Double.NaN);
    private final DoubleProperty markerY = new SimpleDoubleProperty(this, "markerY", Double.NaN);
    private final ObjectProperty<int[]> neighbours = new SimpleObjectProperty<>(this, "neighbours");
    private final ObjectProperty<ImageGrid> neighbourImages = new SimpleObjectProperty<>(this, "neighbourImages");
    private final ObjectProperty<ImageGrid> reconstruction = new SimpleObjectProperty<>(this, "reconstruction");
    /** The marker as last placed or dragged, for the worker. */
    private volatile double[] marker = {Double.NaN, Double.NaN};
    /** UI thread: set while the worker's placement is applied, which is no drag. */
    private boolean placing;

    public DrawAndPlace(TrainingViewModel owner, PlaneMapping plane) {
        this.owner = owner;
        this.plane = plane;
        Runnable placeNewest = owner.newestOnly(this::place);
        drawing.addListener((o, a, b) -> placeNewest.run());
        Runnable findNewest = owner.newestOnly(this::findNeighbours);
        ChangeListener<Number> dragged = (o, a, b) -> {
            if (!placing) {
                marker = new double[] {markerX.get(), markerY.get()};
                findNewest.run();
            }
        };
        markerX.addListener(dragged);
        markerY.addListener(dragged);
    }

    /**
     * Worker: encodes the drawing and places its marker, its nearest codes and its reconstruction; call it when the
     * model, the held-out codes or the plane's view changed. Without a drawing, a model or codes, nothing shows.
     */
    public void place() {
        float[] pixels = drawing.seen();
        EncodingModel model = owner.inference == null ? null : owner.encodingInference();
        float[] codes = plane.codes();
        if (pixels == null || model == null || codes == null || owner.split == null
                || pixels.length != model.inputSize()) {
            double[] none = {Double.NaN, Double.NaN};
            marker = none;
            owner.publish(() -> show(none, null, null, null));
            return;
        }
        INDArray x = Tensors.rows(pixels, 1);
        float[] z = Tensors.toFloats(model.encode(x));
        double[] at = plane.toPlane(z);
        int[] near = NearestCodes.nearest(codes, z, NEIGHBOURS);
        ImageSet heldOut = owner.split.heldOut();
        ImageGrid recon = ImageGrid.of(Tensors.toFloats(model.reconstruct(x)), heldOut.rows(), heldOut.cols());
        ImageGrid nearImages = ImageGrid.of(heldOut.gather(near), heldOut.rows(), heldOut.cols());
        marker = at;
        owner.publish(() -> show(at, near, nearImages, recon));
    }

    /** Worker: the codes nearest to the marker where the learner left it. */
    private void findNeighbours() {
        double[] at = marker;
        float[] codes = plane.codes();
        if (codes == null || owner.inference == null || owner.split == null || !Double.isFinite(at[0])
                || !Double.isFinite(at[1])) {
            return;
        }
        int[] near = NearestCodes.nearest(codes, plane.toLatent(at[0], at[1]), NEIGHBOURS);
        ImageSet heldOut = owner.split.heldOut();
        ImageGrid nearImages = ImageGrid.of(heldOut.gather(near), heldOut.rows(), heldOut.cols());
        owner.publish(() -> {
            neighbours.set(near);
            neighbourImages.set(nearImages);
        });
    }

    private void show(double[] at, int[] near, ImageGrid nearImages, ImageGrid recon) {
        placing = true;
        try {
            markerX.set(at[0]);
            markerY.set(at[1]);
        } finally {
            placing = false;
        }
        neighbours.set(near);
        neighbourImages.set(nearImages);
        reconstruction.set(recon);
    }

    /** The drawn image (side × side values, ink 1), null for none; the drawing pad writes it. */
    public ObjectProperty<float[]> drawingProperty() {
        return drawing;
    }

    /** Where the drawing's code lies in the plane; NaN while there is none. The plane's marker drags it. */
    public DoubleProperty markerXProperty() {
        return markerX;
    }

    public DoubleProperty markerYProperty() {
        return markerY;
    }

    /** Indices of the held-out codes nearest to the marker's code, nearest first; null while there is no marker. */
    public ObjectProperty<int[]> neighboursProperty() {
        return neighbours;
    }

    /** The held-out images of {@link #neighboursProperty()}, in its order. */
    public ObjectProperty<ImageGrid> neighbourImagesProperty() {
        return neighbourImages;
    }

    /** The drawing through the Encoder and back through the Decoder. */
    public ObjectProperty<ImageGrid> reconstructionProperty() {
        return reconstruction;
    }
}

package org.latentexplorer.ui.training;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.ui.base.ImageGrid;

/**
 * A latent plane's cursor and the image the Decoder makes of the code under it, decoded on the section's worker with
 * the model in view, never the network being trained. Every move asks; at most one decode waits on the worker and it
 * reads the newest position, so none piles up.
 */
public final class DecodingCursor {
    private final TrainingViewModel owner;
    private final PlaneMapping plane;
    private final DoubleProperty x = new SimpleDoubleProperty(this, "cursorX", 0);
    private final DoubleProperty y = new SimpleDoubleProperty(this, "cursorY", 0);
    private final ObjectProperty<ImageGrid> decoded = new SimpleObjectProperty<>(this, "decoded");
    private final Runnable decodeNewest;
    /** The position as the UI thread last set it, for the worker. */
    private volatile double[] at = {0, 0};

    public DecodingCursor(TrainingViewModel owner, PlaneMapping plane) {
        this.owner = owner;
        this.plane = plane;
        this.decodeNewest = owner.newestOnly(this::decode);
        x.addListener((o, a, b) -> request());
        y.addListener((o, a, b) -> request());
    }

    private void request() {
        at = new double[] {x.get(), y.get()};
        decodeNewest.run();
    }

    /** Worker: the image under the cursor, again; call it when the model or the plane's view changed. */
    public void decode() {
        GenerativeModel model = owner.inference;
        double[] p = at;
        if (model == null || owner.split == null || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            owner.publish(() -> decoded.set(null));
            return;
        }
        ImageSet heldOut = owner.split.heldOut();
        float[] image = Tensors.toFloats(model.decode(Tensors.rows(plane.toLatent(p[0], p[1]), 1)));
        ImageGrid g = ImageGrid.of(image, heldOut.rows(), heldOut.cols());
        owner.publish(() -> decoded.set(g));
    }

    /** Where the cursor is, in plane units; NaN hides it. */
    public DoubleProperty xProperty() {
        return x;
    }

    public DoubleProperty yProperty() {
        return y;
    }

    /** What the Decoder makes of the code under the cursor; null without a model. */
    public ObjectProperty<ImageGrid> decodedProperty() {
        return decoded;
    }
}

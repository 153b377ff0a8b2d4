package org.latentexplorer.ui;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.Autoencoder;
import org.latentexplorer.engine.ModelKind;
import org.latentexplorer.engine.Tensors;

/** The autoencoder section: besides the shared training state, held-out images and their reconstructions. */
public final class AutoencoderViewModel extends TrainingViewModel {
    static final int PREVIEW_IMAGES = 10;

    private final ObjectProperty<ImageGrid> originals = new SimpleObjectProperty<>(this, "originals");
    private final ObjectProperty<ImageGrid> reconstructions = new SimpleObjectProperty<>(this, "reconstructions");

    // Worker thread.
    private float[] previewPixels;

    public AutoencoderViewModel(I18n i18n, Consumer<Runnable> uiExecutor) {
        super(i18n, uiExecutor, "autoencoder-worker");
    }

    @Override
    public ModelKind kind() {
        return ModelKind.AE;
    }

    @Override
    protected void onDataChanged(Split split) {
        int[] idx = new int[Math.min(PREVIEW_IMAGES, split.heldOut().size())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        previewPixels = split.heldOut().gather(idx);
        ImageGrid preview = ImageGrid.of(previewPixels, split.heldOut().rows(), split.heldOut().cols());
        ui.accept(() -> {
            originals.set(preview);
            reconstructions.set(null);
        });
    }

    @Override
    protected void onInferenceChanged() {
        if (inference == null || previewPixels == null) {
            publish(() -> reconstructions.set(null));
            return;
        }
        ImageGrid recon = ImageGrid.of(Tensors.toFloats(inference.reconstruct(rows(previewPixels))),
                split.heldOut().rows(), split.heldOut().cols());
        publish(() -> reconstructions.set(recon));
    }

    public ObjectProperty<ImageGrid> originalsProperty() {
        return originals;
    }

    public ObjectProperty<ImageGrid> reconstructionsProperty() {
        return reconstructions;
    }

    /** The reconstruction term's name, for the view's curves and numbers. */
    public static String lossTerm() {
        return Autoencoder.RECON_BCE;
    }
}

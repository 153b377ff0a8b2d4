package org.latentexplorer.ui.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.ui.base.I18n;

/**
 * The model in view and where it came from: the data set it learned and the epochs and steps it has been trained,
 * which its manifest and description tell. Owned by the section's worker thread.
 */
final class ModelSlot {
    private GenerativeModel model;
    private String datasetSpec;
    private long trainedSteps;
    private int trainedEpochs;

    /** The model in view, or being trained; null when there is none. */
    GenerativeModel model() {
        return model;
    }

    /** A model read from a file, with what its manifest says of it. */
    void adopt(ModelStore.Loaded loaded) {
        model = loaded.model();
        datasetSpec = loaded.manifest().dataset();
        trainedEpochs = loaded.manifest().epochs();
        trainedSteps = loaded.manifest().steps();
    }

    /** The model a run trains on a data set: the one in view further ({@code continuing}) or a new one. */
    void train(GenerativeModel trained, boolean continuing, String spec) {
        if (!continuing) {
            trainedEpochs = 0;
            trainedSteps = 0;
        }
        model = trained;
        datasetSpec = spec;
    }

    /** Counts the steps and epochs of a run that has ended. */
    void count(Trainer t) {
        trainedSteps += t.step();
        trainedEpochs += (int) (t.step() / t.batchesPerEpoch());
    }

    void close() {
        model = null;
    }

    /** The model named for the learner, with its latent size, epochs and steps. */
    String describe(I18n i18n, String name) {
        return i18n.get("model.description", name, model.latentSize(), trainedEpochs, trainedSteps);
    }

    /** The model's manifest, with its loss terms on the held-out images. */
    ModelManifest manifest(ImageSet heldOut, long seed) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Trainer.evaluate(model, heldOut).asMap().forEach((k, v) -> metrics.put("heldout_" + k, v));
        return ModelManifest.describe(model, datasetSpec, seed, trainedEpochs, trainedSteps, metrics);
    }
}

package org.latentexplorer.engine.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.ui.shell.Settings;
import org.latentexplorer.ui.shell.SettingsStore;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The child process of {@link KillDuringSaveTest}: saves version after version of one file (a model, an experiment
 * or the settings) to the same place until it is killed. Version {@code k} carries {@code k} everywhere the test can
 * see it (every weight, the manifest's steps, a curve's value, the settings' thread count), so a file that loads is
 * also checked to be one version throughout. Prints {@code ready} once the first version is saved, then
 * {@code saved k} after each.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    /** The model every version of a model or experiment saves: small, so a save takes milliseconds. */
    static Autoencoder model() {
        return new Autoencoder(new Autoencoder.Config(64, new int[] {32}, 2, 1e-3, 3));
    }

    static Autoencoder withVersion(Autoencoder model, long version) {
        model.setParameters(Nd4j.valueArrayOf(model.parameters().shape(), (float) version));
        return model;
    }

    static ModelManifest manifest(GenerativeModel model, long version) {
        return ModelManifest.describe(model, "mnist", 3, 1, version, Map.of());
    }

    static Experiment experiment(long version) {
        return Experiment.of("autoencoder", "ae", "mnist", null, new Experiment.Training(2, 1, 64, 1e-3, 3, false),
                Map.of(), Map.of("train:loss", List.of(new double[] {1, version})), Map.of());
    }

    static Settings settings(long version) {
        return new Settings("ja", (int) version, null, true, Map.of(), null, null);
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path target = Path.of(args[1]);
        long first = Long.parseLong(args[2]);
        Autoencoder model = kind.equals("settings") ? null : model();
        for (long version = first; ; version++) {
            switch (kind) {
                case "model" -> ModelStore.save(withVersion(model, version), manifest(model, version), target, true);
                case "experiment" -> ExperimentFile.save(target, experiment(version), withVersion(model, version),
                        manifest(model, version));
                case "settings" -> {
                    if (!new SettingsStore(target).save(settings(version))) {
                        throw new IllegalStateException("the settings were not saved");
                    }
                }
                default -> throw new IllegalArgumentException("model, experiment or settings, not " + kind);
            }
            System.out.println(version == first ? "ready" : "saved " + version);
            System.out.flush();
        }
    }
}

package org.latentexplorer.engine.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.engine.core.AppInfo;
import org.latentexplorer.engine.ganlab.GanLab;
import org.latentexplorer.engine.ganlab.LabSettings;

/**
 * Everything about one run except its weights, as saved in an experiment file: which section and model kind, the
 * data set, the training settings and the kind's own settings, the curves as drawn, and the view's state (where the
 * learner left the latent cursor, which noise the denoising tab shows...). Values are plain JSON types.
 *
 * @param section the app section the run belongs to (an id such as {@code vae})
 * @param kind the model kind; null for the lab
 * @param dataset a bundled data set's id, or an IDX images file's path; for the lab, the real distribution's id
 * @param labels the labels file beside a file data set, or null
 * @param training the settings every model section shares
 * @param modelSettings the kind's own settings by their manifest names (as {@link Models#create} takes them)
 * @param curves each curve by its key (for example {@code train:kl}) as [step, value] pairs, in order
 * @param view the view's state by name
 * @param lab the GAN problems lab's run, which has no model kind, training settings or image data set; null for a
 *     model section
 */
public record Experiment(int format, String appVersion, String created, String section, String kind, String dataset,
        String labels, Training training, Map<String, Object> modelSettings, Map<String, List<double[]>> curves,
        Map<String, Object> view, LabRun lab) {
    public static final int FORMAT = 1;

    /** The settings every model section shares. */
    public record Training(int latentSize, int epochs, int batchSize, double learningRate, long seed,
            boolean continueTraining) {
    }

    /** The lab's settings and where its training stands. */
    public record LabRun(LabSettings settings, GanLab.State state) {
    }

    public Experiment {
        modelSettings = frozen(modelSettings);
        curves = frozen(curves);
        view = frozen(view);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(m == null ? Map.of() : new LinkedHashMap<>(m));
    }

    public static Experiment of(String section, String kind, String dataset, String labels, Training training,
            Map<String, Object> modelSettings, Map<String, List<double[]>> curves, Map<String, Object> view) {
        return new Experiment(FORMAT, AppInfo.version(), java.time.Instant.now().toString(), section, kind, dataset,
                labels, training, modelSettings, curves, view, null);
    }

    /** The same experiment of another model kind (the kind of the model saved with it). */
    public Experiment withKind(String otherKind) {
        return new Experiment(format, appVersion, created, section, otherKind, dataset, labels, training, modelSettings,
                curves, view, lab);
    }

    public static Experiment ofLab(String section, String distribution, LabRun lab, Map<String, List<double[]>> curves,
            Map<String, Object> view) {
        return new Experiment(FORMAT, AppInfo.version(), java.time.Instant.now().toString(), section, null, distribution,
                null, null, Map.of(), curves, view, lab);
    }
}

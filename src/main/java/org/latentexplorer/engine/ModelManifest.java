package org.latentexplorer.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small JSON file saved beside each model: enough to rebuild its architecture, say what it was
 * trained on and how far, and check a file before handing it to DL4J.
 */
public record ModelManifest(int format, String kind, String appVersion, String dataset, long seed, int epochs,
        long steps, Map<String, Object> hyperParameters, Map<String, Double> metrics, String created) {
    public static final int FORMAT = 1;

    public ModelManifest {
        // Kept in insertion order so saved manifests read in the order models list their settings.
        hyperParameters = Collections.unmodifiableMap(hyperParameters == null ? Map.of() : new LinkedHashMap<>(hyperParameters));
        metrics = Collections.unmodifiableMap(metrics == null ? Map.of() : new LinkedHashMap<>(metrics));
    }

    public static ModelManifest describe(GenerativeModel model, String dataset, long seed, int epochs, long steps,
            Map<String, Double> metrics) {
        return new ModelManifest(FORMAT, model.kind().id(), AppInfo.version(), dataset, seed, epochs, steps,
                model.hyperParameters(), metrics, java.time.Instant.now().toString());
    }
}

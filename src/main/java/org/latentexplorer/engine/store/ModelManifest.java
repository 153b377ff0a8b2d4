package org.latentexplorer.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.latentexplorer.engine.core.AppInfo;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;

/**
 * The small JSON file saved beside each model: enough to rebuild its architecture, say what it was
 * trained on and how far, and check a file before handing it to DL4J.
 */
public record ModelManifest(int format, String kind, String appVersion, String dataset, long seed, int epochs,
        long steps, Map<String, Object> hyperParameters, Map<String, Double> metrics, String created) {
    public static final int FORMAT = 1;
    /** How Jackson writes a metric that is not a finite number. */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    /** The kinds a manifest may name: every generative kind, and the classifier that scores their samples. */
    private static final List<String> KINDS = Stream.concat(Arrays.stream(ModelKind.values()).map(ModelKind::id),
            Stream.of(Classifier.KIND)).toList();

    /** What {@link #check}'s type errors say a field must be: the choice in the {@code model.error.field.type} message. */
    enum Type { TEXT, WHOLE_NUMBER, NUMBER, OBJECT, SHA256 }

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

    /**
     * The manifest a parsed JSON file holds, each field checked for its presence, type and range, so a damaged or
     * hand-edited file is refused with the field named rather than failing later somewhere inside DL4J.
     */
    static ModelManifest check(JsonNode root, String fileName) throws ModelFileException {
        if (!root.isObject()) {
            throw typeError(fileName, "(manifest)", Type.OBJECT, root);
        }
        long format = whole(root, "format", fileName, 0, Long.MAX_VALUE);
        if (format != FORMAT) {
            throw ModelFileException.of("model.error.field.unknown", null, fileName, "format", String.valueOf(format),
                    String.valueOf(FORMAT));
        }
        String kind = text(root, "kind", fileName, true);
        if (!KINDS.contains(kind)) {
            throw ModelFileException.of("model.error.field.unknown", null, fileName, "kind", "\"" + kind + "\"",
                    String.join(", ", KINDS));
        }
        String dataset = text(root, "dataset", fileName, true);
        long seed = whole(root, "seed", fileName, Long.MIN_VALUE, Long.MAX_VALUE);
        int epochs = (int) whole(root, "epochs", fileName, 0, Integer.MAX_VALUE);
        long steps = whole(root, "steps", fileName, 0, Long.MAX_VALUE);
        JsonNode hyper = root.get("hyper_parameters");
        if (hyper == null || !hyper.isObject()) {
            throw hyper == null ? missing(fileName, "hyper_parameters")
                    : typeError(fileName, "hyper_parameters", Type.OBJECT, hyper);
        }
        return new ModelManifest(FORMAT, kind, text(root, "app_version", fileName, false), dataset, seed, epochs, steps,
                ModelStore.JSON.convertValue(hyper, new TypeReference<Map<String, Object>>() { }),
                metrics(root.get("metrics"), fileName), text(root, "created", fileName, false));
    }

    private static String text(JsonNode root, String field, String fileName, boolean required) throws ModelFileException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw missing(fileName, field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw typeError(fileName, field, Type.TEXT, v);
        }
        return v.asText();
    }

    private static long whole(JsonNode root, String field, String fileName, long min, long max)
            throws ModelFileException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            throw missing(fileName, field);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw typeError(fileName, field, Type.WHOLE_NUMBER, v);
        }
        if (v.asLong() < 0 && min == 0) {
            throw ModelFileException.of("model.error.field.negative", null, fileName, field, v.asLong());
        }
        if (v.asLong() < min || v.asLong() > max) {
            throw ModelFileException.of("model.error.field.range", null, fileName, field, v.asLong(), min, max);
        }
        return v.asLong();
    }

    /** Held-out figures by name; optional. A figure may be NaN, which Jackson writes as the text "NaN". */
    private static Map<String, Double> metrics(JsonNode node, String fileName) throws ModelFileException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw typeError(fileName, "metrics", Type.OBJECT, node);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            JsonNode v = e.getValue();
            boolean nonFinite = v.isTextual() && NON_FINITE.contains(v.asText());
            if (!v.isNumber() && !nonFinite) {
                throw typeError(fileName, "metrics." + e.getKey(), Type.NUMBER, v);
            }
            metrics.put(e.getKey(), nonFinite ? Double.valueOf(v.asText()) : v.asDouble());
        }
        return metrics;
    }

    private static ModelFileException missing(String fileName, String field) {
        return ModelFileException.of("model.error.field.missing", null, fileName, field);
    }

    static ModelFileException typeError(String fileName, String field, Type expected, JsonNode found) {
        String shown = found.toString();
        return ModelFileException.of("model.error.field.type", null, fileName, field, expected.ordinal(),
                shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
    }
}

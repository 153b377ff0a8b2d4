package org.latentexplorer.ui.base;

import java.util.List;
import java.util.Map;

/** Typed reads of values stored as plain JSON types (an experiment's settings and view state), with defaults for absent ones. */
public final class StoredValues {
    private StoredValues() {
    }

    public static double number(Map<String, Object> m, String key, double otherwise) {
        return m.get(key) instanceof Number n ? n.doubleValue() : otherwise;
    }

    public static int integer(Map<String, Object> m, String key, int otherwise) {
        return m.get(key) instanceof Number n ? n.intValue() : otherwise;
    }

    public static boolean flag(Map<String, Object> m, String key, boolean otherwise) {
        return m.get(key) instanceof Boolean b ? b : otherwise;
    }

    public static String string(Map<String, Object> m, String key, String otherwise) {
        return m.get(key) instanceof String s ? s : otherwise;
    }

    /** A value read from its stored id; the default when absent or unknown to this version. */
    public static <T> T parsed(Map<String, Object> m, String key, java.util.function.Function<String, T> byId, T otherwise) {
        if (!(m.get(key) instanceof String id)) {
            return otherwise;
        }
        try {
            return byId.apply(id);
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }

    /** An enum constant by its name; the default when absent or unknown to this version. */
    public static <E extends Enum<E>> E constant(Map<String, Object> m, String key, E otherwise) {
        return parsed(m, key, name -> Enum.valueOf(otherwise.getDeclaringClass(), name), otherwise);
    }

    /** Pixels stored as a list of numbers; null when absent. */
    public static float[] floats(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof List<?> list)) {
            return null;
        }
        float[] f = new float[list.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = list.get(i) instanceof Number n ? n.floatValue() : 0f;
        }
        return f;
    }

    /** Pixels as a list that JSON writes exactly (a float widens to a double without loss). */
    public static List<Double> list(float[] pixels) {
        List<Double> l = new java.util.ArrayList<>(pixels.length);
        for (float v : pixels) {
            l.add((double) v);
        }
        return l;
    }
}

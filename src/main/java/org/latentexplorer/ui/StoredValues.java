package org.latentexplorer.ui;

import java.util.List;
import java.util.Map;

/** Typed reads of values stored as plain JSON types (an experiment's settings and view state), with defaults for absent ones. */
final class StoredValues {
    private StoredValues() {
    }

    static double number(Map<String, Object> m, String key, double otherwise) {
        return m.get(key) instanceof Number n ? n.doubleValue() : otherwise;
    }

    static int integer(Map<String, Object> m, String key, int otherwise) {
        return m.get(key) instanceof Number n ? n.intValue() : otherwise;
    }

    static boolean flag(Map<String, Object> m, String key, boolean otherwise) {
        return m.get(key) instanceof Boolean b ? b : otherwise;
    }

    static String string(Map<String, Object> m, String key, String otherwise) {
        return m.get(key) instanceof String s ? s : otherwise;
    }

    /** An enum constant by its name; the default when absent or unknown to this version. */
    static <E extends Enum<E>> E constant(Map<String, Object> m, String key, E otherwise) {
        for (E e : otherwise.getDeclaringClass().getEnumConstants()) {
            if (e.name().equals(m.get(key))) {
                return e;
            }
        }
        return otherwise;
    }

    /** Pixels stored as a list of numbers; null when absent. */
    static float[] floats(Map<String, Object> m, String key) {
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
    static List<Double> list(float[] pixels) {
        List<Double> l = new java.util.ArrayList<>(pixels.length);
        for (float v : pixels) {
            l.add((double) v);
        }
        return l;
    }
}

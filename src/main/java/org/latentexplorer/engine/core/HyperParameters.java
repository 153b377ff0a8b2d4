package org.latentexplorer.engine.core;

import java.util.List;
import java.util.Map;

/** Reads a manifest's hyper-parameters back, with a plain message when one is missing or of the wrong type. */
public final class HyperParameters {
    private HyperParameters() {
    }

    public static Number number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("hyper-parameter '" + key + "' is missing or not a number");
    }

    public static int[] ints(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof List<?> list && list.stream().allMatch(o -> o instanceof Number)) {
            return list.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        }
        throw new IllegalArgumentException("hyper-parameter '" + key + "' is missing or not a list of numbers");
    }

    public static String string(Map<String, Object> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("hyper-parameter '" + key + "' is missing or not a text");
    }
}

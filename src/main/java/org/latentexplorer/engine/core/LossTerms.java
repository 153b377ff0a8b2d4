package org.latentexplorer.engine.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named terms of a model's loss for one batch (per image), in the order the chapter writes them. */
public final class LossTerms {
    private final Map<String, Double> terms;

    private LossTerms(Map<String, Double> terms) {
        this.terms = Collections.unmodifiableMap(terms);
    }

    public static LossTerms of(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(name, value);
        return new LossTerms(m);
    }

    public static LossTerms of(Map<String, Double> terms) {
        return new LossTerms(new LinkedHashMap<>(terms));
    }

    public double get(String name) {
        Double v = terms.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no loss term '" + name + "' in " + terms.keySet());
        }
        return v;
    }

    public Map<String, Double> asMap() {
        return terms;
    }

    /** The first term is the one the model minimises in total. */
    public double primary() {
        return terms.values().iterator().next();
    }

    public boolean isFinite() {
        return terms.values().stream().allMatch(Double::isFinite);
    }

    /** Mean of several batches' terms, weighted by their sizes. */
    public static LossTerms weightedMean(java.util.List<LossTerms> parts, java.util.List<Integer> sizes) {
        Map<String, Double> sum = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            int n = sizes.get(i);
            total += n;
            parts.get(i).terms.forEach((k, v) -> sum.merge(k, v * n, Double::sum));
        }
        final long count = total;
        sum.replaceAll((k, v) -> v / count);
        return new LossTerms(sum);
    }

    @Override
    public String toString() {
        return terms.toString();
    }
}

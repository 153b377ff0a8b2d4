package org.latentexplorer.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Curves over training steps as one CSV table: a step column, then one column per curve, a row for every step any
 * curve has (a cell left empty where a curve has no point). Numbers are plain decimals with a '.', whatever the
 * user's locale, so spreadsheets and scripts everywhere read them back; UTF-8.
 */
public final class CurvesCsv {
    /** One curve: its column name and its points, {@code steps[i]} to {@code values[i]}. */
    public record Curve(String name, double[] steps, double[] values) {
        public Curve {
            if (steps.length != values.length) {
                throw new IllegalArgumentException(name + ": " + steps.length + " steps but " + values.length + " values");
            }
        }
    }

    private CurvesCsv() {
    }

    public static void write(Path file, String stepColumn, List<Curve> curves) throws DataException {
        byte[] bytes = format(stepColumn, curves).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.save(file, out -> out.write(bytes));
    }

    static String format(String stepColumn, List<Curve> curves) {
        Map<Double, String[]> rows = new TreeMap<>();
        for (int k = 0; k < curves.size(); k++) {
            Curve curve = curves.get(k);
            for (int i = 0; i < curve.steps().length; i++) {
                String[] row = rows.computeIfAbsent(curve.steps()[i], s -> new String[curves.size()]);
                row[k] = number(curve.values()[i]);
            }
        }
        StringBuilder csv = new StringBuilder(cell(stepColumn));
        for (Curve c : curves) {
            csv.append(',').append(cell(c.name()));
        }
        csv.append('\n');
        rows.forEach((step, row) -> {
            csv.append(number(step));
            Arrays.stream(row).forEach(v -> csv.append(',').append(v == null ? "" : v));
            csv.append('\n');
        });
        return csv.toString();
    }

    /** The shortest decimal that reads back as the same double, never in exponent form ("0.00001", not "1.0E-5"). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A header cell, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
    private static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvesCsvTest {
    @TempDir
    Path dir;

    private static final CurvesCsv.Curve TRAIN = new CurvesCsv.Curve("train:kl",
            new double[] {1, 2, 3, 4}, new double[] {0.5, 0.25, 1e-5, 1234.5678});
    private static final CurvesCsv.Curve HELD_OUT = new CurvesCsv.Curve("heldout:kl",
            new double[] {2, 4, 6}, new double[] {0.75, 0.125, Double.NaN});

    private List<String> write(List<CurvesCsv.Curve> curves) throws Exception {
        Path file = dir.resolve("vae-curves.csv");
        CurvesCsv.write(file, "step", curves);
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void oneRowPerStepOfAnyCurveWithEmptyCellsWhereACurveHasNoPoint() throws Exception {
        assertThat(write(List.of(TRAIN, HELD_OUT))).containsExactly(
                "step,train:kl,heldout:kl",
                "1,0.5,",
                "2,0.25,0.75",
                "3,0.00001,",
                "4,1234.5678,0.125",
                "6,,NaN");
    }

    @Test
    void valuesParseBackToTheCurvesPoints() throws Exception {
        List<String> lines = write(List.of(TRAIN, HELD_OUT));
        for (int i = 0; i < TRAIN.steps().length; i++) {
            double step = TRAIN.steps()[i];
            String row = lines.stream().skip(1).filter(l -> Double.parseDouble(l.split(",", -1)[0]) == step)
                    .findFirst().orElseThrow();
            assertThat(Double.parseDouble(row.split(",", -1)[1])).isEqualTo(TRAIN.values()[i]);
        }
        for (int i = 0; i < HELD_OUT.steps().length; i++) {
            double step = HELD_OUT.steps()[i];
            String row = lines.stream().filter(l -> l.startsWith((long) step + ",")).findFirst().orElseThrow();
            assertThat(Double.valueOf(row.split(",", -1)[2])).isEqualTo(Double.valueOf(HELD_OUT.values()[i]));
        }
    }

    @Test
    void aCommaDecimalLocaleStillWritesPoints() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            List<String> lines = write(List.of(new CurvesCsv.Curve("d_loss", new double[] {10, 20},
                    new double[] {1.5, 0.693147})));
            assertThat(lines).containsExactly("step,d_loss", "10,1.5", "20,0.693147");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aHeaderWithACommaOrQuoteIsQuotedAndTextIsUtf8() throws Exception {
        Path file = dir.resolve("c.csv");
        CurvesCsv.write(file, "step", List.of(new CurvesCsv.Curve("a,b \"β\"", new double[] {1}, new double[] {2})));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                .isEqualTo("step,\"a,b \"\"β\"\"\"\n1,2\n");
    }

    @Test
    void numbersAreShortPlainDecimals() {
        assertThat(CurvesCsv.number(0.1)).isEqualTo("0.1");
        assertThat(CurvesCsv.number(2.0)).isEqualTo("2");
        assertThat(CurvesCsv.number(-3e-7)).isEqualTo("-0.0000003");
        assertThat(CurvesCsv.number(1e7)).isEqualTo("10000000");
        assertThat(CurvesCsv.number(0.0)).isEqualTo("0");
        assertThat(CurvesCsv.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}

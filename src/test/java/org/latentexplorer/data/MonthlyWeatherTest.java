package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokyo's shipped monthly normals, and a clear message naming the file and line for a broken one. */
class MonthlyWeatherTest {
    private static final String GOOD = """
            # a comment
            month,temperature_c,relative_humidity_pct
            1,5.4,51
            2,6.1,52
            3,9.4,57
            4,14.3,62
            5,18.8,68
            6,21.9,75
            7,25.7,76
            8,26.9,74
            9,23.3,75
            10,18.0,71
            11,12.5,64
            12,7.7,56
            """;

    private static MonthlyWeather parse(String text) throws DataException {
        return MonthlyWeather.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "w.csv");
    }

    @Test
    void theShippedFileHoldsTheJmaNormalsOfTokyo() throws Exception {
        MonthlyWeather tokyo = MonthlyWeather.tokyo();
        assertThat(tokyo.temperature(0)).isEqualTo(5.4);
        assertThat(tokyo.temperature(7)).isEqualTo(26.9);
        assertThat(tokyo.humidity(6)).isEqualTo(76);
        assertThat(tokyo.humidity(11)).isEqualTo(56);
        double[] points = tokyo.points();
        assertThat(points).hasSize(2 * MonthlyWeather.MONTHS);
        assertThat(points[2 * 9]).isEqualTo(18.0);
        assertThat(points[2 * 9 + 1]).isEqualTo(71);
        // The packaged copy and the one in the source tree are the same file.
        assertThat(MonthlyWeather.read(Path.of("assets", "weather", "tokyo-monthly-normals.csv")).points())
                .containsExactly(points);
    }

    @Test
    void blankLinesCommentsAndSpacesAreAllowed() throws Exception {
        MonthlyWeather w = parse(GOOD.replace("3,9.4,57", "\n 3 , 9.4 , 57 ").replace("# a comment", "# a\n\n#b"));
        assertThat(w.temperature(2)).isEqualTo(9.4);
        assertThat(w.humidity(2)).isEqualTo(57);
    }

    @Test
    void brokenFilesGiveAMessageNamingFileAndLine() {
        assertError(GOOD.replace("month,temperature_c,relative_humidity_pct", "month,temp,hum"),
                "latent.data.error.header", "w.csv does not start with the header");
        assertError("", "latent.data.error.header", "w.csv");
        assertError(GOOD.replace("4,14.3,62", "4,14.3"), "latent.data.error.row", "w.csv, line 6");
        assertError(GOOD.replace("4,14.3,62", "4,warm,62"), "latent.data.error.row", "found: 4,warm,62");
        assertError(GOOD.replace("4,14.3,62\n", ""), "latent.data.error.month", "month 5 is out of order");
        assertError(GOOD + "13,1,1\n", "latent.data.error.month", "line 15");
        assertError(GOOD.replace("4,14.3,62", "4,143,62"), "latent.data.error.temperature", "143 °C");
        assertError(GOOD.replace("4,14.3,62", "4,14.3,620"), "latent.data.error.humidity", "620 %");
        assertError(GOOD.replace("4,14.3,62", "4,NaN,62"), "latent.data.error.temperature", "line 6");
        assertError(GOOD.substring(0, GOOD.indexOf("12,7.7")), "latent.data.error.count", "holds 11 months");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.csv");
        assertThatThrownBy(() -> MonthlyWeather.read(missing)).isInstanceOf(DataException.class)
                .hasMessageContaining(missing.toString());
        Path file = dir.resolve("w.csv");
        Files.writeString(file, GOOD.replace("7,25.7,76", "7,25.7,-1"));
        assertThatThrownBy(() -> MonthlyWeather.read(file)).isInstanceOf(DataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 9");
    }

    private static void assertError(String text, String key, String fragment) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(DataException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.getMessage()).contains(fragment);
            assertThat(e.localized(Locale.JAPANESE)).contains("w.csv").isNotEqualTo(e.getMessage());
        });
    }
}

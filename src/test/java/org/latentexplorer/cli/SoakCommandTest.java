package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The soak command, run for a few seconds: its sample and summary lines carry every figure, and the figures are sane. */
@ExtendWith(EnglishLocale.class)
class SoakCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase().contains("linux");

    @Test
    void aShortSoakTrainsDecodesAndReportsMemory() throws Exception {
        CliTest.Run run = CliTest.run("soak", "--seconds", "4", "--report-every", "1", "--threads", "1");
        assertThat(run.status()).as("%s", run).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.size()).as("a sample a second, then the summary").isBetween(2, 6);

        JsonNode sample = JSON.readTree(lines.get(lines.size() - 2));
        assertThat(sample.get("event").asText()).isEqualTo("sample");
        for (String field : new String[] {"elapsed_s", "steps", "decodes", "grids", "rss_mb", "heap_used_mb",
                "javacpp_total_mb", "javacpp_physical_mb"}) {
            assertThat(sample.has(field)).as(field).isTrue();
        }

        JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("event").asText()).isEqualTo("summary");
        assertThat(summary.get("duration_s").asDouble()).isBetween(4.0, 30.0);
        assertThat(summary.get("steps").asLong()).isPositive();
        assertThat(summary.get("decodes").asLong()).isPositive();
        assertThat(summary.get("grids").asLong()).isPositive();
        for (String figure : new String[] {"rss", "heap_used", "javacpp_total", "javacpp_physical"}) {
            for (String part : new String[] {"start", "mid", "end", "growth_first_half", "growth_last_half"}) {
                assertThat(summary.has(figure + "_" + part + "_mb")).as(figure + " " + part).isTrue();
            }
            assertThat(summary.has(figure + "_trend_last_half_mb_per_min")).as(figure + " trend").isTrue();
        }
        assertThat(summary.get("heap_used_end_mb").asDouble()).isPositive();
        if (LINUX) {
            assertThat(summary.get("rss_start_mb").asDouble()).isPositive();
            assertThat(summary.get("rss_end_mb").asDouble()).isPositive();
            assertThat(summary.get("rss_trend_last_half_mb_per_min").isNumber()).isTrue();
        } else {
            assertThat(summary.get("rss_end_mb").asText()).isEqualTo("n/a");
        }
    }

    @Test
    void aDurationOutsideOneSecondToOneDayIsRefused() {
        for (String[] args : new String[][] {{"--seconds", "0"}, {"--minutes", "-5"}, {"--minutes", "1441"},
                {"--seconds", "86401"}, {"--minutes", "1", "--seconds", "5"}, {"--seconds", "5", "--report-every", "0"}}) {
            String[] command = new String[args.length + 1];
            command[0] = "soak";
            System.arraycopy(args, 0, command, 1, args.length);
            CliTest.Run run = CliTest.run(command);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("Invalid setting:");
        }
    }
}

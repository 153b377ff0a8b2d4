package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.store.ModelStore;

/** The classifier that scores generated samples, trained and evaluated from the command line. */
@ExtendWith(EnglishLocale.class)
class QualityCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void trainsAClassifierAndEvalReportsItsRealDataScores(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("clf");
        CliTest.Run train = CliTest.run("train", "classifier", "--data", "mnist", "--epochs", "1", "--threads", "1",
                "--out", out.toString());
        assertThat(train.status()).isZero();
        assertThat(ModelStore.kindOf(out)).isEqualTo("classifier");

        CliTest.Run eval = CliTest.run("eval", out.toString());
        assertThat(eval.status()).isZero();
        JsonNode json = JSON.readTree(eval.outLines().get(0));
        assertThat(json.get("kind").asText()).isEqualTo("classifier");
        assertThat(json.get("heldout_accuracy").asDouble()).isBetween(0.85, 1.0);
        // One epoch already separates the digits well: real data scores far above 1 (one class) out of 10.
        assertThat(json.get("inception_score_real").asDouble()).isBetween(4.0, 10.0);
        assertThat(json.get("frechet_distance_real").asDouble()).isPositive();
    }

    @Test
    void theShippedClassifiersMeetTheirRecordedScores() throws Exception {
        for (String data : new String[] {"mnist", "fashion"}) {
            CliTest.Run eval = CliTest.run("eval", "classifier-" + data, "--data", data);
            assertThat(eval.status()).isZero();
            JsonNode json = JSON.readTree(eval.outLines().get(0));
            assertThat(json.get("heldout_accuracy").asDouble()).isGreaterThan(data.equals("mnist") ? 0.94 : 0.84);
            assertThat(json.get("inception_score_real").asDouble()).isGreaterThan(data.equals("mnist") ? 9.0 : 7.0);
        }
    }

    @Test
    void theShippedGanIsScoredBesideRealData() throws Exception {
        CliTest.Run eval = CliTest.run("eval", "gan-mnist");
        assertThat(eval.status()).isZero();
        JsonNode json = JSON.readTree(eval.outLines().get(0));
        assertThat(json.get("kind").asText()).isEqualTo("gan");
        for (String key : new String[] {"classes_covered", "inception_score", "inception_score_real", "frechet_distance",
                "frechet_distance_real"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        int histogramTotal = 0;
        for (JsonNode n : json.get("class_histogram")) {
            histogramTotal += n.asInt();
        }
        assertThat(histogramTotal).isEqualTo(org.latentexplorer.engine.gan.QualityReference.SAMPLES);
        assertThat(json.get("frechet_distance").asDouble()).isGreaterThan(json.get("frechet_distance_real").asDouble());
        assertThat(json.get("inception_score_real").asDouble()).isCloseTo(9.07, within(0.01));
    }
}

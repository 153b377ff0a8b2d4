package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.Nd4jRuntime;

/** {@code train vqvae} and {@code eval} of a VQ-VAE as a script sees them, through {@link CliTest#run}. */
class VqVaeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** One epoch with K = 16 codes of dimension 4, β = 0.5 and restart off, run once for the class. */
    private static CliTest.Run trained;
    private static Locale savedLocale;

    @BeforeAll
    static void trainOnce() {
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Nd4jRuntime.configureThreads(1);
        trained = CliTest.run("train", "vqvae", "--data", "mnist", "--epochs", "1", "--threads", "1", "--codebook-size",
                "16", "--code-dim", "4", "--beta", "0.5", "--no-restart-dead-codes", "--out", dir.resolve("vq").toString());
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    private static JsonNode onlyJsonLine(CliTest.Run run) throws Exception {
        assertThat(run.outLines()).as("stdout of %s", run).hasSize(1);
        return JSON.readTree(run.outLines().get(0));
    }

    @Test
    void trainRecordsTheVqVaeSettingsAndTheHeldOutCodebookFigures() throws Exception {
        assertThat(trained.status()).as("%s", trained).isZero();
        // SameDiff's per-op chatter while it builds the gradient graph is kept off stdout.
        assertThat(trained.out()).doesNotContain("Added differentiated op").contains("saved").contains("code priors");
        JsonNode manifest = JSON.readTree(dir.resolve("vq.json").toFile());
        assertThat(manifest.get("kind").asText()).isEqualTo("vqvae");
        JsonNode hyper = manifest.get("hyper_parameters");
        assertThat(hyper.get("codebook_size").asInt()).isEqualTo(16);
        assertThat(hyper.get("code_dimension").asInt()).isEqualTo(4);
        assertThat(hyper.get("beta").asDouble()).isEqualTo(0.5);
        assertThat(hyper.get("restart_dead_codes").asBoolean()).isFalse();
        JsonNode metrics = manifest.get("metrics");
        for (String key : new String[] {"heldout_loss", "heldout_recon", "heldout_codebook", "heldout_commitment",
                "heldout_recon_mse", "codes_used", "perplexity", "prior_per_position_nll_bits",
                "prior_autoregressive_nll_bits"}) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
    }

    @Test
    void evalPrintsTheReconstructionErrorCodebookUseAndThePriorsBits() throws Exception {
        JsonNode line = onlyJsonLine(CliTest.run("eval", dir.resolve("vq").toString()));
        assertThat(line.get("kind").asText()).isEqualTo("vqvae");
        assertThat(line.get("heldout_images").asInt()).isEqualTo(1000);
        double mse = line.get("heldout_recon_mse").asDouble();
        assertThat(mse).isPositive().isLessThan(0.1);
        assertThat(line.get("heldout_recon").asDouble()).isCloseTo(784 * mse, within(1e-6));
        assertThat(line.get("codebook_size").asInt()).isEqualTo(16);
        assertThat(line.get("codes_used").asInt()).isBetween(1, 16);
        assertThat(line.get("perplexity").asDouble()).isBetween(1.0, 16.0);
        // Uniform codes: 49 positions of log₂ 16 = 4 bits; each prior needs fewer on held-out maps.
        assertThat(line.get("uniform_nll_bits").asDouble()).isCloseTo(196.0, within(1e-9));
        double perPosition = line.get("prior_per_position_nll_bits").asDouble();
        assertThat(perPosition).isPositive().isLessThan(196.0);
        assertThat(line.get("prior_autoregressive_nll_bits").asDouble()).isPositive().isLessThan(perPosition);
        JsonNode manifest = JSON.readTree(dir.resolve("vq.json").toFile());
        for (String key : new String[] {"heldout_recon_mse", "perplexity", "prior_autoregressive_nll_bits"}) {
            assertThat(line.get(key).asDouble()).as(key).isCloseTo(manifest.get("metrics").get(key).asDouble(),
                    within(1e-6));
        }
    }

    @Test
    void nonsenseVqVaeOptionsGiveOneClearLine() {
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "vqvae", "--epochs", "1", "--codebook-size", "0", "--out",
                dir.resolve("k0").toString()), "--codebook-size", "(got 0)");
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "vqvae", "--epochs", "1", "--code-dim", "-2", "--out",
                dir.resolve("d").toString()), "--code-dim", "(got -2)");
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "vqvae", "--epochs", "1", "--beta", "-1", "--out",
                dir.resolve("b").toString()), "--beta", "(got -1.0)");
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "ae", "--epochs", "1", "--codebook-size", "16", "--out",
                dir.resolve("aek").toString()), "--codebook-size does not apply to ae");
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "vae", "--epochs", "1", "--no-restart-dead-codes", "--out",
                dir.resolve("vaer").toString()), "--restart-dead-codes does not apply to vae");
        CliTest.assertOneCleanErrorLine(CliTest.run("train", "vqvae", "--epochs", "1", "--reconstruction", "bce", "--out",
                dir.resolve("vqr").toString()), "--reconstruction does not apply to vqvae");
        for (String name : new String[] {"k0", "d", "b", "aek", "vaer", "vqr"}) {
            assertThat(dir.resolve(name + ".zip")).doesNotExist();
        }
    }

    @Test
    void evalOfACorruptVqVaeSaysWhichFileInOneLine() throws Exception {
        Files.copy(dir.resolve("vq.json"), dir.resolve("brokenvq.json"));
        Files.write(dir.resolve("brokenvq.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        CliTest.assertOneCleanErrorLine(CliTest.run("eval", dir.resolve("brokenvq").toString()), "brokenvq", "corrupt");
    }
}

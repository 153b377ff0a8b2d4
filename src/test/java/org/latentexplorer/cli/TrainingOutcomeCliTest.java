package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.IdxFiles;
import org.latentexplorer.engine.core.Nd4jRuntime;

/**
 * What {@code train} says about a run that went wrong: a learning rate that is applied to every kind, a model that
 * learned nothing saved with a warning, a diverged run saved not at all. Each trains a few steps on 60 tiny images.
 */
@ExtendWith(EnglishLocale.class)
class TrainingOutcomeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Path images;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        Nd4jRuntime.configureThreads(1);
        images = IdxFiles.writeSet(data, "tiny", 60, 5);
    }

    /** {@code kind} trained at {@code lr} for {@code epochs} of 3 steps, saved as {@code name} in the test's folder. */
    private CliTest.Run train(String kind, String lr, int epochs, String name) {
        return run("train", kind, "--data", images.toString(), "--held-out", "12", "--batch", "16", "--epochs",
                String.valueOf(epochs), "--lr", lr, "--threads", "1", "--out", dir.resolve(name).toString());
    }

    @Test
    void theLearningRateIsBothNetworksRateForTheGans() throws Exception {
        for (String kind : new String[] {"gan", "dcgan"}) {
            CliTest.Run run = train(kind, "0.003", 1, kind);
            assertThat(run.status()).as("%s", run).isZero();
            JsonNode hyper = JSON.readTree(dir.resolve(kind + ".json").toFile()).get("hyper_parameters");
            assertThat(hyper.get("learning_rate_d").asDouble()).as(kind).isEqualTo(0.003);
            assertThat(hyper.get("learning_rate_g").asDouble()).as(kind).isEqualTo(0.003);
        }
    }

    @Test
    void aModelWorseThanUntrainedIsSavedWithOneWarningSayingSo() throws Exception {
        CliTest.Run run = train("ae", "1", 2, "ae");
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(dir.resolve("ae.zip")).isRegularFile();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("Warning: the trained model is no better on the held-out images than the untrained one"
                        + " (recon_bce ")
                .endsWith("try a lower learning rate");
        // Trained as usual, the same model has nothing to warn about.
        assertThat(train("ae", "1e-3", 2, "fine").err()).isBlank();
    }

    @Test
    void aVqVaeWhoseCodebookCollapsedIsSaidToHaveCollapsed() throws Exception {
        CliTest.Run run = train("vqvae", "1", 1, "vqvae");
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(dir.resolve("vqvae.zip")).isRegularFile();
        assertThat(run.err()).contains("Warning: the codebook collapsed: 1 of its 32 codes in use");
    }

    @Test
    void aDivergedRunSaysSoOnceSavesNothingAndLeavesTheOldModelAsItWas() throws Exception {
        Path zip = Files.writeString(dir.resolve("vae.zip"), "the previous model");
        Path json = Files.writeString(dir.resolve("vae.json"), "its manifest");
        CliTest.Run run = train("vae", "1", 2, "vae");
        assertThat(run.status()).as("%s", run).isNotZero();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("The loss diverged (not a finite number) at step ")
                .endsWith("Nothing was saved to " + dir.resolve("vae") + ".");
        assertThat(zip).hasContent("the previous model");
        assertThat(json).hasContent("its manifest");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }
}

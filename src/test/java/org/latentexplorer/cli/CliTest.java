package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.HistoryFile;

/**
 * The commands as a script sees them: exit status, stdout, stderr. {@link LatentExplorerCli#execute} returns
 * the status rather than exiting; if it ever called System.exit, this test JVM would die.
 */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** The result of {@code train ae} for one epoch, run once for the whole class. */
    private static Run trained;

    record Run(int status, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        private static List<String> lines(String s) {
            return s.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs the command line with System.out and System.err captured, and restored afterwards. */
    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        // picocli writes stderr in sun.stderr.encoding if set, else (like println) the platform charset.
        Charset charset = Charset.forName(System.getProperty("sun.stderr.encoding", Charset.defaultCharset().name()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, charset));
            System.setErr(new PrintStream(err, true, charset));
            status = LatentExplorerCli.execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Run run = new Run(status, out.toString(charset), err.toString(charset));
        oldOut.println("$ latent-explorer " + String.join(" ", args) + "  -> " + status);
        return run;
    }

    private static Locale savedLocale;

    @BeforeAll
    static void trainOnce() {
        // The commands speak the user's language: pin it so the English wording checked here is what they print.
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Nd4jRuntime.configureThreads(1);
        trained = run("train", "ae", "--data", "mnist", "--epochs", "1", "--held-out", "1000", "--threads", "1",
                "--out", dir.resolve("trained/ae").toString());
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    private static JsonNode onlyJsonLine(Run run) throws Exception {
        assertThat(run.outLines()).as("stdout of %s", run).hasSize(1);
        return JSON.readTree(run.outLines().get(0));
    }

    @Test
    void trainSavesTheModelItsManifestAndItsHistory() throws Exception {
        assertThat(trained.status()).as("%s", trained).isZero();
        assertThat(dir.resolve("trained/ae.zip")).isRegularFile();
        assertThat(dir.resolve("trained/ae.json")).isRegularFile();
        // Nothing else: no temporary file, no write probe left behind.
        try (Stream<Path> files = Files.list(dir.resolve("trained"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("ae.history.json.gz", "ae.json", "ae.zip");
        }
        // The run's curves: a training point per step, and the held-out loss at the epoch's end, as the manifest has it.
        Experiment history = HistoryFile.read(dir.resolve("trained/ae"));
        assertThat(history.kind()).isEqualTo("ae");
        assertThat(history.training().epochs()).isEqualTo(1);
        assertThat(history.curves().get("train:recon_bce")).hasSize((9000 + 127) / 128);
        List<double[]> heldOut = history.curves().get("heldout:recon_bce");
        assertThat(heldOut.get(heldOut.size() - 1)[1]).isEqualTo(
                JSON.readTree(dir.resolve("trained/ae.json").toFile()).get("metrics").get("heldout_recon_bce").asDouble());
        JsonNode manifest = JSON.readTree(dir.resolve("trained/ae.json").toFile());
        assertThat(manifest.get("kind").asText()).isEqualTo("ae");
        assertThat(manifest.get("dataset").asText()).isEqualTo("mnist");
        assertThat(manifest.get("epochs").asInt()).isEqualTo(1);
        assertThat(manifest.get("steps").asLong()).isEqualTo((9000 + 127) / 128);
        assertThat(trained.out()).contains("saved");
    }

    @Test
    void evalPrintsOneJsonLineMatchingTheManifest() throws Exception {
        Run run = run("eval", dir.resolve("trained/ae").toString());
        assertThat(run.status()).as("%s", run).isZero();
        JsonNode line = onlyJsonLine(run);
        assertThat(line.get("kind").asText()).isEqualTo("ae");
        assertThat(line.get("dataset").asText()).isEqualTo("mnist");
        assertThat(line.get("heldout_images").asInt()).isEqualTo(1000);
        double bce = line.get("heldout_recon_bce").asDouble();
        assertThat(bce).isFinite().isPositive();
        JsonNode manifest = JSON.readTree(dir.resolve("trained/ae.json").toFile());
        assertThat(bce).isCloseTo(manifest.get("metrics").get("heldout_recon_bce").asDouble(), within(1e-3));
        // The same model by its file names.
        assertThat(onlyJsonLine(run("eval", dir.resolve("trained/ae.zip").toString())).get("heldout_recon_bce").asDouble())
                .isCloseTo(bce, within(1e-3));
    }

    @Test
    void evalOpensABundledModelByName() throws Exception {
        Run run = run("eval", "ae-mnist");
        assertThat(run.status()).as("%s", run).isZero();
        JsonNode line = onlyJsonLine(run);
        assertThat(line.get("kind").asText()).isEqualTo("ae");
        assertThat(line.get("dataset").asText()).isEqualTo("mnist");
        assertThat(line.get("heldout_recon_bce").asDouble()).isFinite().isBetween(1.0, 160.0);
    }

    @Test
    void benchPrintsOneJsonLinePerModelKind() throws Exception {
        Run run = run("bench", "--steps", "3", "--threads", "1");
        assertThat(run.status()).as("%s", run).isZero();
        int models = ModelKind.values().length;
        assertThat(run.outLines()).hasSize(models + 2);
        for (int i = 0; i < models; i++) {
            JsonNode line = JSON.readTree(run.outLines().get(i));
            assertThat(line.get("model").asText()).isEqualTo(ModelKind.values()[i].id());
            assertThat(line.get("batch").asInt()).isEqualTo(128);
            for (String key : new String[] {"steps_per_sec", "samples_per_sec", "sgemm_gflops", "peak_gflops",
                    "model_gflops", "flops_fraction"}) {
                assertThat(line.has(key)).as(key).isTrue();
                assertThat(line.get(key).asDouble()).as(key).isPositive().isFinite();
            }
            // Decoding is timed for the models dragged through a 2-D plane; the VQ-VAE decodes grids of codes.
            boolean plane = ModelKind.values()[i] != ModelKind.VQVAE;
            for (String key : new String[] {"decode_p50_ms", "decode_p99_ms", "grid20_decode_ms"}) {
                assertThat(line.has(key)).as(key).isEqualTo(plane);
            }
            if (plane) {
                // Rounded to microseconds, so equal figures stay equal.
                assertThat(line.get("decode_p99_ms").asDouble())
                        .isGreaterThanOrEqualTo(line.get("decode_p50_ms").asDouble());
            }
        }
        // Then what the views compute while they draw, timed here rather than in unit tests.
        List<String> measures = run.outLines().subList(models, models + 2);
        assertThat(measures.stream().map(l -> readJson(l).get("measure").asText()))
                .containsExactly("lab_emd_256_points", "season_autoencoder_training");
        assertThat(measures).allSatisfy(l -> assertThat(readJson(l).get("best_ms").asDouble()).isPositive());
    }

    @Test
    void benchMeasuresTheNamedModelsInTheirOrderAndSaysWhereTheTimeWent() throws Exception {
        Run run = run("bench", "--models", "gan,ae,gan", "--steps", "3", "--threads", "1", "--profile");
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.outLines()).hasSize(2 + 2);
        assertThat(run.outLines().subList(0, 2).stream().map(l -> readJson(l).get("model").asText()))
                .containsExactly("gan", "ae");
        for (String l : run.outLines().subList(0, 2)) {
            JsonNode profile = readJson(l).get("profile");
            assertThat(profile.get("samples").asInt()).isNotNegative();
            double sum = 0;
            for (String part : new String[] {"matrix_products", "updater", "im2col_col2im", "other_nd4j_ops",
                    "allocation", "app_java", "framework_java"}) {
                assertThat(profile.get(part).asDouble()).as(part).isBetween(0.0, 1.0);
                sum += profile.get(part).asDouble();
            }
            assertThat(sum).isLessThanOrEqualTo(1.0 + 0.01);
        }
    }

    private static JsonNode readJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /**
     * A refusal as a script and a person want it: a non-zero status, nothing on stdout (where results go), one line on
     * stderr that says what it must, and no stack trace or internal exception text.
     */
    static void assertOneCleanErrorLine(Run run, String... mentions) {
        assertThat(run.status()).as("%s", run).isNotZero();
        assertThat(run.out()).as("stdout").isBlank();
        assertThat(run.errLines()).as("stderr").hasSize(1);
        assertThat(run.err()).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("Cannot invoke").doesNotContain("is null");
    }

    @Test
    void evalOfAMissingModelSaysWhichFileInOneLine() {
        Run run = run("eval", dir.resolve("missing").toString());
        assertOneCleanErrorLine(run, "missing");
        assertThat(dir.resolve("missing.json")).doesNotExist();
    }

    @Test
    void errorsAreInTheUsersLanguage() {
        Locale.setDefault(Locale.JAPANESE);
        try {
            Run run = run("eval", dir.resolve("missing").toString());
            assertOneCleanErrorLine(run, "missing", "モデルファイルが見つかりません");
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }

    @Test
    void evalOfACorruptModelSaysWhichFileInOneLine() throws Exception {
        Files.copy(dir.resolve("trained/ae.json"), dir.resolve("broken.json"));
        Files.write(dir.resolve("broken.zip"), "not a zip".getBytes(Charset.defaultCharset()));
        try {
            assertOneCleanErrorLine(run("eval", dir.resolve("broken").toString()), "broken", "corrupt");
        } finally {
            Files.delete(dir.resolve("broken.json"));
            Files.delete(dir.resolve("broken.zip"));
        }
    }

    @Test
    void trainRejectsAnUnknownKind() {
        Run run = run("train", "nonsense", "--epochs", "1", "--out", dir.resolve("nonsense").toString());
        assertOneCleanErrorLine(run, "nonsense", "ae");
        assertThat(dir.resolve("nonsense.zip")).doesNotExist();
    }

    @Test
    void trainVaeRecordsBetaAndTheReconstructionTermAndEvalReportsItsTerms(@TempDir Path vaeDir) throws Exception {
        Run train = run("train", "vae", "--data", "mnist", "--epochs", "1", "--held-out", "1000", "--threads", "1",
                "--beta", "0.5", "--reconstruction", "squared_error", "--out", vaeDir.resolve("vae").toString());
        assertThat(train.status()).as("%s", train).isZero();
        JsonNode manifest = JSON.readTree(vaeDir.resolve("vae.json").toFile());
        assertThat(manifest.get("kind").asText()).isEqualTo("vae");
        assertThat(manifest.get("hyper_parameters").get("beta").asDouble()).isEqualTo(0.5);
        assertThat(manifest.get("hyper_parameters").get("reconstruction").asText()).isEqualTo("squared_error");

        JsonNode line = onlyJsonLine(run("eval", vaeDir.resolve("vae").toString()));
        double kl = line.get("heldout_kl").asDouble();
        double recon = line.get("heldout_recon").asDouble();
        assertThat(kl).isPositive();
        assertThat(line.get("heldout_loss").asDouble()).isCloseTo(kl + 0.5 * recon, within(1e-6 * recon));
        assertThat(line.get("heldout_neg_elbo_nats").asDouble())
                .isCloseTo(kl + line.get("heldout_recon_bce").asDouble(), within(1e-6 * recon));
        assertThat(line.get("heldout_neg_elbo_nats").asDouble())
                .isCloseTo(manifest.get("metrics").get("heldout_neg_elbo_nats").asDouble(), within(1e-3));
    }

    @Test
    void trainRefusesVaeOptionsForTheAeRatherThanIgnoringThem() {
        for (String[] option : new String[][] {{"--beta", "1.0"}, {"--reconstruction", "bce"}}) {
            Run run = run("train", "ae", "--epochs", "1", option[0], option[1], "--out", dir.resolve("aebeta").toString());
            assertOneCleanErrorLine(run, option[0].substring(2), "ae");
            assertThat(dir.resolve("aebeta.zip")).doesNotExist();
        }
    }

    @Test
    void trainVaeRejectsABadBetaOrReconstruction() {
        assertOneCleanErrorLine(run("train", "vae", "--epochs", "1", "--beta", "-1", "--out",
                dir.resolve("badbeta").toString()), "beta", "-1");
        assertOneCleanErrorLine(run("train", "vae", "--epochs", "1", "--reconstruction", "l1", "--out",
                dir.resolve("badrecon").toString()), "l1", "squared_error");
        assertThat(dir.resolve("badbeta.zip")).doesNotExist();
        assertThat(dir.resolve("badrecon.zip")).doesNotExist();
    }

    @Test
    void trainRejectsNegativeEpochs() {
        Run run = run("train", "ae", "--epochs", "-1", "--out", dir.resolve("negative").toString());
        assertOneCleanErrorLine(run, "epochs", "-1");
        assertThat(dir.resolve("negative.zip")).doesNotExist();
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Run run = run("train", "ae", "--epochs", "1");
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("--out").doesNotContain("at org.");
    }

    @Test
    void versionAndHelpExitZero() {
        Run version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).contains("Latent Explorer");
        Run help = run("train", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--epochs").contains("--out");
        Run usage = run();
        assertThat(usage.status()).isZero();
        assertThat(usage.out()).contains("train").contains("eval").contains("bench");
    }
}

package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.FolderSet;
import org.latentexplorer.data.FolderSpec;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.data.ImageFolder;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MnistStyle.Polarity;
import org.latentexplorer.data.PictureFiles;
import org.latentexplorer.engine.core.Nd4jRuntime;

/** A folder of the user's own pictures, with Japanese label folders and two bad files, through the command line. */
@ExtendWith(EnglishLocale.class)
class FolderCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_LABEL = 70;

    @TempDir
    static Path dir;
    private static Path kana;

    @BeforeAll
    static void pictures() throws Exception {
        Nd4jRuntime.configureThreads(1);
        kana = dir.resolve("kana");
        PictureFiles.writeLabelled(kana, new String[] {"あ", "い", "う"}, PER_LABEL, true);
        byte[] png = Files.readAllBytes(kana.resolve("あ/p-000.png"));
        Files.write(kana.resolve("あ/cut.png"), Arrays.copyOf(png, png.length / 3));
        Files.writeString(kana.resolve("い/text.png"), "only words", StandardCharsets.UTF_8);
    }

    private static String[] train(Path data, Path out, String... more) {
        String[] base = {"train", "vae", "--data", data.toString(), "--epochs", "1", "--batch", "32", "--threads", "1",
            "--out", out.toString()};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theVaeTrainsOnAFolderReportingTheSkippedFilesAndEvalGivesHeldOutFigures() throws Exception {
        CliTest.Run trained = run(train(kana, dir.resolve("models/vae-kana")));
        assertThat(trained.status()).as("%s", trained).isZero();
        assertThat(trained.err()).contains("kana: 210 images in 3 labels, 2 files skipped; grey levels inverted",
                "skipped " + "あ/cut.png: damaged or cut short", "skipped " + "い/text.png: not a picture");
        JsonNode manifest = JSON.readTree(dir.resolve("models/vae-kana.json").toFile());
        assertThat(manifest.get("dataset").asText()).isEqualTo("folder:" + kana.toAbsolutePath());

        CliTest.Run eval = run("eval", dir.resolve("models/vae-kana").toString());
        assertThat(eval.status()).as("%s", eval).isZero();
        JsonNode line = JSON.readTree(eval.outLines().get(0));
        assertThat(line.get("dataset").asText()).isEqualTo("folder:" + kana.toAbsolutePath());
        // A tenth of the 210 pictures is held out when the set is too small to spare 1000.
        assertThat(line.get("heldout_images").asInt()).isEqualTo(21);
        assertThat(line.get("heldout_kl").asDouble()).isPositive();
        assertThat(line.get("heldout_neg_elbo_nats").asDouble()).isPositive().isFinite();
        assertThat(line.get("kmeans_latent_purity").asDouble()).isBetween(1.0 / 3, 1.0);
    }

    @Test
    void theGreyLevelsAsChosenAreRecordedAndAFolderThatIsGoneIsRefusedByName() throws Exception {
        Path copy = dir.resolve("copy");
        PictureFiles.writeLabelled(copy, new String[] {"a", "b"}, 40, true);
        CliTest.Run trained = run(train(copy, dir.resolve("models/vae-copy"), "--invert", "keep"));
        assertThat(trained.status()).as("%s", trained).isZero();
        assertThat(JSON.readTree(dir.resolve("models/vae-copy.json").toFile()).get("dataset").asText())
                .isEqualTo("folder:keep:" + copy.toAbsolutePath());
        Files.move(copy, dir.resolve("moved"));

        CliTest.Run eval = run("eval", dir.resolve("models/vae-copy").toString());
        assertThat(eval.status()).isEqualTo(1);
        assertThat(eval.err().strip()).startsWith("The folder of pictures copy is gone (" + copy.toAbsolutePath());
    }

    @Test
    void aFolderIsExportedAsIdxAndAnIdxSetAsAFolderOfPngsThatReadsBack() throws Exception {
        CliTest.Run toIdx = run("export-data", "--data", kana.toString(), "--idx-out", dir.resolve("idx/kana").toString());
        assertThat(toIdx.status()).as("%s", toIdx).isZero();
        assertThat(toIdx.out()).contains("Wrote 210 images to", "Label names (label 0 first): あ, い, う");
        ImageSet idx = IdxReader.read(dir.resolve("idx/kana-images-idx3-ubyte.gz"),
                dir.resolve("idx/kana-labels-idx1-ubyte.gz"), "kana");
        FolderSet folder = ImageFolder.read(new FolderSpec(kana, Polarity.AUTO), f -> { }, () -> false);
        assertThat(idx.size()).isEqualTo(210);
        assertThat(idx.labels()).containsExactly(folder.images().labels());
        assertThat(idx.image(17)).containsExactly(folder.images().image(17));

        Path back = dir.resolve("back");
        CliTest.Run toFolder = run("export-data", "--data", dir.resolve("idx/kana-images-idx3-ubyte.gz").toString(),
                "--folder-out", back.toString());
        assertThat(toFolder.status()).as("%s", toFolder).isZero();
        assertThat(back.resolve("0")).isDirectory();
        FolderSet reread = ImageFolder.read(new FolderSpec(back, Polarity.AUTO), f -> { }, () -> false);
        assertThat(reread.classNames()).containsExactly("0", "1", "2");
        assertThat(reread.counts()).containsExactly(PER_LABEL, PER_LABEL, PER_LABEL);
        assertThat(reread.inverted()).isFalse();
        assertThat(reread.skipped()).isEmpty();

        // A folder exported as a folder keeps its label names.
        CliTest.Run named = run("export-data", "--data", kana.toString(), "--folder-out", dir.resolve("named").toString());
        assertThat(named.status()).as("%s", named).isZero();
        assertThat(dir.resolve("named/あ")).isDirectory();
        try (var files = Files.list(dir.resolve("named/う"))) {
            assertThat(files.count()).isEqualTo(PER_LABEL);
        }

        CliTest.Run again = run("export-data", "--data", kana.toString(), "--folder-out", dir.resolve("named").toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("the folder exists and is not empty");
    }

    @Test
    void optionsThatDoNotFitTheDataAreRefusedBeforeAnythingIsRead() {
        CliTest.Run invertMnist = run("train", "vae", "--data", "mnist", "--invert", "keep", "--epochs", "1", "--out",
                dir.resolve("models/no").toString());
        assertThat(invertMnist.status()).isEqualTo(1);
        assertThat(invertMnist.err()).contains("--invert applies only to a folder of pictures");
        CliTest.Run badInvert = run("train", "vae", "--data", kana.toString(), "--invert", "sideways", "--out",
                dir.resolve("models/no").toString());
        assertThat(badInvert.err()).contains("--invert must be one of: auto, keep, invert (got 'sideways')");
        CliTest.Run labels = run("train", "vae", "--data", kana.toString(), "--labels", "x", "--out",
                dir.resolve("models/no").toString());
        assertThat(labels.err()).contains("--labels applies only to an IDX images file");
        CliTest.Run noTarget = run("export-data", "--data", kana.toString());
        assertThat(noTarget.err()).contains("export-data needs one of --idx-out or --folder-out");
        CliTest.Run heldOut = run("export-data", "--data", "mnist", "--held-out", "5", "--idx-out",
                dir.resolve("x").toString());
        assertThat(heldOut.err()).contains("--held-out does not apply to export-data");
        assertThat(dir.resolve("models/no.zip")).doesNotExist();
    }

    @Test
    void theClassifierIsRefusedASetOfMoreThanTenLabels() throws Exception {
        Path many = dir.resolve("many");
        PictureFiles.writeLabelled(many, new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}, 5, true);
        CliTest.Run classifier = run("train", "classifier", "--data", many.toString(), "--epochs", "1", "--out",
                dir.resolve("models/classifier").toString());
        assertThat(classifier.status()).isEqualTo(1);
        assertThat(classifier.err()).contains("The classifier learns 10 labels; many has 11");
        assertThat(dir.resolve("models/classifier.zip")).doesNotExist();
        assertThat(dir.resolve("models/no.zip")).doesNotExist();
    }
}

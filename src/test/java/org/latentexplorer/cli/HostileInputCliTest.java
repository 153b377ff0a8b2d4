package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.cli.CliTest.assertOneCleanErrorLine;
import static org.latentexplorer.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.IdxFiles;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;

/**
 * Every value a user can type and every file they can name, wrong: one line in their language, a non-zero status,
 * nothing on stdout, no file touched, and all of it before any data is read or any step trained (stdout stays empty,
 * where training would print its progress).
 */
@ExtendWith(EnglishLocale.class)
class HostileInputCliTest {
    @TempDir
    Path dir;

    private String out() {
        return dir.resolve("model").toString();
    }

    /** Refused with one clean line naming {@code mentions}, and nothing written where the model would go. */
    private void refused(List<String> args, String... mentions) throws IOException {
        assertOneCleanErrorLine(run(args.toArray(String[]::new)), mentions);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(n -> n.startsWith("model")))
                    .as("files written for %s", args).isEmpty();
        }
    }

    private void trainRefused(List<String> options, String... mentions) throws IOException {
        List<String> args = Stream.concat(Stream.of("train"), Stream.concat(options.stream(), Stream.of("--out", out())))
                .toList();
        refused(args, mentions);
    }

    @Test
    void everyNumberOfTrainOutsideItsRangeIsRefusedNamingTheOptionAndTheValue() throws IOException {
        trainRefused(List.of("ae", "--epochs", "0"), "--epochs", "1 to 10,000", "(got 0)");
        trainRefused(List.of("ae", "--epochs", "-3"), "--epochs", "(got -3)");
        trainRefused(List.of("ae", "--epochs", "10001"), "--epochs", "(got 10001)");
        trainRefused(List.of("ae", "--batch", "0"), "--batch", "1 to 8,192");
        trainRefused(List.of("ae", "--batch", "8193"), "--batch", "(got 8193)");
        trainRefused(List.of("ae", "--lr", "NaN"), "--lr", "above 0 and at most 1", "(got NaN)");
        trainRefused(List.of("vae", "--lr", "Infinity"), "--lr", "(got Infinity)");
        trainRefused(List.of("ae", "--lr", "0"), "--lr", "(got 0.0)");
        trainRefused(List.of("vqvae", "--lr", "-1e-3"), "--lr", "(got -0.001)");
        trainRefused(List.of("ae", "--latent", "0"), "--latent", "1 to 256");
        trainRefused(List.of("vae", "--latent", "33"), "--latent", "1 to 32");
        trainRefused(List.of("gan", "--latent", "-7"), "--latent", "1 to 512", "(got -7)");
        trainRefused(List.of("vqvae", "--code-dim", "65"), "--code-dim", "1 to 64");
        trainRefused(List.of("vqvae", "--codebook-size", "0"), "--codebook-size", "2 to 1,024");
        trainRefused(List.of("vae", "--beta", "NaN"), "--beta", "0 to 1,000", "(got NaN)");
        trainRefused(List.of("vqvae", "--beta", "101"), "--beta", "0 to 100");
        trainRefused(List.of("dcgan", "--d-dropout", "0.95"), "--d-dropout", "0 to 0.9");
        trainRefused(List.of("ae", "--input-noise", "masking", "--input-noise-level", "NaN"), "--input-noise-level",
                "0 to 1");
        trainRefused(List.of("ae", "--threads", "0"), "--threads", "1 to 256");
        trainRefused(List.of("classifier", "--threads", "257"), "--threads", "(got 257)");
        trainRefused(List.of("ae", "--held-out", "0"), "--held-out", "at least 1");
        trainRefused(List.of("classifier", "--epochs", "0"), "--epochs", "(got 0)");
        trainRefused(List.of("classifier", "--lr", "NaN"), "--lr", "(got NaN)");
    }

    @Test
    void aHeldOutShareLargerThanTheDataSetIsRefusedOnceItsSizeIsKnown() throws IOException {
        Path images = IdxFiles.writeSet(dir, "tiny", 20, 1);
        trainRefused(List.of("ae", "--data", images.toString(), "--held-out", "20"), "--held-out", "1 to 19",
                "(got 20)");
    }

    @Test
    void wordsWhereNumbersBelongAreRefusedByTheParser() throws IOException {
        trainRefused(List.of("ae", "--lr", "fast"), "--lr", "takes a number", "'fast'");
        trainRefused(List.of("ae", "--epochs", "2.5"), "--epochs", "takes a whole number", "'2.5'");
        trainRefused(List.of("ae", "--epochs", "99999999999"), "--epochs", "'99999999999'");
        trainRefused(List.of("ae", "--seed", "NaN"), "--seed", "whole number");
        trainRefused(List.of("ae", "--split-seed", "1e3"), "--split-seed", "whole number");
        refused(List.of("bench", "--steps", "many"), "--steps", "'many'");
    }

    @Test
    void anOptionTheKindDoesNotUseIsRefusedByNameNotIgnored() throws IOException {
        trainRefused(List.of("classifier", "--latent", "-7"), "--latent does not apply to classifier");
        trainRefused(List.of("classifier", "--beta", "NaN"), "--beta does not apply to classifier");
        trainRefused(List.of("classifier", "--input-noise", "masking"), "--input-noise does not apply to classifier");
        trainRefused(List.of("classifier", "--codebook-size", "0"), "--codebook-size does not apply to classifier");
        trainRefused(List.of("classifier", "--with-optimizer-state"), "--with-optimizer-state does not apply");
        trainRefused(List.of("ae", "--restart-dead-codes"), "--restart-dead-codes does not apply to ae");
        trainRefused(List.of("gan", "--reconstruction", "bce"), "--reconstruction does not apply to gan");
        trainRefused(List.of("vae", "--d-dropout", "0.3"), "--d-dropout does not apply to vae");
        trainRefused(List.of("ae", "--lr-decay"), "--lr-decay does not apply to ae");
        trainRefused(List.of("vae", "--input-noise-level", "0.2"), "--input-noise-level does not apply to vae");
        // Options that belong together.
        trainRefused(List.of("ae", "--input-noise", "masking"), "--input-noise needs --input-noise-level");
        trainRefused(List.of("ae", "--input-noise-level", "0.3"), "--input-noise-level needs --input-noise");
        trainRefused(List.of("ae", "--input-noise", "fog", "--input-noise-level", "0.3"), "--input-noise",
                "masking, salt_and_pepper, gaussian", "'fog'");
    }

    @Test
    void benchAndCompareCapWhatWouldRunForHours() throws IOException {
        refused(List.of("bench", "--steps", "2147483647"), "--steps", "1 to 1,000");
        refused(List.of("bench", "--batch", "8193"), "--batch", "1 to 8,192");
        refused(List.of("bench", "--threads", "0"), "--threads", "1 to 256");
        refused(List.of("bench", "--threads", "-1"), "--threads", "(got -1)");
        refused(List.of("bench", "--models", "ae,gann"), "--models", "ae, vae, vqvae, gan, dcgan", "'gann'");
        refused(List.of("bench", "--models", ","), "--models is empty");
        refused(List.of("compare", "--variants", ","), "--variants is empty", "vanilla_minimax");
        refused(List.of("compare", "--steps", "1000001"), "--steps", "1 to 1,000,000");
        refused(List.of("compare", "--threads", "257"), "--threads", "1 to 256");
    }

    @Test
    void aDestinationThatCannotTakeTheModelIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        refused(List.of("train", "ae", "--out", file.resolve("ae").toString()), "Cannot save to",
                file + " is a file, not a folder");
        assertThat(file).hasContent("keep me");
        Files.createDirectory(dir.resolve("taken.zip"));
        refused(List.of("train", "ae", "--out", dir.resolve("taken").toString()), dir.resolve("taken.zip") + " is a folder");
        for (String nameless : new String[] {"", ".", "/", dir + "/..", dir + "/.zip"}) {
            refused(List.of("train", "ae", "--out", nameless), "--out needs a file name", "'" + nameless + "'");
        }
    }

    @Test
    void aDestinationFolderIsMadeAndLeftWithoutATrace() throws IOException {
        // The probe that proves a folder writable is gone by the time a later check refuses the run.
        Path deep = dir.resolve("made/for/it");
        refused(List.of("train", "ae", "--data", "MNIST-typo", "--out", deep.resolve("ae").toString()), "MNIST-typo");
        assertThat(deep).isEmptyDirectory();
    }

    @Test
    void dataThatIsNotThereOrNotDataIsNamedForWhatItIs() throws IOException {
        trainRefused(List.of("ae", "--data", ""), "--data is empty; use mnist, fashion, the path of an IDX images file,"
                + " or a folder of pictures");
        trainRefused(List.of("ae", "--data", "MNIST-typo"),
                "'MNIST-typo' is neither a bundled data set (mnist, fashion) nor an existing file");
        trainRefused(List.of("ae", "--data", dir.resolve("nothere-images-idx3-ubyte.gz").toString()),
                "nothere-images-idx3-ubyte.gz was not found");
        // A folder is read as a folder of pictures: one without any is refused saying how many it holds.
        trainRefused(List.of("ae", "--data", "/"), "/ is the root of a whole disk");
        trainRefused(List.of("ae", "--data", dir.toString()), "holds 0 usable pictures");
        trainRefused(List.of("ae", "--labels", "/nonexistent"), "--labels applies only to an IDX images file",
                "'mnist'");
        refused(List.of("eval", "ae-mnist", "--labels", "/nonexistent"), "--labels applies only");
        Path images = IdxFiles.writeSet(dir, "ok", 20, 2);
        trainRefused(List.of("ae", "--data", images.toString(), "--labels", dir.resolve("gone").toString()),
                "gone was not found");
        Path empty = Files.createFile(dir.resolve("empty-images-idx3-ubyte"));
        Files.copy(dir.resolve("ok-labels-idx1-ubyte"), dir.resolve("empty-labels-idx1-ubyte"));
        trainRefused(List.of("ae", "--data", empty.toString()), "empty-images-idx3-ubyte is empty (0 bytes)");
    }

    @Test
    void labelsThatDoNotFitTheImagesAreRefused() throws IOException {
        Path images = IdxFiles.writeSet(dir, "bad", 20, 3);
        Path labels = dir.resolve("bad-labels-idx1-ubyte");
        byte[] tooHigh = new byte[20];
        tooHigh[4] = 12;
        Files.write(labels, IdxFiles.labels(20, tooHigh));
        trainRefused(List.of("ae", "--data", images.toString()), "has label 12 at position 4; labels must be 0 to 9");
        Files.write(labels, IdxFiles.labels(19, new byte[19]));
        trainRefused(List.of("ae", "--data", images.toString()), "holds 19 labels but", "holds 20 images");
        Files.write(labels, IdxFiles.labels(20, new byte[7]));
        trainRefused(List.of("ae", "--data", images.toString()), "bad-labels-idx1-ubyte is truncated");
    }

    @Test
    void imagesOfAnotherSizeAreRefusedAtOpenAndEvalPrintsNoJson() throws IOException {
        Path images = Files.write(dir.resolve("big-images-idx3-ubyte"), IdxFiles.images(12, 1024, 1024, new byte[0]));
        Files.write(dir.resolve("big-labels-idx1-ubyte"), IdxFiles.labels(12, new byte[12]));
        String refusal = "big-images-idx3-ubyte holds images of 1024×1024 pixels; Latent Explorer's models take 28×28"
                + " images (MNIST's size)";
        trainRefused(List.of("ae", "--data", images.toString()), refusal);
        refused(List.of("eval", "gan-mnist", "--data", images.toString()), refusal);
    }

    @Test
    void aModelOfAnotherImageSizeIsRefusedBeforeAnyFigureIsComputed() throws Exception {
        Autoencoder small = new Autoencoder(new Autoencoder.Config(100, new int[] {8}, 2, 1e-3, 1));
        Path model = dir.resolve("hundred-pixels");
        ModelStore.save(small, ModelManifest.describe(small, "mnist", 1, 1, 1, Map.of()), model, false);
        refused(List.of("eval", model.toString()), "The model takes images of 100 pixels but this data set has 784.");
    }

    @Test
    void aModelPathWithoutAFileNameIsRefused() throws IOException {
        refused(List.of("eval", "/"), "eval needs a file name", "'/'");
        refused(List.of("eval", ""), "eval needs a file name");
        refused(List.of("eval", dir.toString()), dir + " is a folder, not a saved model");
    }

    @Test
    void whatTheParserCannotPlaceIsOneLine() throws IOException {
        refused(List.of("frobnicate"), "'frobnicate' is not a command",
                "train, eval, bench, compare, soak, export-data, help");
        refused(List.of("help", "nonsense"), "'nonsense' is not a command");
        refused(List.of("train", "nonsense", "--out", out()), "'nonsense' is not a model kind", "classifier");
        refused(List.of("train", "ae", "--out", out(), "--frob"), "'--frob' is not an option of train");
        refused(List.of("train", "ae"), "train needs --out");
        refused(List.of("train", "--out", out()), "train needs <kind>");
        refused(List.of("train", "ae", "--out"), "--out needs a value");
        refused(List.of("train", "ae", "--out", out(), "--out", out()), "--out is given more than once");
    }

    @Test
    void refusalsAreInJapaneseForAJapaneseUser() throws IOException {
        Locale.setDefault(Locale.JAPANESE);
        try {
            trainRefused(List.of("ae", "--lr", "NaN"), "--lr", "0 より大きく", "NaN");
            trainRefused(List.of("classifier", "--beta", "1"), "--beta は classifier には使えません");
            refused(List.of("train", "ae", "--epochs", "x", "--out", out()), "--epochs には整数");
            trainRefused(List.of("ae", "--data", "MNIST-typo"), "同梱のデータセット");
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }
}

package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.latentexplorer.data.Translated.inBothLanguages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.IdxFiles;
import org.latentexplorer.data.ImageSet;

/** What a user names as data, and what each wrong name is told: the file or the word that is wrong, not another. */
class DataSourceTest {
    @TempDir
    Path dir;

    private static DataException loadFails(String spec, Path labels) {
        return inBothLanguages(catchThrowableOfType(DataException.class, () -> DataSource.load(spec, labels)));
    }

    @Test
    void aBundledSetIsNamedInAnyCase() throws Exception {
        assertThat(DataSource.load("MNIST", null)).isSameAs(BundledDataset.MNIST.load());
        assertThat(DataSource.load("fashion", null)).isSameAs(BundledDataset.FASHION_MNIST.load());
    }

    @Test
    void anImagesFileIsReadWithTheLabelsBesideItOrTheOnesGiven() throws Exception {
        Path images = IdxFiles.writeSet(dir, "tiny", 20, 1);
        List<Double> progress = new ArrayList<>();
        ImageSet set = DataSource.load(images.toString(), null, progress::add);
        assertThat(set.size()).isEqualTo(20);
        assertThat(set.name()).isEqualTo("tiny-images-idx3-ubyte");
        assertThat(progress).last().isEqualTo(1.0);

        Path elsewhere = Files.move(dir.resolve("tiny-labels-idx1-ubyte"), dir.resolve("my-labels"));
        assertThat(DataSource.load(images.toString(), elsewhere).labels()).isEqualTo(set.labels());
    }

    @Test
    void aMissingImagesPathIsNotFoundRatherThanWithoutLabels() {
        DataException e = loadFails(dir.resolve("nothere-images-idx3-ubyte.gz").toString(), null);
        assertThat(e.messageKey()).isEqualTo("data.error.notFound");
        assertThat(e.getMessage()).startsWith("nothere-images-idx3-ubyte.gz was not found");
    }

    @Test
    void aWordThatIsNeitherABundledSetNorAFileIsSaidToBeNeither() {
        DataException e = loadFails("MNIST-typo", null);
        assertThat(e.messageKey()).isEqualTo("data.error.unknown");
        assertThat(e.getMessage())
                .isEqualTo("'MNIST-typo' is neither a bundled data set (mnist, fashion) nor an existing file or folder");
    }

    @Test
    void aMissingLabelsFileIsNamedNotTheImagesFile() throws IOException {
        Path images = IdxFiles.writeSet(dir, "only", 5, 2);
        DataException e = loadFails(images.toString(), dir.resolve("labels-that-are-not-there"));
        assertThat(e.messageKey()).isEqualTo("data.error.notFound");
        assertThat(e.getMessage()).startsWith("labels-that-are-not-there was not found");
    }

    @Test
    void aFolderIsReadAsPicturesSoOneWithoutAnyIsRefusedAndTheRootIsNoFolderOfPictures() throws IOException {
        DataException root = loadFails("/", null);
        assertThat(root.messageKey()).isEqualTo("data.folder.isRoot");
        assertThat(root.getMessage()).startsWith("/ is the root of a whole disk");
        IdxFiles.writeSet(dir, "idx", 5, 3);
        DataException noPictures = loadFails(dir.toString(), null);
        assertThat(noPictures.messageKey()).isEqualTo("data.folder.tooFew");
        assertThat(noPictures.getMessage()).contains("holds 0 usable pictures (2 files skipped)");
        assertThat(DataSource.canonical(dir.toString(), null)).isEqualTo("folder:" + dir.toAbsolutePath());
        assertThat(DataSource.canonical("mnist", null)).isEqualTo("mnist");
        assertThat(DataSource.displayName("folder:invert:" + dir.toAbsolutePath())).isEqualTo(dir.getFileName()
                .toString());
    }

    @Test
    void imagesWithoutALabelsFileBesideThemAskForOne() throws IOException {
        Path images = IdxFiles.writeSet(dir, "lonely", 5, 3);
        Files.delete(dir.resolve("lonely-labels-idx1-ubyte"));
        assertThat(loadFails(images.toString(), null).messageKey()).isEqualTo("data.error.noLabels");
    }
}

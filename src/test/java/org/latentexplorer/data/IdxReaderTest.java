package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.latentexplorer.data.IdxFiles.gzip;
import static org.latentexplorer.data.IdxFiles.images;
import static org.latentexplorer.data.IdxFiles.labels;
import static org.latentexplorer.data.Translated.inBothLanguages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static final int SIDE = IdxReader.SIDE;
    private static final int PIXELS_PER_IMAGE = SIDE * SIDE;
    /** Three 28x28 images whose pixel p of image i is (10 * i + p) mod 256, labelled 7, 0, 9. */
    private static final byte[] PIXELS = pixels(3);
    private static final byte[] LABELS = {7, 0, 9};

    private static byte[] pixels(int count) {
        byte[] pixels = new byte[count * PIXELS_PER_IMAGE];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < PIXELS_PER_IMAGE; p++) {
                pixels[i * PIXELS_PER_IMAGE + p] = (byte) (10 * i + p);
            }
        }
        return pixels;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private DataException readFails(byte[] imageFile, byte[] labelFile) throws IOException {
        Path images = write("bad-images-idx3-ubyte", imageFile);
        Path labels = write("bad-labels-idx1-ubyte", labelFile);
        return inBothLanguages(
                catchThrowableOfType(DataException.class, () -> IdxReader.read(images, labels, "bad")));
    }

    @Test
    void rawAndGzippedFilesReadTheSame() throws IOException {
        ImageSet raw = IdxReader.read(write("a-images-idx3-ubyte", images(3, SIDE, SIDE, PIXELS)),
                write("a-labels-idx1-ubyte", labels(3, LABELS)), "raw");
        // Names without .gz on purpose: gzip must be recognised by content.
        ImageSet gz = IdxReader.read(write("b-images-idx3-ubyte", gzip(images(3, SIDE, SIDE, PIXELS))),
                write("b-labels-idx1-ubyte", gzip(labels(3, LABELS))), "gz");

        for (ImageSet set : new ImageSet[] {raw, gz}) {
            assertThat(set.size()).isEqualTo(3);
            assertThat(set.rows()).isEqualTo(SIDE);
            assertThat(set.cols()).isEqualTo(SIDE);
            assertThat(set.labels()).containsExactly(7, 0, 9);
            assertThat(set.pixel(1, 0)).isEqualTo(10 / 255f);
            assertThat(set.pixel(1, 245)).isEqualTo(1f);
            assertThat(set.pixel(1, 246)).isEqualTo(0f);
        }
        assertThat(gz.gather(new int[] {0, 1, 2})).containsExactly(raw.gather(new int[] {0, 1, 2}));
        assertThat(raw.name()).isEqualTo("raw");
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        DataException e = readFails(labels(3, LABELS), labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.badMagic");
        assertThat(e.getMessage()).isEqualTo(
                "bad-images-idx3-ubyte is not an IDX image file (magic number 0x00000801, expected 0x00000803)");
        assertThat(e.args()).startsWith("bad-images-idx3-ubyte");
    }

    @Test
    void imagesGivenAsLabelsAreRejected() throws IOException {
        DataException e = readFails(images(3, SIDE, SIDE, PIXELS), images(3, SIDE, SIDE, PIXELS));
        assertThat(e.messageKey()).isEqualTo("data.error.badMagic");
        assertThat(e.getMessage()).startsWith("bad-labels-idx1-ubyte is not an IDX label file");
    }

    @Test
    void garbageBytesAreNotIdx() throws IOException {
        DataException e = readFails("this is a text file, not IDX".getBytes(), labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.badMagic");
        assertThat(e.getMessage()).contains("bad-images-idx3-ubyte");
    }

    @Test
    void truncatedImagesAreReported() throws IOException {
        DataException e = readFails(images(4, SIDE, SIDE, PIXELS), labels(4, new byte[] {1, 2, 3, 4}));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.getMessage())
                .isEqualTo("bad-images-idx3-ubyte is truncated: it should hold 3,152 bytes but ends after 2,368");
    }

    @Test
    void truncatedGzippedLabelsAreReported() throws IOException {
        DataException e = readFails(gzip(images(3, SIDE, SIDE, PIXELS)), gzip(labels(3, new byte[] {1, 2})));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.getMessage()).startsWith("bad-labels-idx1-ubyte is truncated");
    }

    @Test
    void emptyFileIsSaidToBeEmpty() throws IOException {
        DataException e = readFails(new byte[0], labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.empty");
        assertThat(e.getMessage()).isEqualTo("bad-images-idx3-ubyte is empty (0 bytes), so it is not an IDX file");
        assertThat(readFails(images(3, SIDE, SIDE, PIXELS), new byte[0]).getMessage())
                .startsWith("bad-labels-idx1-ubyte is empty");
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Path labels = write("x-labels-idx1-ubyte", labels(3, LABELS));
        Path folder = Files.createDirectory(dir.resolve("folder-images-idx3-ubyte"));
        DataException e = inBothLanguages(
                catchThrowableOfType(DataException.class, () -> IdxReader.read(folder, labels, "x")));
        assertThat(e.messageKey()).isEqualTo("data.error.isFolder");
        assertThat(e.getMessage()).startsWith("folder-images-idx3-ubyte is a folder, not an IDX file");
        // The root folder has no file name: it is named by its path.
        assertThat(catchThrowableOfType(DataException.class, () -> IdxReader.read(Path.of("/"), labels, "x"))
                .getMessage()).startsWith("/ is a folder");
    }

    @Test
    void aMissingLabelsFileIsNamed() throws IOException {
        Path images = write("y-images-idx3-ubyte", images(3, SIDE, SIDE, PIXELS));
        DataException e = inBothLanguages(catchThrowableOfType(DataException.class,
                () -> IdxReader.read(images, dir.resolve("no-labels-here"), "y")));
        assertThat(e.messageKey()).isEqualTo("data.error.notFound");
        assertThat(e.getMessage()).startsWith("no-labels-here was not found");
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        DataException e = readFails(images(3, SIDE, SIDE, PIXELS), labels(2, new byte[] {1, 2}));
        assertThat(e.messageKey()).isEqualTo("data.error.countMismatch");
        assertThat(e.getMessage()).contains("bad-labels-idx1-ubyte", "2 labels", "3 images");
    }

    @Test
    void labelTenIsOutOfRange() throws IOException {
        DataException e = readFails(images(3, SIDE, SIDE, PIXELS), labels(3, new byte[] {1, 10, 2}));
        assertThat(e.messageKey()).isEqualTo("data.error.labelOutOfRange");
        assertThat(e.getMessage()).isEqualTo("bad-labels-idx1-ubyte has label 10 at position 1; labels must be 0 to 9");
    }

    @Test
    void labelByteWithHighBitIsOutOfRange() throws IOException {
        DataException e = readFails(images(3, SIDE, SIDE, PIXELS), labels(3, new byte[] {1, 2, (byte) -1}));
        assertThat(e.messageKey()).isEqualTo("data.error.labelOutOfRange");
        assertThat(e.args()).containsExactly("bad-labels-idx1-ubyte", 255, 2);
    }

    @Test
    void imagesOfAnySizeButMnistsAreRefusedAtOpen() throws IOException {
        // Only the header is there: the size is refused before any pixel is read.
        DataException e = readFails(images(12, 1024, 1024, new byte[0]), labels(12, new byte[12]));
        assertThat(e.messageKey()).isEqualTo("data.error.imageSize");
        assertThat(e.getMessage()).isEqualTo("bad-images-idx3-ubyte holds images of 1024×1024 pixels; Latent Explorer's"
                + " models take 28×28 images (MNIST's size)");
        // Width (columns) first, as the size of a picture is said.
        assertThat(readFails(images(3, 32, 28, new byte[0]), labels(3, LABELS)).getMessage())
                .contains("28×32 pixels");
        assertThat(readFails(images(3, 0, 3, new byte[0]), labels(3, LABELS)).messageKey())
                .isEqualTo("data.error.imageSize");
        assertThat(readFails(images(3, -1, SIDE, new byte[0]), labels(3, LABELS)).getMessage())
                .contains("28×4294967295 pixels");
    }

    @Test
    void absurdImageCountsAreRefusedWithoutAllocating() throws IOException {
        DataException many = readFails(images(3_000_000, SIDE, SIDE, new byte[0]), labels(3, LABELS));
        assertThat(many.messageKey()).isEqualTo("data.error.absurdSize");
        assertThat(many.getMessage()).isEqualTo("bad-images-idx3-ubyte declares 3000000 images; a data set holds 1 to"
                + " 2,000,000");
        assertThat(readFails(images(0, SIDE, SIDE, new byte[0]), labels(0, new byte[0])).messageKey())
                .isEqualTo("data.error.absurdSize");
        assertThat(readFails(images(-1, SIDE, SIDE, new byte[0]), labels(3, LABELS)).getMessage())
                .contains("4294967295 images");
    }

    @Test
    void aSetLargerThanMemoryCanHoldIsRefusedBeforeItIsRead() throws IOException {
        // 2,000,000 images of 28x28 are 1.6 GB of bytes: with 1 GB to spare they cannot be held.
        byte[] header = images(2_000_000, SIDE, SIDE, PIXELS);
        DataException e = inBothLanguages(catchThrowableOfType(DataException.class,
                () -> IdxReader.read(new ByteArrayInputStream(gzip(header)), "big-images.gz",
                        new ByteArrayInputStream(labels(3, LABELS)), "big-labels.gz", "big", f -> { }, 1L << 30)));
        assertThat(e.messageKey()).isEqualTo("data.error.tooLarge");
        assertThat(e.getMessage()).startsWith("big-images.gz holds 2000000 images, which need about 7477 MB of memory;"
                + " this Java runtime lets a data set use 1024 MB");
    }

    @Test
    void aGzipDeclaringMoreImagesThanItHoldsIsTruncated() throws IOException {
        // 1,000,000 images declared (784 MB), 3 present: the data ends long before the array would be full size.
        byte[] overstated = gzip(images(1_000_000, SIDE, SIDE, PIXELS));
        DataException e = catchThrowableOfType(DataException.class,
                () -> IdxReader.read(new ByteArrayInputStream(overstated), "short-images.gz",
                        new ByteArrayInputStream(labels(3, LABELS)), "short-labels.gz", "short", f -> { },
                        Long.MAX_VALUE));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.args()).containsExactly("short-images.gz", 16L + 784_000_000L, 16L + PIXELS.length);
    }

    @Test
    void readingReportsItsProgressUpToTheWholeFile() throws IOException {
        int count = 3 * IdxReader.PROGRESS_CHUNK / PIXELS_PER_IMAGE;
        Path images = write("p-images-idx3-ubyte", gzip(images(count, SIDE, SIDE, pixels(count))));
        Path labels = write("p-labels-idx1-ubyte", labels(count, new byte[count]));
        List<Double> reported = new ArrayList<>();
        ImageSet set = IdxReader.read(images, labels, "progress", reported::add);
        assertThat(set.size()).isEqualTo(count);
        assertThat(reported).hasSizeGreaterThanOrEqualTo(3).isSorted().last().isEqualTo(1.0);
        assertThat(reported.get(0)).isGreaterThan(0.0).isLessThan(1.0);
    }

    @Test
    void missingFileIsNotFound() throws IOException {
        Path labels = write("x-labels-idx1-ubyte", labels(3, LABELS));
        DataException e = inBothLanguages(catchThrowableOfType(DataException.class,
                () -> IdxReader.read(dir.resolve("nothing-here.gz"), labels, "x")));
        assertThat(e.messageKey()).isEqualTo("data.error.notFound");
        assertThat(e.getMessage()).startsWith("nothing-here.gz was not found");
    }

    @Test
    void corruptGzipIsUnreadable() throws IOException {
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        byte[] corrupt = new byte[100];
        System.arraycopy(header, 0, corrupt, 0, header.length);
        Arrays.fill(corrupt, header.length, corrupt.length, (byte) 0xff);
        DataException e = readFails(corrupt, labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.unreadable");
        assertThat(e.getMessage()).startsWith("bad-images-idx3-ubyte could not be read");
        assertThat(e).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void labelsFileIsFoundNextToImages() throws IOException {
        Path gzImages = write("t10k-images-idx3-ubyte.gz", new byte[0]);
        Path gzLabels = write("t10k-labels-idx1-ubyte.gz", new byte[0]);
        assertThat(IdxReader.labelsFileFor(gzImages)).isEqualTo(gzLabels);

        Path dotImages = write("train-images.idx3-ubyte", new byte[0]);
        Path dotLabels = write("train-labels.idx1-ubyte", new byte[0]);
        assertThat(IdxReader.labelsFileFor(dotImages)).isEqualTo(dotLabels);

        // Compressed images next to uncompressed labels.
        Path mixedImages = write("m-images-idx3-ubyte.gz", new byte[0]);
        Path mixedLabels = write("m-labels-idx1-ubyte", new byte[0]);
        assertThat(IdxReader.labelsFileFor(mixedImages)).isEqualTo(mixedLabels);

        assertThat(IdxReader.labelsFileFor(write("lonely-images-idx3-ubyte", new byte[0]))).isNull();
        assertThat(IdxReader.labelsFileFor(write("photo.png", new byte[0]))).isNull();
    }
}

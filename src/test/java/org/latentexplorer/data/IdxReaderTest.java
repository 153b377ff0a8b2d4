package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.i18n.Messages;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** Three 2x3 images whose pixel p of image i is 10 * i + p, labelled 7, 0, 9. */
    private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, (byte) 255, 20, 21, 22, 23, 24, 25};
    private static final byte[] LABELS = {7, 0, 9};

    private static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    private static byte[] images(int count, int rows, int cols, byte[] data) {
        return idx(0x803, new int[] {count, rows, cols}, data);
    }

    private static byte[] labels(int count, byte[] data) {
        return idx(0x801, new int[] {count}, data);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private DataException readFails(byte[] imageFile, byte[] labelFile) throws IOException {
        Path images = write("bad-images-idx3-ubyte", imageFile);
        Path labels = write("bad-labels-idx1-ubyte", labelFile);
        return checkedAgainstBundles(
                catchThrowableOfType(DataException.class, () -> IdxReader.read(images, labels, "bad")));
    }

    /**
     * The UI shows the message in its own language from the resource bundles: the key must be in both, the
     * English message names the file, and so does the Japanese one, which must be a real translation.
     */
    private static DataException checkedAgainstBundles(DataException e) {
        assertThat(e).isNotNull();
        String fileName = (String) e.args()[0];
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle japanese = Messages.bundle(Locale.JAPANESE);
        assertThat(english.containsKey(e.messageKey())).as("%s in the English bundle", e.messageKey()).isTrue();
        assertThat(japanese.containsKey(e.messageKey())).as("%s in the Japanese bundle", e.messageKey()).isTrue();
        // Differing from the root bundle's text rules out the Japanese bundle just inheriting the English.
        assertThat(japanese.getString(e.messageKey())).isNotEqualTo(english.getString(e.messageKey()));

        assertThat(e.getMessage()).isEqualTo(e.localized(Locale.ENGLISH)).contains(fileName);
        assertThat(e.localized(Locale.JAPANESE)).contains(fileName).isNotEqualTo(e.getMessage());
        return e;
    }

    @Test
    void rawAndGzippedFilesReadTheSame() throws IOException {
        ImageSet raw = IdxReader.read(write("a-images-idx3-ubyte", images(3, 2, 3, PIXELS)),
                write("a-labels-idx1-ubyte", labels(3, LABELS)), "raw");
        // Names without .gz on purpose: gzip must be recognised by content.
        ImageSet gz = IdxReader.read(write("b-images-idx3-ubyte", gzip(images(3, 2, 3, PIXELS))),
                write("b-labels-idx1-ubyte", gzip(labels(3, LABELS))), "gz");

        for (ImageSet set : new ImageSet[] {raw, gz}) {
            assertThat(set.size()).isEqualTo(3);
            assertThat(set.rows()).isEqualTo(2);
            assertThat(set.cols()).isEqualTo(3);
            assertThat(set.labels()).containsExactly(7, 0, 9);
            assertThat(set.image(1)).containsExactly(10 / 255f, 11 / 255f, 12 / 255f, 13 / 255f, 14 / 255f, 1f);
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
        DataException e = readFails(images(3, 2, 3, PIXELS), images(3, 2, 3, PIXELS));
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
        DataException e = readFails(images(4, 2, 3, PIXELS), labels(4, new byte[] {1, 2, 3, 4}));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.getMessage()).isEqualTo("bad-images-idx3-ubyte is truncated: it should hold 40 bytes but ends after 34");
    }

    @Test
    void truncatedGzippedLabelsAreReported() throws IOException {
        DataException e = readFails(gzip(images(3, 2, 3, PIXELS)), gzip(labels(3, new byte[] {1, 2})));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.getMessage()).startsWith("bad-labels-idx1-ubyte is truncated");
    }

    @Test
    void emptyFileIsTruncated() throws IOException {
        DataException e = readFails(new byte[0], labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
        assertThat(e.getMessage()).contains("bad-images-idx3-ubyte");
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        DataException e = readFails(images(3, 2, 3, PIXELS), labels(2, new byte[] {1, 2}));
        assertThat(e.messageKey()).isEqualTo("data.error.countMismatch");
        assertThat(e.getMessage()).contains("bad-labels-idx1-ubyte", "2 labels", "3 images");
    }

    @Test
    void labelTenIsOutOfRange() throws IOException {
        DataException e = readFails(images(3, 2, 3, PIXELS), labels(3, new byte[] {1, 10, 2}));
        assertThat(e.messageKey()).isEqualTo("data.error.labelOutOfRange");
        assertThat(e.getMessage()).isEqualTo("bad-labels-idx1-ubyte has label 10 at position 1; labels must be 0 to 9");
    }

    @Test
    void labelByteWithHighBitIsOutOfRange() throws IOException {
        DataException e = readFails(images(3, 2, 3, PIXELS), labels(3, new byte[] {1, 2, (byte) -1}));
        assertThat(e.messageKey()).isEqualTo("data.error.labelOutOfRange");
        assertThat(e.args()).containsExactly("bad-labels-idx1-ubyte", 255, 2);
    }

    @Test
    void zeroRowsIsAbsurd() throws IOException {
        DataException e = readFails(images(3, 0, 3, new byte[0]), labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.absurdSize");
        assertThat(e.getMessage()).startsWith("bad-images-idx3-ubyte declares 3 images of 0x3 pixels");
    }

    @Test
    void hugeSizesAreAbsurdAndNotAllocated() throws IOException {
        assertThat(readFails(images(3_000_000, 28, 28, new byte[0]), labels(3, LABELS)).messageKey())
                .isEqualTo("data.error.absurdSize");
        assertThat(readFails(images(3, 2000, 28, new byte[0]), labels(3, LABELS)).messageKey())
                .isEqualTo("data.error.absurdSize");
        assertThat(readFails(images(0, 28, 28, new byte[0]), labels(0, new byte[0])).messageKey())
                .isEqualTo("data.error.absurdSize");
        // Each side allowed, but 2,000,000 x 1024 x 1024 bytes do not fit one array.
        assertThat(readFails(images(2_000_000, 1024, 1024, new byte[0]), labels(3, LABELS)).messageKey())
                .isEqualTo("data.error.absurdSize");
    }

    @Test
    void headerOverstatingItsSizeIsTruncatedWithoutHugeAllocation() throws IOException {
        // 1,000,000 images of 1024x2 promise 2 GB less a little; the file holds 18 bytes.
        DataException e = readFails(images(1_000_000, 1024, 2, PIXELS), labels(3, LABELS));
        assertThat(e.messageKey()).isEqualTo("data.error.truncated");
    }

    @Test
    void missingFileIsNotFound() throws IOException {
        Path labels = write("x-labels-idx1-ubyte", labels(3, LABELS));
        DataException e = checkedAgainstBundles(catchThrowableOfType(DataException.class,
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

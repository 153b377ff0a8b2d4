package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads labelled images from a pair of IDX files (the MNIST format), raw or gzip-compressed.
 * Every way a file can be unusable becomes a {@link DataException} naming the file.
 */
public final class IdxReader {

    /** IDX magic: two zero bytes, type 0x08 (unsigned byte), number of dimensions. */
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int MAX_SIDE = 1024;
    private static final int MAX_IMAGES = 2_000_000;
    private static final int NUM_LABELS = 10;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    public static ImageSet read(Path images, Path labels, String name) throws DataException {
        String imagesName = fileName(images);
        String labelsName = fileName(labels);
        try (InputStream imageIn = open(images, imagesName); InputStream labelIn = open(labels, labelsName)) {
            return read(imageIn, imagesName, labelIn, labelsName, name);
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            // Only close() can get here; the data is already read.
            throw unreadable(imagesName, e);
        }
    }

    /** Reads both streams (without closing them); the names are what error messages call the files. */
    public static ImageSet read(InputStream images, String imagesName, InputStream labels, String labelsName,
            String name) throws DataException {
        InputStream imageIn = decompressed(images, imagesName);
        int[] dims = header(imageIn, imagesName, IMAGES_MAGIC, 3);
        int count = dims[0];
        int rows = dims[1];
        int cols = dims[2];
        if (count < 1 || count > MAX_IMAGES || rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE
                || (long) count * rows * cols > Integer.MAX_VALUE) {
            throw new DataException("data.error.absurdSize", imagesName, count, rows, cols);
        }
        byte[] pixels = body(imageIn, imagesName, 16, count * rows * cols);

        InputStream labelIn = decompressed(labels, labelsName);
        int labelCount = header(labelIn, labelsName, LABELS_MAGIC, 1)[0];
        if (labelCount != count) {
            throw new DataException("data.error.countMismatch", labelsName, labelCount, imagesName, count);
        }
        byte[] rawLabels = body(labelIn, labelsName, 8, count);
        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            labelValues[i] = rawLabels[i] & 0xFF;
            if (labelValues[i] >= NUM_LABELS) {
                throw new DataException("data.error.labelOutOfRange", labelsName, labelValues[i], i);
            }
        }
        return new ImageSet(name, rows, cols, pixels, labelValues);
    }

    /**
     * The labels file next to an images file, by the usual naming ({@code x-images-idx3-ubyte.gz} to
     * {@code x-labels-idx1-ubyte.gz}, {@code x-images.idx3} to {@code x-labels.idx1}), compressed or not;
     * null if the name does not follow that pattern or no such file exists.
     */
    public static Path labelsFileFor(Path images) {
        String imagesName = fileName(images);
        String base = imagesName.endsWith(".gz") ? imagesName.substring(0, imagesName.length() - 3) : imagesName;
        String labelsBase = base.replace("images", "labels").replace("idx3", "idx1");
        if (labelsBase.equals(base)) {
            return null;
        }
        for (String candidate : new String[] {labelsBase + ".gz", labelsBase}) {
            Path labels = images.resolveSibling(candidate);
            if (Files.isRegularFile(labels)) {
                return labels;
            }
        }
        return null;
    }

    private static String fileName(Path path) {
        Path fileName = path.getFileName();
        return fileName == null ? path.toString() : fileName.toString();
    }

    private static InputStream open(Path path, String fileName) throws DataException {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new DataException("data.error.notFound", fileName, path.toAbsolutePath().toString());
        } catch (IOException e) {
            throw unreadable(fileName, e);
        }
    }

    /** Gzip is recognised by its first two bytes, so a renamed or unpacked file still reads. */
    private static InputStream decompressed(InputStream in, String fileName) throws DataException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        try {
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            return gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
        } catch (IOException e) {
            throw unreadable(fileName, e);
        }
    }

    /** Reads the magic number and the dimension sizes, checking the magic number first. */
    private static int[] header(InputStream in, String fileName, int magic, int numDims) throws DataException {
        int headerBytes = 4 + 4 * numDims;
        byte[] header = readUpTo(in, fileName, headerBytes);
        if (header.length >= 4 && intAt(header, 0) != magic) {
            throw new DataException("data.error.badMagic", fileName, numDims, hex(intAt(header, 0)), hex(magic));
        }
        if (header.length < headerBytes) {
            throw truncated(fileName, headerBytes, header.length);
        }
        int[] dims = new int[numDims];
        for (int d = 0; d < numDims; d++) {
            dims[d] = intAt(header, 4 + 4 * d);
        }
        return dims;
    }

    private static byte[] body(InputStream in, String fileName, int headerBytes, int length) throws DataException {
        byte[] data = readUpTo(in, fileName, length);
        if (data.length < length) {
            throw truncated(fileName, (long) headerBytes + length, (long) headerBytes + data.length);
        }
        return data;
    }

    /**
     * Up to {@code length} bytes; fewer only if the stream ends first. The array grows as data arrives,
     * so a header that overstates the size cannot force a huge allocation before truncation is noticed.
     */
    private static byte[] readUpTo(InputStream in, String fileName, int length) throws DataException {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw unreadable(fileName, e);
        }
    }

    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | (bytes[offset + 3] & 0xFF);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static DataException truncated(String fileName, long expected, long actual) {
        return new DataException("data.error.truncated", fileName, expected, actual);
    }

    static DataException unreadable(String fileName, IOException cause) {
        DataException e = new DataException("data.error.unreadable", fileName, String.valueOf(cause.getMessage()));
        e.initCause(cause);
        return e;
    }
}

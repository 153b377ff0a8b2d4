package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads labelled images from a pair of IDX files (the MNIST format), raw or gzip-compressed.
 * Every way a file can be unusable becomes a {@link DataException} naming the file, and everything the header
 * declares (the image size, the number of images, the memory they need) is checked before any pixel is read.
 */
public final class IdxReader {

    /**
     * The side of the only images the app reads: every model, view and diagram is built for MNIST's 28 × 28, so a file
     * of another size is refused when it is opened rather than failing deep inside a model.
     */
    public static final int SIDE = 28;
    /** IDX magic: two zero bytes, type 0x08 (unsigned byte), number of dimensions. */
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int MAX_IMAGES = 2_000_000;
    private static final int NUM_LABELS = 10;
    private static final int BUFFER = 1 << 16;
    /** Pixel bytes read between two progress reports: a few a second on a slow disk, a handful for MNIST's 47 MB. */
    static final int PROGRESS_CHUNK = 1 << 20;
    /**
     * Heap a set may take per pixel: its byte here, and four bytes for the float32 copies that batches, evaluation and
     * the views make of it. An estimate on the safe side, so a set that opens does not run out of memory later.
     */
    static final int BYTES_PER_PIXEL = 1 + Float.BYTES;
    /** The rest of the heap is left to the app itself. */
    private static final double HEAP_SHARE = 0.75;

    /** Reports nothing: for sets read too fast to need it. */
    private static final DoubleConsumer SILENT = fraction -> { };

    private IdxReader() {
    }

    public static ImageSet read(Path images, Path labels, String name) throws DataException {
        return read(images, labels, name, SILENT);
    }

    /**
     * @param progress gets the share of the images file read so far, from 0 to 1, a few times a second while the
     *     pixels are read (on the reading thread)
     */
    public static ImageSet read(Path images, Path labels, String name, DoubleConsumer progress) throws DataException {
        String imagesName = fileName(images);
        String labelsName = fileName(labels);
        try (InputStream imageIn = open(images); InputStream labelIn = open(labels)) {
            return read(imageIn, imagesName, labelIn, labelsName, name, progress, memoryBudget());
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
        return read(images, imagesName, labels, labelsName, name, SILENT, memoryBudget());
    }

    /** @param memory the bytes of heap the set may take, see {@link #BYTES_PER_PIXEL} */
    static ImageSet read(InputStream images, String imagesName, InputStream labels, String labelsName, String name,
            DoubleConsumer progress, long memory) throws DataException {
        InputStream imageIn = decompressed(images, imagesName);
        int[] dims = header(imageIn, imagesName, IMAGES_MAGIC, 3);
        int count = dims[0];
        int rows = dims[1];
        int cols = dims[2];
        if (rows != SIDE || cols != SIDE) {
            throw new DataException("data.error.imageSize", imagesName, Integer.toUnsignedString(cols),
                    Integer.toUnsignedString(rows));
        }
        if (count < 1 || count > MAX_IMAGES) {
            throw new DataException("data.error.absurdSize", imagesName, Integer.toUnsignedString(count));
        }
        long pixelCount = (long) count * rows * cols;
        if (pixelCount * BYTES_PER_PIXEL > memory) {
            throw new DataException("data.error.tooLarge", imagesName, count, megabytes(pixelCount * BYTES_PER_PIXEL),
                    megabytes(memory));
        }
        byte[] pixels = body(imageIn, imagesName, 16, (int) pixelCount, progress);

        InputStream labelIn = decompressed(labels, labelsName);
        int labelCount = header(labelIn, labelsName, LABELS_MAGIC, 1)[0];
        if (labelCount != count) {
            throw new DataException("data.error.countMismatch", labelsName, labelCount, imagesName, count);
        }
        byte[] rawLabels = body(labelIn, labelsName, 8, count, SILENT);
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
     * Refuses a path that is no readable file, naming it: missing, or a folder (which opens on some systems and fails
     * only at the first read, with the system's own words).
     */
    public static void checkFile(Path path) throws DataException {
        if (Files.isDirectory(path)) {
            throw new DataException("data.error.isFolder", fileName(path), path.toAbsolutePath().toString());
        }
        if (!Files.exists(path)) {
            throw new DataException("data.error.notFound", fileName(path), path.toAbsolutePath().toString());
        }
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

    /** What messages call a file: its name, or the whole path where it has none (the root folder). */
    public static String fileName(Path path) {
        Path fileName = path.getFileName();
        return fileName == null ? path.toString() : fileName.toString();
    }

    private static InputStream open(Path path) throws DataException {
        checkFile(path);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new DataException("data.error.notFound", fileName(path), path.toAbsolutePath().toString());
        } catch (IOException e) {
            throw unreadable(fileName(path), e);
        }
    }

    static long memoryBudget() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
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
        if (header.length == 0) {
            throw new DataException("data.error.empty", fileName);
        }
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

    /**
     * Exactly {@code length} bytes, or the truncation named. The array grows as data arrives, so a header that
     * overstates the size (a short or cut-off gzip included) fails as soon as the data ends, before a huge allocation.
     */
    private static byte[] body(InputStream in, String fileName, int headerBytes, int length, DoubleConsumer progress)
            throws DataException {
        byte[] data = new byte[Math.min(length, PROGRESS_CHUNK)];
        int filled = 0;
        try {
            while (filled < length) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
                }
                int read = in.readNBytes(data, filled, Math.min(data.length - filled, PROGRESS_CHUNK));
                if (read == 0) {
                    throw truncated(fileName, (long) headerBytes + length, (long) headerBytes + filled);
                }
                filled += read;
                progress.accept((double) filled / length);
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(fileName, e);
        }
        return data;
    }

    /** Up to {@code length} bytes; fewer only if the stream ends first. */
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

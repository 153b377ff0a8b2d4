package org.latentexplorer.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a set as IDX files, the MNIST format other tools read ({@link IdxReader} reads them back): the images as
 * unsigned bytes, rows × columns each, and the labels as one unsigned byte each. A name ending in {@code .gz} is written
 * gzip-compressed, as MNIST is shipped. Each file is written whole under a temporary name and then moved into place.
 */
public final class IdxWriter {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    /** An IDX label is one unsigned byte. */
    public static final int MAX_LABELS = 256;

    private IdxWriter() {
    }

    public static void writeImages(ImageSet set, Path file) throws DataException {
        AtomicFiles.save(file, raw -> {
            OutputStream body = compressed(file, raw);
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(set.size());
            out.writeInt(set.rows());
            out.writeInt(set.cols());
            out.write(set.pixelBytes());
            finish(body);
        });
    }

    /** The labels; refused for a set without labels (-1), which IDX cannot say. */
    public static void writeLabels(ImageSet set, Path file) throws DataException {
        byte[] labels = new byte[set.size()];
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (label < 0 || label >= MAX_LABELS) {
                throw new DataException("export.error.noLabelsToWrite", set.name());
            }
            labels[i] = (byte) label;
        }
        AtomicFiles.save(file, raw -> {
            OutputStream body = compressed(file, raw);
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
            finish(body);
        });
    }

    private static OutputStream compressed(Path file, OutputStream raw) throws IOException {
        boolean gzip = IdxReader.fileName(file).toLowerCase(Locale.ROOT).endsWith(".gz");
        return gzip ? new GZIPOutputStream(raw, 1 << 16) : new java.io.BufferedOutputStream(raw, 1 << 16);
    }

    /** Ends the gzip stream (or flushes the buffer) without closing the file, which AtomicFiles closes. */
    private static void finish(OutputStream body) throws IOException {
        if (body instanceof GZIPOutputStream gz) {
            gz.finish();
        }
        body.flush();
    }
}

package org.latentexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** IDX files built in a test: any header, any content, and small valid sets to train on in a few steps. */
public final class IdxFiles {
    public static final int IMAGES_MAGIC = 0x803;
    public static final int LABELS_MAGIC = 0x801;

    private IdxFiles() {
    }

    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    public static byte[] images(int count, int rows, int cols, byte[] data) {
        return idx(IMAGES_MAGIC, new int[] {count, rows, cols}, data);
    }

    public static byte[] labels(int count, byte[] data) {
        return idx(LABELS_MAGIC, new int[] {count}, data);
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /**
     * {@code stem-images-idx3-ubyte} and {@code stem-labels-idx1-ubyte} in {@code dir}: {@code count} 28x28 images,
     * each a seeded scatter of bright pixels on black (about a fifth lit, as in MNIST, so a model has something to
     * learn: uniform noise is best predicted by a model that has learned nothing), labels 0-9 in turn; returns the
     * images file, whose labels file is found beside it.
     */
    public static Path writeSet(Path dir, String stem, int count, long seed) throws IOException {
        byte[] pixels = new byte[count * IdxReader.SIDE * IdxReader.SIDE];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(5) == 0 ? (byte) (128 + random.nextInt(128)) : 0;
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        Files.write(dir.resolve(stem + "-labels-idx1-ubyte"), labels(count, labels));
        return Files.write(dir.resolve(stem + "-images-idx3-ubyte"), images(count, IdxReader.SIDE, IdxReader.SIDE, pixels));
    }
}

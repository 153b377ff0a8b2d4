package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * One picture file's bytes to MNIST-like images with {@link MnistStyle}: both ways round (kept and inverted), since
 * which one a data set uses is decided over all its pictures, and whether its own border is light. The format is told
 * by the content, not the name; a picture larger than {@link #MAX_PIXELS} is refused from its header, before decoding.
 */
final class PictureDecoder {
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * Larger pictures are read every n-th pixel, down to about this side: a 28 × 28 image needs no more, and a photo
     * decoded whole would take hundreds of MB per decoding thread.
     */
    static final int READ_SIDE = 2048;
    static final int PIXELS = MnistStyle.SIDE * MnistStyle.SIDE;

    private PictureDecoder() {
    }

    /** Why a file is left out: a message key of the {@code data.skip} block and its arguments after the path. */
    static final class Skip extends Exception {
        private static final long serialVersionUID = 1L;
        final String key;
        final transient List<Object> args;

        Skip(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = List.of(args);
        }

        static Skip tooBig(long bytes) {
            return new Skip("data.skip.tooBig", (bytes + (1 << 20) - 1) >> 20, FolderListing.MAX_FILE_BYTES >> 20);
        }

        FolderSet.Skipped of(String path) {
            return new FolderSet.Skipped(path, key, args);
        }
    }

    /** A picture as two images of {@link #PIXELS} bytes each (ink bright), and whether its border is light. */
    record Converted(byte[] kept, byte[] inverted, boolean darkOnLight) {
    }

    static Converted convert(byte[] bytes) throws Skip {
        BufferedImage image = decode(bytes);
        int w = image.getWidth();
        int h = image.getHeight();
        float[] gray = MnistStyle.gray(image);
        return new Converted(toBytes(MnistStyle.fit(gray, w, h, false)), toBytes(MnistStyle.fit(gray, w, h, true)),
                MnistStyle.isDarkOnLight(gray, w, h));
    }

    private static BufferedImage decode(byte[] bytes) throws Skip {
        // In memory, not through ImageIO.read, which may cache the stream in a temporary file per picture.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Skip("data.skip.notPicture");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new Skip("data.skip.tooManyPixels", w, h, MAX_PIXELS / 1_000_000);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int every = (Math.max(w, h) + READ_SIDE - 1) / READ_SIDE;
                if (every > 1) {
                    param.setSourceSubsampling(every, every, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new Skip("data.skip.damaged", "0 × 0");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (Skip s) {
            throw s;
        } catch (IOException | RuntimeException e) {
            // Decoders fail in many ways on a cut-off or damaged file: a truncated stream, a bad chunk, an odd colour
            // model; each is one skipped file, never the end of the read.
            throw new Skip("data.skip.damaged", e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static byte[] toBytes(float[] image) {
        byte[] out = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (byte) Math.round(Math.max(0, Math.min(1, image[i])) * 255);
        }
        return out;
    }
}

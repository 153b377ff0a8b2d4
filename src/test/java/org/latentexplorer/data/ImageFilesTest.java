package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    /** A w x h picture whose every pixel differs, alpha included. */
    private static Raster gradient(int w, int h) {
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (255 - i % 7 * 30) << 24 | (i * 37 % 256) << 16 | (i * 11 % 256) << 8 | i % 256;
        }
        return new Raster(w, h, argb);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aPngReadsBackWithTheSamePixels() throws Exception {
        Raster picture = gradient(37, 23);
        Path file = dir.resolve("vae-latent-plane-mnist.png");
        ImageFiles.writePng(file, picture);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(37);
        assertThat(read.getHeight()).isEqualTo(23);
        assertThat(pixels(read)).containsExactly(picture.argb());
    }

    /** Frame i: grey level 40 * i, with a black dot whose place moves. */
    private static Raster frame(int i) {
        Raster r = Raster.filled(20, 10, 0xFF000000 | (40 * i) * 0x010101);
        r.fill(i, 0, 1, 1, 0xFF000000);
        return r;
    }

    private record Gif(List<BufferedImage> frames, List<IIOMetadataNode> meta) {
    }

    private static Gif read(Path file) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<IIOMetadataNode> meta = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
                meta.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0"));
            }
            return new Gif(frames, meta);
        } finally {
            reader.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        return (IIOMetadataNode) parent.getElementsByTagName(name).item(0);
    }

    @Test
    void aGifHasEveryFrameItsDelaysAndLoopsForever() throws Exception {
        Path file = dir.resolve("gan-timeline.gif");
        ImageFiles.writeGif(file, 5, ImageFilesTest::frame, 150, 1500);

        Gif gif = read(file);
        assertThat(gif.frames()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(pixels(gif.frames().get(i))).as("frame %d", i).containsExactly(frame(i).argb());
            String delay = child(gif.meta().get(i), "GraphicControlExtension").getAttribute("delayTime");
            assertThat(delay).as("frame %d delay in 1/100 s", i).isEqualTo(i == 4 ? "150" : "15");
        }
        IIOMetadataNode loop = child(gif.meta().get(0), "ApplicationExtension");
        assertThat(loop.getAttribute("applicationID")).isEqualTo("NETSCAPE");
        assertThat(loop.getAttribute("authenticationCode")).isEqualTo("2.0");
        // Sub-block 1, then the repeat count (little-endian): 0 repeats forever.
        assertThat((byte[]) loop.getUserObject()).containsExactly(1, 0, 0);
    }

    @Test
    void aFrameOfMoreThan256ColoursIsStillWrittenClose() throws Exception {
        Raster colourful = gradient(64, 64);
        Path file = dir.resolve("many.gif");
        ImageFiles.writeGif(file, 1, i -> colourful, 100, 100);

        Gif gif = read(file);
        assertThat(gif.frames()).hasSize(1);
        assertThat(gif.frames().get(0).getWidth()).isEqualTo(64);
        // Quantised to 256 colours, so close rather than exact.
        int[] read = pixels(gif.frames().get(0));
        int far = 0;
        for (int i = 0; i < read.length; i++) {
            int expected = colourful.argb()[i];
            int a = expected >>> 24;
            int diff = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int over = ((expected >> shift & 255) * a + 255 * (255 - a)) / 255;
                diff = Math.max(diff, Math.abs(over - (read[i] >> shift & 255)));
            }
            far += diff > 64 ? 1 : 0;
        }
        assertThat(far).isLessThan(read.length / 20);
    }

    @Test
    void aGifIntoAFolderThatDoesNotExistFailsClearlyAndWritesNothing() {
        Path file = dir.resolve("gone").resolve("gan-timeline.gif");
        DataException e = catchThrowableOfType(() -> ImageFiles.writeGif(file, 2, ImageFilesTest::frame, 150, 1500),
                DataException.class);
        assertThat(e.messageKey()).isEqualTo("export.error.noFolder");
        assertThat(Files.exists(file.getParent())).isFalse();
    }
}

package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Pictures saved for the user: a still as PNG, a sequence of frames as an animated GIF that loops forever. */
public final class ImageFiles {
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private ImageFiles() {
    }

    public static void writePng(Path file, Raster picture) throws DataException {
        BufferedImage image = picture.toBufferedImage();
        AtomicFiles.save(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /**
     * An animated GIF of {@code count} frames, made one at a time by {@code frame} (so a long animation never sits in
     * memory whole), each shown {@code frameMillis} and the last {@code lastFrameMillis}, looping forever. Alpha is
     * dropped: frames are drawn over white.
     */
    public static void writeGif(Path file, int count, IntFunction<Raster> frame, int frameMillis, int lastFrameMillis)
            throws DataException {
        if (count < 1) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new DataException("export.error.write", file.toString(), "no GIF writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try {
            AtomicFiles.save(file, out -> {
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < count; i++) {
                        BufferedImage image = indexed(frame.apply(i));
                        // The constructor keeps the frame's own palette; createFromRenderedImage would swap in a
                        // standard one for a standard image type.
                        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
                        timing(meta, i == count - 1 ? lastFrameMillis : frameMillis, i == 0);
                        writer.writeToSequence(new IIOImage(image, null, meta), null);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** Sets a frame's delay (GIF counts hundredths of a second) and, on the first frame, the loop-forever extension. */
    private static void timing(IIOMetadata meta, int millis, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("transparentColorIndex", "0");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(millis / 10f))));
        if (first) {
            // Netscape's application extension is how every viewer and browser knows a GIF loops; 0 repeats means forever.
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /**
     * The frame with its own exact palette when it has at most 256 colours (grey samples have), which is exact and
     * spares the encoder a quantising pass; otherwise plain RGB, which the GIF writer reduces itself.
     */
    private static BufferedImage indexed(Raster frame) {
        int[] rgb = new int[frame.argb().length];
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = overWhite(frame.argb()[i]);
            if (palette.size() <= 256) {
                palette.putIfAbsent(rgb[i], palette.size());
            }
        }
        if (palette.size() > 256) {
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, frame.width(), frame.height(), rgb, 0, frame.width());
            return image;
        }
        int size = Math.max(2, palette.size());
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        palette.forEach((colour, index) -> {
            r[index] = (byte) (colour >> 16);
            g[index] = (byte) (colour >> 8);
            b[index] = (byte) (int) colour;
        });
        IndexColorModel model = new IndexColorModel(8, size, r, g, b);
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] indices = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            indices[i] = (byte) (int) palette.get(rgb[i]);
        }
        image.getRaster().setDataElements(0, 0, frame.width(), frame.height(), indices);
        return image;
    }

    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        int r = ((argb >> 16 & 255) * a + 255 * (255 - a)) / 255;
        int g = ((argb >> 8 & 255) * a + 255 * (255 - a)) / 255;
        int b = ((argb & 255) * a + 255 * (255 - a)) / 255;
        return r << 16 | g << 8 | b;
    }
}

package org.latentexplorer.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real picture files written by a test with ImageIO: shapes a model can tell apart (a ring, a bar, a cross), drawn in
 * dark ink on light paper or the other way round, in every format and colour mode the folder reader takes.
 */
public final class PictureFiles {
    /** The formats and the image types written in them, in turn. */
    private static final String[] FORMATS = {"png", "png", "png", "jpg", "gif", "bmp"};
    private static final int[] TYPES = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_INDEXED,
        BufferedImage.TYPE_INT_RGB};

    private PictureFiles() {
    }

    /** Shape {@code shape} (0 ring, 1 bar, 2 cross) in a w × h picture, jittered by the seed. */
    public static BufferedImage shape(int shape, int w, int h, boolean darkOnLight, int type, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color paper = darkOnLight ? Color.WHITE : Color.BLACK;
        Color ink = darkOnLight ? new Color(20, 20, 60) : Color.WHITE;
        if (type == BufferedImage.TYPE_INT_ARGB) {
            // A transparent ground: the reader counts it as paper (white), so the ink must be dark.
            g.setComposite(java.awt.AlphaComposite.Clear);
            g.fillRect(0, 0, w, h);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            ink = darkOnLight ? ink : Color.BLACK;
        } else {
            g.setColor(paper);
            g.fillRect(0, 0, w, h);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double s = Math.min(w, h);
        int cx = (int) (w / 2 + (r.nextDouble() - 0.5) * s * 0.2);
        int cy = (int) (h / 2 + (r.nextDouble() - 0.5) * s * 0.2);
        int size = (int) (s * (0.4 + 0.2 * r.nextDouble()));
        g.setColor(ink);
        g.setStroke(new BasicStroke((float) Math.max(1.5, s / 10)));
        switch (shape % 3) {
            case 0 -> g.drawOval(cx - size / 2, cy - size / 2, size, size);
            case 1 -> g.drawLine(cx, cy - size / 2, cx, cy + size / 2);
            default -> {
                g.drawLine(cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2);
                g.drawLine(cx - size / 2, cy + size / 2, cx + size / 2, cy - size / 2);
            }
        }
        g.dispose();
        return image;
    }

    /**
     * {@code perLabel} pictures of each shape into {@code root/<label>/}, cycling through the formats, the colour
     * modes and sizes from 10 × 10 to 300 × 200; returns how many were written.
     */
    public static int writeLabelled(Path root, String[] labels, int perLabel, boolean darkOnLight) throws IOException {
        int written = 0;
        for (int l = 0; l < labels.length; l++) {
            Path dir = Files.createDirectories(root.resolve(labels[l]));
            for (int i = 0; i < perLabel; i++) {
                int k = i % FORMATS.length;
                int w = 10 + (i * 37) % 291;
                int h = 10 + (i * 53) % 191;
                write(shape(l, w, h, darkOnLight, TYPES[k], 31L * l + i), FORMATS[k], dir.resolve(
                        String.format("%s-%03d.%s", labels[l].isEmpty() ? "x" : "p", i, FORMATS[k])));
                written++;
            }
        }
        return written;
    }

    public static void write(BufferedImage image, String format, Path file) throws IOException {
        BufferedImage out = image;
        if (format.equals("jpg") || format.equals("bmp")) {
            // JPEG and BMP writers take no alpha.
            out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            out.getGraphics().drawImage(image, 0, 0, null);
        }
        if (!ImageIO.write(out, format, file.toFile())) {
            throw new IOException("no writer for " + format + " of type " + image.getType());
        }
    }

    /** A zip holding every file under {@code root}, below a top folder named {@code top} as zip tools make it. */
    public static Path zip(Path root, String top, Path zipFile) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(raw);
                Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(f)) {
                    zip.putNextEntry(new ZipEntry(top + "/" + root.relativize(f).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
        }
        return zipFile;
    }
}

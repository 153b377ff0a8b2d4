package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.util.List;

/** A picture as 32-bit ARGB pixels (not premultiplied), row by row from the top left: what the image writers take. */
public record Raster(int width, int height, int[] argb) {
    private static final int WHITE = 0xFFFFFFFF;
    /** Between tiles: light grey, so images whose paper is white stay apart. */
    public static final int GAP = 0xFFD0D0D0;

    public Raster {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " picture needs " + (long) width * height
                    + " pixels, got " + argb.length);
        }
    }

    /** A picture of one colour. */
    public static Raster filled(int width, int height, int colour) {
        int[] pixels = new int[Math.max(0, width) * Math.max(0, height)];
        java.util.Arrays.fill(pixels, colour);
        return new Raster(width, height, pixels);
    }

    /** Ink on paper, as digits look in print: a pixel value of 1 is black, 0 white (values are clamped to [0, 1]). */
    public static int ink(float value) {
        int grey = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, value))));
        return 0xFF000000 | grey << 16 | grey << 8 | grey;
    }

    /**
     * Images of {@code rows} x {@code cols} pixel values laid out {@code columns} to a row on white, each pixel drawn as
     * a {@code scale} x {@code scale} block (nearest neighbour, so the pixels stay crisp) with {@code gap} pixels of
     * {@link #GAP} between images and in any unfilled place of the last row.
     */
    public static Raster tiles(List<float[]> images, int rows, int cols, int columns, int gap, int scale) {
        if (images.isEmpty() || columns < 1 || scale < 1 || gap < 0) {
            throw new IllegalArgumentException("tiles need images, at least one column and a positive scale");
        }
        int across = Math.min(columns, images.size());
        int down = (images.size() + columns - 1) / columns;
        int cell = cols * scale;
        int cellHeight = rows * scale;
        Raster out = filled(across * cell + (across - 1) * gap, down * cellHeight + (down - 1) * gap, GAP);
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            if (image.length != rows * cols) {
                throw new IllegalArgumentException("image " + i + " has " + image.length + " pixels, not " + rows * cols);
            }
            int left = (i % columns) * (cell + gap);
            int top = (i / columns) * (cellHeight + gap);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out.fill(left + c * scale, top + r * scale, scale, scale, ink(image[r * cols + c]));
                }
            }
        }
        return out;
    }

    /** This picture with a white strip under it holding {@code text} in {@link PixelFont}, {@code scale} pixels a dot. */
    public Raster withCaption(String text, int scale) {
        int margin = 2 * scale;
        int stripHeight = PixelFont.HEIGHT * scale + 2 * margin;
        Raster out = filled(Math.max(width, PixelFont.width(text) * scale + 2 * margin), height + stripHeight, WHITE);
        for (int r = 0; r < height; r++) {
            System.arraycopy(argb, r * width, out.argb, r * out.width, width);
        }
        PixelFont.draw(out, text, margin, height + margin, scale, 0xFF000000);
        return out;
    }

    /** A rectangle cut out of the picture, clipped to it (at least one pixel). */
    public Raster crop(int x, int y, int w, int h) {
        int left = Math.max(0, Math.min(width - 1, x));
        int top = Math.max(0, Math.min(height - 1, y));
        int cw = Math.max(1, Math.min(width - left, w));
        int ch = Math.max(1, Math.min(height - top, h));
        int[] out = new int[cw * ch];
        for (int r = 0; r < ch; r++) {
            System.arraycopy(argb, (top + r) * width + left, out, r * cw, cw);
        }
        return new Raster(cw, ch, out);
    }

    /** Paints a rectangle, clipped to the picture. */
    public void fill(int x, int y, int w, int h, int colour) {
        for (int r = Math.max(0, y); r < Math.min(height, y + h); r++) {
            for (int c = Math.max(0, x); c < Math.min(width, x + w); c++) {
                argb[r * width + c] = colour;
            }
        }
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}

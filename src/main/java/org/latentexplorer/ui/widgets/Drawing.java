package org.latentexplorer.ui.widgets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.data.MnistStyle;

/**
 * What the learner drew on a {@link DrawingPad}: strokes of a round pen in pad units (0 to 1 across and down), on a
 * blank sheet or over a picture, and the image a model is given of it. On a blank sheet the ink is fitted as MNIST's
 * digits were ({@link MnistStyle#fit}), so a digit drawn anywhere and at any size looks like the training data; over a
 * picture the strokes land where they were drawn, at the picture's own scale (noise scribbled onto a held-out digit).
 * Immutable. Strokes are rasterised with Java2D (antialiased, round caps and joins), which needs no toolkit.
 *
 * @param picture the side × side image drawn over, values in [0, 1] with 1 as ink; null for a blank sheet
 * @param side the image's width and height in pixels (28 for MNIST)
 */
public record Drawing(float[] picture, int side, List<Stroke> strokes) {
    /** The pen's width as a share of the pad: a tenth, about a pen stroke's width in an MNIST digit's frame. */
    public static final double PEN = 0.1;
    /** A blank sheet is rasterised this many times finer than the image, so the fitting averages smooth ink. */
    static final int SHEET_SCALE = 5;

    /** One stroke: x, y pairs in pad units; an erasing stroke takes ink away. */
    public record Stroke(boolean erase, float[] points) {
        int size() {
            return points.length / 2;
        }
    }

    public Drawing {
        strokes = List.copyOf(strokes);
        if (picture != null && picture.length != side * side) {
            throw new IllegalArgumentException("a " + side + " x " + side + " picture needs " + side * side
                    + " pixels, got " + picture.length);
        }
    }

    public static Drawing blank(int side) {
        return new Drawing(null, side, List.of());
    }

    /** {@code picture} to draw over; a copy is kept. */
    public static Drawing over(float[] picture, int side) {
        return new Drawing(picture.clone(), side, List.of());
    }

    /** A new stroke starting at (x, y). */
    public Drawing begin(boolean erase, double x, double y) {
        List<Stroke> more = new ArrayList<>(strokes);
        more.add(new Stroke(erase, new float[] {(float) x, (float) y}));
        return new Drawing(picture, side, more);
    }

    /** The last stroke carried on to (x, y). */
    public Drawing extend(double x, double y) {
        if (strokes.isEmpty()) {
            return begin(false, x, y);
        }
        Stroke last = strokes.get(strokes.size() - 1);
        float[] points = java.util.Arrays.copyOf(last.points(), last.points().length + 2);
        points[points.length - 2] = (float) x;
        points[points.length - 1] = (float) y;
        List<Stroke> more = new ArrayList<>(strokes.subList(0, strokes.size() - 1));
        more.add(new Stroke(last.erase(), points));
        return new Drawing(picture, side, more);
    }

    /** Without the last stroke; the picture stays. */
    public Drawing undo() {
        return strokes.isEmpty() ? this : new Drawing(picture, side, strokes.subList(0, strokes.size() - 1));
    }

    /** A blank sheet with nothing drawn on it. */
    public boolean isEmpty() {
        return picture == null && strokes.isEmpty();
    }

    /** The side × side image a model takes, ink 1 and paper 0; null for an empty sheet. */
    public float[] pixels() {
        if (isEmpty()) {
            return null;
        }
        if (picture != null) {
            float[] out = picture.clone();
            paint(out, side);
            return out;
        }
        int n = side * SHEET_SCALE;
        float[] ink = new float[n * n];
        paint(ink, n);
        return MnistStyle.fit(ink, n, n, false);
    }

    /** Each stroke in turn onto an n × n image: its coverage blends the image towards ink (or paper, erasing). */
    private void paint(float[] image, int n) {
        BufferedImage mask = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_GRAY);
        float[] coverage = new float[n * n];
        for (Stroke s : strokes) {
            Graphics2D g = mask.createGraphics();
            try {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, n, n);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setColor(Color.WHITE);
                double width = PEN * n;
                float[] p = s.points();
                if (s.size() == 1) {
                    g.fill(new Ellipse2D.Double(p[0] * n - width / 2, p[1] * n - width / 2, width, width));
                } else {
                    Path2D.Double path = new Path2D.Double();
                    path.moveTo(p[0] * n, p[1] * n);
                    for (int i = 1; i < s.size(); i++) {
                        path.lineTo(p[2 * i] * n, p[2 * i + 1] * n);
                    }
                    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(path);
                }
            } finally {
                g.dispose();
            }
            mask.getRaster().getSamples(0, 0, n, n, 0, coverage);
            float target = s.erase() ? 0 : 1;
            for (int i = 0; i < image.length; i++) {
                float c = coverage[i] / 255f;
                image[i] += (target - image[i]) * c;
            }
        }
    }
}

package org.latentexplorer.ui.widgets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/** JLaTeXMath's typesetting into an image, apart from {@link Formula} so that it can warm up before JavaFX starts. */
public final class Typesetting {
    private Typesetting() {
    }

    /** Paints the formula into an ARGB image (AWT's software pipeline: works with java.awt.headless). */
    static BufferedImage paint(String source, int style, float size, Color ink) {
        TeXIcon icon = new TeXFormula(source).createTeXIcon(style, size);
        icon.setInsets(new Insets(1, 1, 1, 1));
        icon.setForeground(ink);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Loads JLaTeXMath's fonts and symbol tables by typesetting one formula; for a thread started before the window. */
    public static void warmUp() {
        paint("\\mathbb{E}\\left[\\log p(x \\mid z)\\right] - \\frac{1}{2}\\sum_j \\sigma_j^2", TeXConstants.STYLE_DISPLAY, 16f,
                Color.BLACK);
    }
}

package org.latentexplorer.ui.vqvae;

import java.util.function.IntConsumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.ui.widgets.CanvasRegion;
import org.latentexplorer.ui.widgets.Palette;
import org.latentexplorer.ui.widgets.Presentation;

/** A VQ-VAE's grid of code indices: each cell in its code's colour with the index written on it; a click picks a code. */
public final class CodeMap extends CanvasRegion {
    private final int side;
    private int[] codes;
    private IntConsumer onPick = k -> { };
    /** Redraws the gaps between cells in the theme's paper; held so the app-wide theme keeps no closed view. */
    private final InvalidationListener rethemed = Presentation.redrawOnChange(this::draw);

    public CodeMap(int side) {
        super(true);
        this.side = side;
        setMinSize(140, 140);
        setPrefSize(196, 196);
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                return; // the right button opens the export menu
            }
            double cell = canvas.getWidth() / side;
            int c = (int) (e.getX() / cell);
            int r = (int) (e.getY() / cell);
            if (codes != null && r >= 0 && c >= 0 && r < side && c < side) {
                onPick.accept(codes[r * side + c]);
            }
        });
    }

    /** The same colour for the same code everywhere: hues spread by the golden angle. */
    static Color colour(int code) {
        return Color.hsb((code * 137.508) % 360, 0.55, 0.95);
    }

    public void setCodes(int[] map) {
        codes = map;
        draw();
    }

    void setOnPick(IntConsumer pick) {
        onPick = pick;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.clearRect(0, 0, s, s);
        if (codes == null) {
            return;
        }
        double cell = s / side;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(Math.max(9, cell * 0.38)));
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int k = codes[r * side + c];
                g.setFill(colour(k));
                g.fillRect(c * cell, r * cell, cell, cell);
                g.setStroke(Palette.grey(1, 0.7));
                g.strokeRect(c * cell, r * cell, cell, cell);
                g.setFill(Color.gray(0.1));
                g.fillText(Integer.toString(k), (c + 0.5) * cell, (r + 0.5) * cell);
            }
        }
    }
}

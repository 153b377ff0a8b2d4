package org.latentexplorer.ui.widgets;

import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.ui.base.I18n;

/**
 * A model drawn as the chapter draws it: the Encoder q(z | x) narrowing to the latent code and the Decoder p(x | z)
 * widening back (for a GAN, the Generator widening noise into an image and the Discriminator narrowing real and
 * generated images to one number), with the shape of each tensor on the way. The shapes follow the settings live; m is
 * the mini-batch size, named in the line below. Ink follows the theme's text colour; the blocks keep a light tint that
 * reads on light and dark themes alike.
 */
public final class ModelDiagram extends VBox {
    private static final Color ENCODER_TINT = Color.web("#4c72b0", 0.22);
    private static final Color DECODER_TINT = Color.web("#dd8452", 0.22);
    private static final Color OPERATION_TINT = Color.web("#8c8c8c", 0.16);
    private static final double BLOCK_WIDTH = 104;
    private static final double BLOCK_HEIGHT = 72;
    /** The share of a trapezoid's height its slanted sides take at the narrow end. */
    private static final double SLANT = 0.2;
    private static final double ARROW_LENGTH = 26;
    /** MNIST and Fashion-MNIST, the bundled data sets every image model trains on. */
    public static final int SIDE = IdxReader.SIDE;
    public static final int PIXELS = SIDE * SIDE;

    /** How a block narrows: an Encoder or Discriminator compresses, a Decoder or Generator expands. */
    private enum Outline { NARROWING, WIDENING, BOX }

    private final I18n i18n;
    private final FlowPane chain = new FlowPane(4, 8);
    private final Label legend = new Label();

    /** An empty diagram whose legend names the mini-batch size m; {@link #flow} fills it. */
    public ModelDiagram(I18n i18n, String legendKey, ObservableValue<?> batch) {
        super(6);
        this.i18n = i18n;
        getStyleClass().add("model-diagram");
        chain.setAlignment(Pos.CENTER_LEFT);
        chain.setRowValignment(VPos.CENTER);
        legend.textProperty().bind(i18n.text(legendKey, batch));
        legend.getStyleClass().add("hint");
        legend.setWrapText(true);
        getChildren().addAll(chain, legend);
    }

    /** Adds the nodes in order, each after the first led in by its arrow, so a narrow view wraps before an arrow. */
    public ModelDiagram flow(Node... nodes) {
        chain.getChildren().add(nodes[0]);
        for (int i = 1; i < nodes.length; i++) {
            HBox step = new HBox(4, arrow(), nodes[i]);
            step.setAlignment(Pos.CENTER_LEFT);
            chain.getChildren().add(step);
        }
        return this;
    }

    // ---- parts -------------------------------------------------------------------------------------------------------

    /** A tensor's name and shape, retypeset when one of the dependencies changes. */
    public Formula tensor(String id, Callable<String> latex, Observable... dependencies) {
        Formula f = new Formula("", Formula.TEXT_MATCHING_SIZE, false);
        f.setId(id);
        f.latexProperty().bind(Bindings.createStringBinding(latex, dependencies));
        return f;
    }

    public static ObservableValue<String> fixed(String latex) {
        return new ReadOnlyStringWrapper(latex);
    }

    public Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("hint");
        return l;
    }

    /** The generated images above the real ones: both go into the Discriminator. */
    public Node images(Formula fake, Formula real) {
        VBox box = new VBox(6, new VBox(1, fake, caption("diagram.fake")), new VBox(1, real, caption("diagram.real")));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    public Node encoder(String function) {
        return block("diagram-encoder", i18n.text("diagram.encoder"), fixed(function), ENCODER_TINT, Outline.NARROWING);
    }

    public Node decoder(String function) {
        return block("diagram-decoder", i18n.text("diagram.decoder"), fixed(function), DECODER_TINT, Outline.WIDENING);
    }

    public Node generator() {
        return block("diagram-generator", i18n.text("diagram.generator"), fixed("G(z)"), DECODER_TINT,
                Outline.WIDENING);
    }

    public Node discriminator(ObservableValue<String> name, ObservableValue<String> function) {
        return block("diagram-discriminator", name, function, ENCODER_TINT, Outline.NARROWING);
    }

    /** An operation between the networks (a box), such as the reparameterization or the quantization. */
    public Node operation(String id, ObservableValue<String> name, String function) {
        return block(id, name, fixed(function), OPERATION_TINT, Outline.BOX);
    }

    /** A network (trapezoid) or an operation (box): its name in the user's language over its function in maths. */
    private Node block(String id, ObservableValue<String> name, ObservableValue<String> function, Color tint,
            Outline outline) {
        Label title = new Label();
        title.textProperty().bind(name);
        title.setStyle("-fx-font-weight: bold;");
        Formula f = new Formula("", Formula.TEXT_MATCHING_SIZE, false);
        f.latexProperty().bind(function);
        Block block = new Block(outline, tint, title, f);
        block.outline.strokeProperty().bind(legend.textFillProperty());
        block.setId(id);
        return block;
    }

    /** Text in an outline that grows with it, so a long name in either language never breaks inside a word. */
    private static final class Block extends StackPane {
        private final Outline kind;
        private final Shape outline;

        Block(Outline kind, Color tint, Node... content) {
            this.kind = kind;
            outline = kind == Outline.BOX ? new Rectangle() : new Polygon();
            outline.setFill(tint);
            outline.setManaged(false);
            VBox text = new VBox(2, content);
            text.setAlignment(Pos.CENTER);
            getChildren().addAll(outline, text);
            // The slanted sides take a fifth of the height at each end: keep the text clear of them.
            double side = kind == Outline.BOX ? 8 : BLOCK_HEIGHT * SLANT + 6;
            setPadding(new Insets(6, side, 6, side));
            setMinSize(BLOCK_WIDTH, BLOCK_HEIGHT);
            setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double w = getWidth();
            double h = getHeight();
            double s = h * SLANT;
            if (outline instanceof Rectangle r) {
                r.setWidth(w);
                r.setHeight(h);
                r.setArcWidth(12);
                r.setArcHeight(12);
            } else if (outline instanceof Polygon p) {
                p.getPoints().setAll(kind == Outline.NARROWING ? new Double[] {0.0, 0.0, w, s, w, h - s, 0.0, h}
                        : new Double[] {0.0, s, w, 0.0, w, h, 0.0, h - s});
            }
        }
    }

    private Node arrow() {
        Line shaft = new Line(0, 0, ARROW_LENGTH - 2, 0);
        Polygon head = new Polygon(ARROW_LENGTH - 8, -4, ARROW_LENGTH, 0, ARROW_LENGTH - 8, 4);
        shaft.strokeProperty().bind(legend.textFillProperty());
        shaft.setStrokeWidth(1.5);
        head.fillProperty().bind(legend.textFillProperty());
        return new Group(shaft, head);
    }
}

package org.latentexplorer.ui;

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
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.vqvae.VqVae;

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
    private static final int SIDE = VqVae.SIDE;
    private static final int PIXELS = VqVae.PIXELS;

    /** How a block narrows: an Encoder or Discriminator compresses, a Decoder or Generator expands. */
    private enum Outline { NARROWING, WIDENING, BOX }

    private final I18n i18n;
    private final FlowPane chain = new FlowPane(4, 8);
    private final Label legend = new Label();

    private ModelDiagram(I18n i18n, String legendKey, ObservableValue<?> batch) {
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
    private ModelDiagram flow(Node... nodes) {
        chain.getChildren().add(nodes[0]);
        for (int i = 1; i < nodes.length; i++) {
            HBox step = new HBox(4, arrow(), nodes[i]);
            step.setAlignment(Pos.CENTER_LEFT);
            chain.getChildren().add(step);
        }
        return this;
    }

    // ---- one per model ---------------------------------------------------------------------------------------------

    /** x → Encoder → z → Decoder → x̂; a denoising autoencoder's input is the corrupted x̃. */
    public static ModelDiagram forAutoencoder(AutoencoderViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var noisy = vm.trainingNoiseProperty().isNotEqualTo(AutoencoderViewModel.TrainingNoise.NONE);
        Label caption = d.caption("diagram.noisyInput");
        caption.visibleProperty().bind(noisy);
        caption.managedProperty().bind(noisy);
        VBox input = new VBox(2, d.tensor("diagram-input",
                () -> (noisy.get() ? "\\tilde{x}" : "x") + ": m \\times " + PIXELS, noisy), caption);
        input.setAlignment(Pos.CENTER_LEFT);
        return d.flow(input, d.encoder("q(z \\mid x)"),
                d.tensor("diagram-latent", () -> "z: m \\times " + vm.latentSizeProperty().get(), vm.latentSizeProperty()),
                d.decoder("p(x \\mid z)"), d.tensor("diagram-output", () -> "\\hat{x}: m \\times " + PIXELS));
    }

    /** x → Encoder → μ, log σ² → z = μ + σ ⊙ ε → Decoder → x̂. */
    public static ModelDiagram forVae(VaeViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var latent = vm.latentSizeProperty();
        return d.flow(d.tensor("diagram-input", () -> "x: m \\times " + PIXELS), d.encoder("q(z \\mid x)"),
                d.tensor("diagram-moments", () -> "\\mu,\\ \\log\\sigma^{2}: m \\times " + latent.get(), latent),
                d.block("diagram-reparameterization", i18n.text("diagram.reparameterization"),
                        fixed("z = \\mu + \\sigma \\odot \\varepsilon"), OPERATION_TINT, Outline.BOX),
                d.tensor("diagram-latent", () -> "z: m \\times " + latent.get(), latent), d.decoder("p(x \\mid z)"),
                d.tensor("diagram-output", () -> "\\hat{x}: m \\times " + PIXELS));
    }

    /** x → Encoder → z_e → nearest of K codes → z_q → Decoder → x̂, on a 7 × 7 grid of D-dimensional vectors. */
    public static ModelDiagram forVqVae(VqVaeViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var dim = vm.latentSizeProperty();
        var codes = vm.codebookSizeProperty();
        String grid = "m \\times " + VqVae.GRID + " \\times " + VqVae.GRID + " \\times ";
        String image = "m \\times " + SIDE + " \\times " + SIDE;
        return d.flow(d.tensor("diagram-input", () -> "x: " + image), d.encoder("q(z \\mid x)"),
                d.tensor("diagram-ze", () -> "z_e: " + grid + dim.get(), dim),
                d.block("diagram-quantization", i18n.text("diagram.quantization", codes),
                        fixed("\\arg\\min_k \\lVert z_e - e_k \\rVert"), OPERATION_TINT, Outline.BOX),
                d.tensor("diagram-zq", () -> "z_q: " + grid + dim.get(), dim), d.decoder("p(x \\mid z_q)"),
                d.tensor("diagram-output", () -> "\\hat{x}: " + image));
    }

    /** z → Generator → x̃ = G(z), with real x beside it → Discriminator → one probability per image. */
    public static ModelDiagram forGan(GanViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var architecture = vm.architectureProperty();
        // The MLP works on flat rows, DCGAN's convolutions on images.
        Callable<String> shape = () -> architecture.get() == Gan.Architecture.DCGAN
                ? "m \\times " + SIDE + " \\times " + SIDE : "m \\times " + PIXELS;
        return d.flow(d.tensor("diagram-noise", () -> "z: m \\times " + vm.latentSizeProperty().get(),
                        vm.latentSizeProperty()),
                d.generator(),
                d.images(d.tensor("diagram-fake", () -> "\\tilde{x} = G(z): " + shape.call(), architecture),
                        d.tensor("diagram-real", () -> "x: " + shape.call(), architecture)),
                d.discriminator(i18n.text("diagram.discriminator"), fixed("D(x)")),
                d.tensor("diagram-score", () -> "D(x),\\ D(\\tilde{x}): m \\times 1"));
    }

    /** The 2-D lab: points in the plane; with WGAN the Discriminator is a critic f with no sigmoid. */
    public static ModelDiagram forGanLab(GanLabViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.points", vm.batchProperty());
        var wgan = vm.wganProperty();
        var name = Bindings.createStringBinding(() -> i18n.get(wgan.get() ? "diagram.critic" : "diagram.discriminator"),
                wgan, i18n.localeProperty());
        Node critic = d.discriminator(name, Bindings.createStringBinding(() -> wgan.get() ? "f(x)" : "D(x)", wgan));
        return d.flow(d.tensor("diagram-noise", () -> "z: m \\times " + vm.noiseSizeProperty().get(),
                        vm.noiseSizeProperty()),
                d.generator(),
                d.images(d.tensor("diagram-fake", () -> "\\tilde{x} = G(z): m \\times 2"),
                        d.tensor("diagram-real", () -> "x: m \\times 2")),
                critic,
                d.tensor("diagram-score", () -> wgan.get() ? "f(x),\\ f(\\tilde{x}): m \\times 1"
                        : "D(x),\\ D(\\tilde{x}): m \\times 1", wgan));
    }

    // ---- parts -------------------------------------------------------------------------------------------------------

    private Formula tensor(String id, Callable<String> latex, Observable... dependencies) {
        Formula f = new Formula("", Formula.TEXT_MATCHING_SIZE, false);
        f.setId(id);
        f.latexProperty().bind(Bindings.createStringBinding(latex, dependencies));
        return f;
    }

    private static ObservableValue<String> fixed(String latex) {
        return new ReadOnlyStringWrapper(latex);
    }

    private Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("hint");
        return l;
    }

    /** The generated images above the real ones: both go into the Discriminator. */
    private Node images(Formula fake, Formula real) {
        VBox box = new VBox(6, new VBox(1, fake, caption("diagram.fake")), new VBox(1, real, caption("diagram.real")));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node encoder(String function) {
        return block("diagram-encoder", i18n.text("diagram.encoder"), fixed(function), ENCODER_TINT, Outline.NARROWING);
    }

    private Node decoder(String function) {
        return block("diagram-decoder", i18n.text("diagram.decoder"), fixed(function), DECODER_TINT, Outline.WIDENING);
    }

    private Node generator() {
        return block("diagram-generator", i18n.text("diagram.generator"), fixed("G(z)"), DECODER_TINT,
                Outline.WIDENING);
    }

    private Node discriminator(ObservableValue<String> name, ObservableValue<String> function) {
        return block("diagram-discriminator", name, function, ENCODER_TINT, Outline.NARROWING);
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

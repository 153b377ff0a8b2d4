package org.latentexplorer.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.i18n.Messages;

/**
 * A model's loss as the chapter writes it, typeset, with the live value of each of its terms in a table below: the
 * learner reads the formula and watches its parts move while training. Where a setting changes the loss (the VAE's
 * reconstruction term, the Generator's loss, WGAN), the factories bind {@link #lossProperty()} to it.
 */
public final class LossFormulaPanel extends VBox {
    /**
     * One live number of the loss.
     *
     * @param nameKey its name in the bundles; {@code nameKey + ".tip"}, when the bundle has it, is its tooltip
     * @param symbol its LaTeX symbol, or null for none
     * @param formatKey the bundle pattern that shows the value with its unit, e.g. "number.nats"
     */
    public record Term(String nameKey, String symbol, ObservableNumberValue value, String formatKey) {
        public Term {
            Objects.requireNonNull(nameKey, "nameKey");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(formatKey, "formatKey");
        }

        public Term(String nameKey, ObservableNumberValue value, String formatKey) {
            this(nameKey, null, value, formatKey);
        }
    }

    /** One formula, with a bundle key (or null) for the sentence that says what it is. */
    public record Equation(String labelKey, String latex) {
    }

    /** What the panel shows. */
    public record Loss(List<Equation> equations, List<Term> terms) {
        public Loss {
            equations = List.copyOf(equations);
            terms = List.copyOf(terms);
        }
    }

    private final I18n i18n;
    private final Controls c;
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss");
    private final VBox equations = new VBox(6);
    private final GridPane terms = new GridPane();

    public LossFormulaPanel(I18n i18n, String latex, List<Term> terms) {
        this(i18n, new Loss(List.of(new Equation(null, latex)), terms));
    }

    public LossFormulaPanel(I18n i18n, Loss initial) {
        super(8);
        this.i18n = i18n;
        this.c = new Controls(i18n);
        getStyleClass().add("loss-formula");
        terms.setHgap(10);
        terms.setVgap(4);
        terms.setId("loss-terms");
        terms.setAlignment(Pos.CENTER_LEFT);
        Label termsHeading = c.label("formula.terms");
        termsHeading.getStyleClass().add("hint");
        getChildren().addAll(c.heading("formula.heading"), equations, termsHeading, terms);
        loss.addListener((o, a, b) -> show(b));
        loss.set(initial);
    }

    /** The loss shown; bind it to follow a setting. */
    public ObjectProperty<Loss> lossProperty() {
        return loss;
    }

    private void show(Loss l) {
        equations.getChildren().clear();
        terms.getChildren().clear();
        if (l == null) {
            return;
        }
        for (Equation e : l.equations()) {
            if (e.labelKey() != null) {
                equations.getChildren().add(c.paragraph(e.labelKey(), "hint"));
            }
            equations.getChildren().add(new Formula(e.latex()));
        }
        int row = 0;
        for (Term t : l.terms()) {
            Label name = c.label(t.nameKey());
            String tip = t.nameKey() + ".tip";
            if (Messages.bundle(i18n.getLocale()).containsKey(tip)) {
                c.tipped(name, tip);
            }
            // In a narrow column the name wraps; the number keeps its width.
            name.setWrapText(true);
            Label value = c.number(t.nameKey().replace('.', '-'), t.formatKey(), t.value());
            value.setMinWidth(Region.USE_PREF_SIZE);
            if (t.symbol() != null) {
                Formula symbol = new Formula(t.symbol(), Formula.TEXT_MATCHING_SIZE, false);
                GridPane.setHalignment(symbol, HPos.CENTER);
                terms.add(symbol, 0, row);
            }
            terms.add(name, 1, row);
            // A live number: its changes are laid out within it, not through the whole section.
            terms.add(LayoutRoot.of(value), 2, row);
            row++;
        }
    }

    /**
     * The model's diagram and this panel in a pane the learner can fold away: folded, its title still shows the main
     * loss as the chapter writes it, so the plane or the samples below get the height.
     */
    TitledPane folding(Node diagram, boolean expanded) {
        Formula main = new Formula(mainLatex(loss.get()), Formula.TEXT_MATCHING_SIZE, false);
        loss.addListener((o, a, b) -> main.setLatex(mainLatex(b)));
        Label heading = c.label("formula.fold");
        HBox title = new HBox(12, heading, main);
        title.setAlignment(Pos.CENTER_LEFT);
        HBox body = new HBox(16, diagram, this);
        HBox.setHgrow(this, Priority.ALWAYS);
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(title);
        pane.setExpanded(expanded);
        pane.getStyleClass().add("model-and-loss");
        return pane;
    }

    private static String mainLatex(Loss l) {
        return l == null || l.equations().isEmpty() ? "" : l.equations().get(0).latex();
    }

    // ---- one per model ---------------------------------------------------------------------------------------------

    /** Binary cross-entropy as trained, beside the chapter's squared error; train values clean and noisy, held-out. */
    public static LossFormulaPanel forAutoencoder(AutoencoderViewModel vm, I18n i18n) {
        String train = TrainingViewModel.TRAIN;
        return new LossFormulaPanel(i18n, new Loss(
                List.of(new Equation("formula.ae.chapter", Formulas.AE_SQUARED_ERROR),
                        new Equation("formula.ae.trained", Formulas.AE_BCE)),
                List.of(new Term("formula.term.ae.train", "L", vm.latest(train, Autoencoder.RECON_BCE), "number.nats"),
                        new Term("formula.term.ae.trainNoisy", "L", vm.latest(train, Autoencoder.RECON_BCE_NOISY),
                                "number.nats"),
                        new Term("formula.term.ae.heldOut", "L",
                                vm.latest(TrainingViewModel.HELD_OUT, Autoencoder.RECON_BCE), "number.nats"))));
    }

    /** KL + β × reconstruction, with the reconstruction term the model trains (binary cross-entropy or squared error). */
    public static LossFormulaPanel forVae(VaeViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, vaeLoss(vm));
        bind(panel, () -> vaeLoss(vm), vm.reconstructionProperty());
        return panel;
    }

    private static Loss vaeLoss(VaeViewModel vm) {
        String train = TrainingViewModel.TRAIN;
        boolean bce = vm.reconstructionProperty().get() != Reconstruction.SQUARED_ERROR;
        return new Loss(
                List.of(new Equation("formula.vae.loss", Formulas.VAE_LOSS),
                        new Equation("formula.vae.kl", Formulas.VAE_KL),
                        bce ? new Equation("formula.vae.recon.bce", Formulas.VAE_RECON_BCE)
                                : new Equation("formula.vae.recon.squared_error", Formulas.VAE_RECON_SQUARED_ERROR),
                        new Equation("formula.vae.reparameterization", Formulas.VAE_REPARAMETERIZATION)),
                List.of(new Term("formula.term.loss", "L", vm.latest(train, VariationalAutoencoder.LOSS), "number.value"),
                        new Term("formula.term.kl", "D_{KL}", vm.latest(train, VariationalAutoencoder.KL), "number.nats"),
                        // Binary cross-entropy is −log p(x | z) in nats; a squared error has no unit.
                        new Term("formula.term.recon", "L_{\\mathrm{rec}}", vm.latest(train, VariationalAutoencoder.RECON),
                                bce ? "number.nats" : "number.value"),
                        new Term("formula.term.beta", "\\beta", vm.betaProperty(), "number.value")));
    }

    /** Reconstruction + codebook term + β × commitment term, each live. */
    public static LossFormulaPanel forVqVae(VqVaeViewModel vm, I18n i18n) {
        String train = TrainingViewModel.TRAIN;
        return new LossFormulaPanel(i18n, new Loss(
                List.of(new Equation("formula.vqvae.loss", Formulas.VQVAE_LOSS),
                        new Equation("formula.vqvae.quantization", Formulas.VQVAE_QUANTIZATION),
                        new Equation("formula.vqvae.straightThrough", Formulas.VQVAE_STRAIGHT_THROUGH)),
                List.of(new Term("formula.term.loss", "L", vm.latest(train, VqVae.LOSS), "number.value"),
                        new Term("formula.term.recon", "\\lVert x - \\hat{x} \\rVert_2^2", vm.latest(train, VqVae.RECON),
                                "number.value"),
                        new Term("formula.term.codebook", "\\lVert \\mathrm{sg}[z_e] - e \\rVert_2^2",
                                vm.latest(train, VqVae.CODEBOOK), "number.value"),
                        new Term("formula.term.commitment", "\\lVert z_e - \\mathrm{sg}[e] \\rVert_2^2",
                                vm.latest(train, VqVae.COMMITMENT), "number.value"),
                        new Term("formula.term.beta", "\\beta", vm.betaProperty(), "number.value"))));
    }

    /** The minimax value V(D, G) and the Generator loss chosen in the inspector. */
    public static LossFormulaPanel forGan(GanViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, ganLoss(vm));
        bind(panel, () -> ganLoss(vm), vm.generatorLossProperty());
        return panel;
    }

    private static Loss ganLoss(GanViewModel vm) {
        String train = TrainingViewModel.TRAIN;
        // The engine's D loss is the mean binary cross-entropy over m real and m generated images: −V / 2.
        ObservableNumberValue v = vm.latest(train, Gan.D_LOSS).multiply(-2);
        return new Loss(List.of(new Equation("formula.gan.minimax", Formulas.GAN_MINIMAX),
                generatorEquation(vm.generatorLossProperty().get())),
                List.of(new Term("formula.term.v", "\\hat{V}(D, G)", v, "number.value"),
                        new Term("formula.term.dReal", "\\overline{D(x)}", vm.latest(train, Gan.D_REAL), "number.value"),
                        new Term("formula.term.dFake", "\\overline{D(G(z))}", vm.latest(train, Gan.D_FAKE),
                                "number.value"),
                        new Term("formula.term.gLoss", "L_G", vm.latest(train, Gan.G_LOSS), "number.value")));
    }

    private static Equation generatorEquation(GeneratorLoss g) {
        return g == GeneratorLoss.MINIMAX ? new Equation("formula.gan.g.minimax", Formulas.GAN_G_MINIMAX)
                : new Equation("formula.gan.g.non_saturating", Formulas.GAN_G_NON_SATURATING);
    }

    /** The 2-D lab: the GAN's minimax value, or WGAN's Earth Mover form while WGAN is on. */
    public static LossFormulaPanel forGanLab(GanLabViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, labLoss(vm));
        bind(panel, () -> labLoss(vm), vm.wganProperty(), vm.generatorLossProperty());
        return panel;
    }

    private static Loss labLoss(GanLabViewModel vm) {
        if (vm.wganProperty().get()) {
            // The lab's critic loss is mean f(G(z)) − mean f(x), so its negative estimates W (times the critic's K).
            return new Loss(
                    List.of(new Equation("formula.wgan", Formulas.WGAN),
                            new Equation("formula.wgan.clipping", Formulas.WGAN_CLIPPING),
                            new Equation("formula.wgan.g", Formulas.WGAN_G)),
                    List.of(new Term("formula.term.w", "\\hat{W}", vm.dLossProperty().negate(), "number.value"),
                            new Term("formula.term.fReal", "\\overline{f(x)}", vm.dRealProperty(), "number.value"),
                            new Term("formula.term.fFake", "\\overline{f(G(z))}", vm.dFakeProperty(), "number.value"),
                            new Term("formula.term.gLoss", "L_G", vm.gLossProperty(), "number.value"),
                            new Term("formula.term.clip", "c", vm.clipProperty(), "formula.number.clip"),
                            new Term("formula.term.emdMeasured", "W(P_r, P_g)", vm.emdProperty(), "number.value")));
        }
        // The lab's D loss is −log D(x) − log(1 − D(G(z))) averaged over the batch: −V.
        return new Loss(
                List.of(new Equation("formula.gan.minimax", Formulas.GAN_MINIMAX),
                        generatorEquation(vm.generatorLossProperty().get()),
                        new Equation("formula.gan.optimalD", Formulas.GAN_OPTIMAL_D)),
                List.of(new Term("formula.term.v", "\\hat{V}(D, G)", vm.dLossProperty().negate(), "number.value"),
                        new Term("formula.term.dReal", "\\overline{D(x)}", vm.dRealProperty(), "number.value"),
                        new Term("formula.term.dFake", "\\overline{D(G(z))}", vm.dFakeProperty(), "number.value"),
                        new Term("formula.term.gLoss", "L_G", vm.gLossProperty(), "number.value"),
                        new Term("formula.term.jsdMeasured", "\\mathrm{JSD}(P_r \\,\\|\\, P_g)", vm.jsdProperty(),
                                "number.nats")));
    }

    /** The JSD and EMD definitions with their values and slopes at the current shift θ. */
    public static LossFormulaPanel forDivergences(JsdEmdViewModel vm, I18n i18n) {
        return new LossFormulaPanel(i18n, new Loss(
                List.of(new Equation("formula.jsd", Formulas.JSD), new Equation("formula.emd", Formulas.EMD)),
                List.of(new Term("formula.term.jsd", "\\mathrm{JSD}", vm.jsdProperty(), "jsdEmd.number.nats"),
                        new Term("formula.term.emd", "\\mathrm{EMD}", vm.emdProperty(), "jsdEmd.number.distance"),
                        new Term("formula.term.jsdSlope", "\\partial\\,\\mathrm{JSD} / \\partial\\theta",
                                vm.jsdSlopeProperty(), "jsdEmd.number.natsPerTheta"),
                        new Term("formula.term.emdSlope", "\\partial\\,\\mathrm{EMD} / \\partial\\theta",
                                vm.emdSlopeProperty(), "jsdEmd.number.perTheta"))));
    }

    private static void bind(LossFormulaPanel panel, Callable<Loss> loss, ObservableValue<?>... settings) {
        panel.lossProperty().bind(Bindings.createObjectBinding(loss, settings));
    }
}

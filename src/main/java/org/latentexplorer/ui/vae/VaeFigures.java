package org.latentexplorer.ui.vae;

import java.util.List;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Formulas;
import org.latentexplorer.ui.widgets.LossFormulaPanel;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Equation;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Loss;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Term;
import org.latentexplorer.ui.widgets.ModelDiagram;

/** The VAE drawn and its loss written as the chapter does, bound to the section's settings. */
public final class VaeFigures {
    private VaeFigures() {
    }

    /** KL + β × reconstruction, with the reconstruction term the model trains (binary cross-entropy or squared error). */
    public static LossFormulaPanel lossPanel(VaeViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, loss(vm));
        LossFormulaPanel.bind(panel, () -> loss(vm), vm.reconstructionProperty());
        return panel;
    }

    private static Loss loss(VaeViewModel vm) {
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

    /** x → Encoder → μ, log σ² → z = μ + σ ⊙ ε → Decoder → x̂. */
    public static ModelDiagram diagram(VaeViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var latent = vm.latentSizeProperty();
        return d.flow(d.tensor("diagram-input", () -> "x: m \\times " + ModelDiagram.PIXELS), d.encoder("q(z \\mid x)"),
                d.tensor("diagram-moments", () -> "\\mu,\\ \\log\\sigma^{2}: m \\times " + latent.get(), latent),
                d.operation("diagram-reparameterization", i18n.text("diagram.reparameterization"), "z = \\mu + \\sigma \\odot \\varepsilon"),
                d.tensor("diagram-latent", () -> "z: m \\times " + latent.get(), latent), d.decoder("p(x \\mid z)"),
                d.tensor("diagram-output", () -> "\\hat{x}: m \\times " + ModelDiagram.PIXELS));
    }
}

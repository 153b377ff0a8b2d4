package org.latentexplorer.ui.vqvae;

import java.util.List;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Formulas;
import org.latentexplorer.ui.widgets.LossFormulaPanel;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Equation;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Loss;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Term;
import org.latentexplorer.ui.widgets.ModelDiagram;

/** The VQ-VAE drawn and its loss written as the chapter does, bound to the section's settings. */
public final class VqVaeFigures {
    private VqVaeFigures() {
    }

    /** Reconstruction + codebook term + β × commitment term, each live. */
    public static LossFormulaPanel lossPanel(VqVaeViewModel vm, I18n i18n) {
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

    /** x → Encoder → z_e → nearest of K codes → z_q → Decoder → x̂, on a 7 × 7 grid of D-dimensional vectors. */
    public static ModelDiagram diagram(VqVaeViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var dim = vm.latentSizeProperty();
        var codes = vm.codebookSizeProperty();
        String grid = "m \\times " + VqVae.GRID + " \\times " + VqVae.GRID + " \\times ";
        String image = "m \\times " + ModelDiagram.SIDE + " \\times " + ModelDiagram.SIDE;
        return d.flow(d.tensor("diagram-input", () -> "x: " + image), d.encoder("q(z \\mid x)"),
                d.tensor("diagram-ze", () -> "z_e: " + grid + dim.get(), dim),
                d.operation("diagram-quantization", i18n.text("diagram.quantization", codes), "\\arg\\min_k \\lVert z_e - e_k \\rVert"),
                d.tensor("diagram-zq", () -> "z_q: " + grid + dim.get(), dim), d.decoder("p(x \\mid z_q)"),
                d.tensor("diagram-output", () -> "\\hat{x}: " + image));
    }
}

package org.latentexplorer.ui.ae;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Formulas;
import org.latentexplorer.ui.widgets.LossFormulaPanel;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Equation;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Loss;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Term;
import org.latentexplorer.ui.widgets.ModelDiagram;

/** The autoencoder drawn and its loss written as the chapter does, bound to the section's settings. */
public final class AutoencoderFigures {
    private AutoencoderFigures() {
    }

    /** Binary cross-entropy as trained, beside the chapter's squared error; train values clean and noisy, held-out. */
    public static LossFormulaPanel lossPanel(AutoencoderViewModel vm, I18n i18n) {
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

    /** x → Encoder → z → Decoder → x̂; a denoising autoencoder's input is the corrupted x̃. */
    public static ModelDiagram diagram(AutoencoderViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var noisy = vm.trainingNoiseProperty().isNotEqualTo(AutoencoderViewModel.TrainingNoise.NONE);
        Label caption = d.caption("diagram.noisyInput");
        caption.visibleProperty().bind(noisy);
        caption.managedProperty().bind(noisy);
        VBox input = new VBox(2, d.tensor("diagram-input",
                () -> (noisy.get() ? "\\tilde{x}" : "x") + ": m \\times " + ModelDiagram.PIXELS, noisy), caption);
        input.setAlignment(Pos.CENTER_LEFT);
        return d.flow(input, d.encoder("q(z \\mid x)"),
                d.tensor("diagram-latent", () -> "z: m \\times " + vm.latentSizeProperty().get(), vm.latentSizeProperty()),
                d.decoder("p(x \\mid z)"), d.tensor("diagram-output", () -> "\\hat{x}: m \\times " + ModelDiagram.PIXELS));
    }
}

package org.latentexplorer.ui.gan;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.value.ObservableNumberValue;
import org.latentexplorer.engine.gan.Architecture;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Formulas;
import org.latentexplorer.ui.widgets.LossFormulaPanel;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Equation;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Loss;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Term;
import org.latentexplorer.ui.widgets.ModelDiagram;

/** The GAN drawn and its minimax game written as the chapter does, bound to the section's settings. */
public final class GanFigures {
    private GanFigures() {
    }

    /** The minimax value V(D, G) and the Generator loss chosen in the inspector. */
    public static LossFormulaPanel lossPanel(GanViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, loss(vm));
        LossFormulaPanel.bind(panel, () -> loss(vm), vm.generatorLossProperty());
        return panel;
    }

    private static Loss loss(GanViewModel vm) {
        String train = TrainingViewModel.TRAIN;
        // The engine's D loss is the mean binary cross-entropy over m real and m generated images: −V / 2.
        ObservableNumberValue v = vm.latest(train, Gan.D_LOSS).multiply(-2);
        return new Loss(List.of(new Equation("formula.gan.minimax", Formulas.GAN_MINIMAX),
                LossFormulaPanel.generatorEquation(vm.generatorLossProperty().get())),
                List.of(new Term("formula.term.v", "\\hat{V}(D, G)", v, "number.value"),
                        new Term("formula.term.dReal", "\\overline{D(x)}", vm.latest(train, Gan.D_REAL), "number.value"),
                        new Term("formula.term.dFake", "\\overline{D(G(z))}", vm.latest(train, Gan.D_FAKE),
                                "number.value"),
                        new Term("formula.term.gLoss", "L_G", vm.latest(train, Gan.G_LOSS), "number.value")));
    }

    /** z → Generator → x̃ = G(z), with real x beside it → Discriminator → one probability per image. */
    public static ModelDiagram diagram(GanViewModel vm, I18n i18n) {
        ModelDiagram d = new ModelDiagram(i18n, "diagram.legend.images", vm.batchSizeProperty());
        var architecture = vm.architectureProperty();
        // The MLP works on flat rows, DCGAN's convolutions on images.
        Callable<String> shape = () -> architecture.get() == Architecture.DCGAN
                ? "m \\times " + ModelDiagram.SIDE + " \\times " + ModelDiagram.SIDE : "m \\times " + ModelDiagram.PIXELS;
        return d.flow(d.tensor("diagram-noise", () -> "z: m \\times " + vm.latentSizeProperty().get(),
                        vm.latentSizeProperty()),
                d.generator(),
                d.images(d.tensor("diagram-fake", () -> "\\tilde{x} = G(z): " + shape.call(), architecture),
                        d.tensor("diagram-real", () -> "x: " + shape.call(), architecture)),
                d.discriminator(i18n.text("diagram.discriminator"), ModelDiagram.fixed("D(x)")),
                d.tensor("diagram-score", () -> "D(x),\\ D(\\tilde{x}): m \\times 1"));
    }
}

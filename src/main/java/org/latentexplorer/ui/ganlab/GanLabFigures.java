package org.latentexplorer.ui.ganlab;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Formulas;
import org.latentexplorer.ui.widgets.LossFormulaPanel;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Equation;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Loss;
import org.latentexplorer.ui.widgets.LossFormulaPanel.Term;
import org.latentexplorer.ui.widgets.ModelDiagram;

/** The 2-D lab's GAN drawn and its loss written as the chapter does (the GAN's or WGAN's), and the JSD and EMD definitions. */
public final class GanLabFigures {
    private GanLabFigures() {
    }

    /** The 2-D lab: the GAN's minimax value, or WGAN's Earth Mover form while WGAN is on. */
    public static LossFormulaPanel lossPanel(GanLabViewModel vm, I18n i18n) {
        LossFormulaPanel panel = new LossFormulaPanel(i18n, loss(vm));
        LossFormulaPanel.bind(panel, () -> loss(vm), vm.wganProperty(), vm.generatorLossProperty());
        return panel;
    }

    private static Loss loss(GanLabViewModel vm) {
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
                        LossFormulaPanel.generatorEquation(vm.generatorLossProperty().get()),
                        new Equation("formula.gan.optimalD", Formulas.GAN_OPTIMAL_D)),
                List.of(new Term("formula.term.v", "\\hat{V}(D, G)", vm.dLossProperty().negate(), "number.value"),
                        new Term("formula.term.dReal", "\\overline{D(x)}", vm.dRealProperty(), "number.value"),
                        new Term("formula.term.dFake", "\\overline{D(G(z))}", vm.dFakeProperty(), "number.value"),
                        new Term("formula.term.gLoss", "L_G", vm.gLossProperty(), "number.value"),
                        new Term("formula.term.jsdMeasured", "\\mathrm{JSD}(P_r \\,\\|\\, P_g)", vm.jsdProperty(),
                                "number.nats")));
    }

    /** The 2-D lab: points in the plane; with WGAN the Discriminator is a critic f with no sigmoid. */
    public static ModelDiagram diagram(GanLabViewModel vm, I18n i18n) {
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

    /** The JSD and EMD definitions with their values and slopes at the current shift θ. */
    public static LossFormulaPanel divergencePanel(JsdEmdViewModel vm, I18n i18n) {
        return new LossFormulaPanel(i18n, new Loss(
                List.of(new Equation("formula.jsd", Formulas.JSD), new Equation("formula.emd", Formulas.EMD)),
                List.of(new Term("formula.term.jsd", "\\mathrm{JSD}", vm.jsdProperty(), "jsdEmd.number.nats"),
                        new Term("formula.term.emd", "\\mathrm{EMD}", vm.emdProperty(), "jsdEmd.number.distance"),
                        new Term("formula.term.jsdSlope", "\\partial\\,\\mathrm{JSD} / \\partial\\theta",
                                vm.jsdSlopeProperty(), "jsdEmd.number.natsPerTheta"),
                        new Term("formula.term.emdSlope", "\\partial\\,\\mathrm{EMD} / \\partial\\theta",
                                vm.emdSlopeProperty(), "jsdEmd.number.perTheta"))));
    }
}

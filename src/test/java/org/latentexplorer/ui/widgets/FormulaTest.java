package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.ui.ganlab.GanLabFigures;
import org.latentexplorer.ui.gan.GanFigures;
import org.latentexplorer.ui.vqvae.VqVaeFigures;
import org.latentexplorer.ui.vae.VaeFigures;
import org.latentexplorer.ui.ae.AutoencoderFigures;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.ganlab.JsdEmdViewModel;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.latentexplorer.ui.vqvae.VqVaeViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Formulas typeset headless (Monocle, java.awt.headless), fall back to their source, and the loss panels stay live. */
@ExtendWith(ApplicationExtension.class)
class FormulaTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    /** Every LaTeX constant of {@link Formulas}, found by reflection so a new one is tested without listing it. */
    private static List<String> allFormulas() throws IllegalAccessException {
        List<String> all = new ArrayList<>();
        for (Field f : Formulas.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                all.add((String) f.get(null));
            }
        }
        return all;
    }

    private static long inkedPixels(Image image) {
        PixelReader r = image.getPixelReader();
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (r.getArgb(x, y) >>> 24 != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void everyFormulaTypesetsHeadlessToAnInkedImage() throws Exception {
        List<String> all = allFormulas();
        assertThat(all).hasSizeGreaterThanOrEqualTo(19);
        for (String latex : all) {
            Formula f = onFx(() -> show(new Formula(latex)));
            assertThat(onFx(f::isFallback)).as(latex).isFalse();
            Image image = onFx(f::image);
            assertThat(image.getWidth()).as(latex).isGreaterThan(20);
            assertThat(image.getHeight()).as(latex).isGreaterThan(8);
            assertThat(inkedPixels(image)).as(latex).isGreaterThan(50);
            assertThat(onFx(() -> f.getGraphic() != null && f.getText().isEmpty())).isTrue();
        }
    }

    private <T extends Node> T show(T node) {
        root.getChildren().setAll(node);
        root.applyCss();
        root.layout();
        return node;
    }

    @Test
    void brokenLatexShowsItsSourceAsTextWithoutThrowing() throws Exception {
        String broken = "\\frac{1}{2} + \\notacommand{x}";
        Formula f = onFx(() -> show(new Formula(broken)));
        assertThat(onFx(f::isFallback)).isTrue();
        assertThat(onFx(f::getText)).isEqualTo(broken);
        assertThat(onFx(f::getGraphic)).isNull();
        // Fixed, it typesets again.
        fx(() -> f.setLatex("\\frac{1}{2}"));
        assertThat(onFx(f::isFallback)).isFalse();
        assertThat(onFx(f::getGraphic)).isNotNull();
    }

    @Test
    void followsTheTextColourAndFontSize() throws Exception {
        Formula f = onFx(() -> show(new Formula(Formulas.VAE_KL)));
        fx(() -> f.setTextFill(Color.BLACK));
        Image black = onFx(f::image);
        fx(() -> f.setTextFill(Color.WHITE));
        Image white = onFx(f::image);
        assertThat(white).isNotSameAs(black);
        assertThat(brightestInk(white)).isGreaterThan(0.9);
        assertThat(brightestInk(black)).isLessThan(0.1);

        fx(() -> f.setFont(Font.font(f.getFont().getSize() * 2)));
        Image large = onFx(f::image);
        assertThat(large.getWidth()).isGreaterThan(1.8 * white.getWidth());
        // The view shows the image at its own size: the window's output scale is 1 here.
        assertThat(onFx(() -> f.prefWidth(-1))).isGreaterThanOrEqualTo(large.getWidth());
        // Back to the first size and colour: the cached image, not a new one.
        fx(() -> {
            f.setFont(Font.font(f.getFont().getSize() / 2));
            f.setTextFill(Color.BLACK);
        });
        assertThat(onFx(f::image)).isSameAs(black);
    }

    @Test
    void aFormulaWiderThanItsColumnShrinksToFitIt() throws Exception {
        Formula f = onFx(() -> new Formula(Formulas.GAN_MINIMAX));
        double natural = onFx(() -> f.prefWidth(-1));
        VBox column = onFx(() -> {
            VBox v = new VBox(f);
            v.setMaxWidth(natural * 0.8);
            return show(v);
        });
        assertThat(onFx(f::getWidth)).isCloseTo(natural * 0.8, offset(1.0));
        assertThat(onFx(() -> f.getGraphic().getLayoutBounds().getWidth())).isLessThanOrEqualTo(natural * 0.8 + 0.5);
        assertThat(onFx(f::getHeight)).isLessThan(onFx(() -> f.prefHeight(-1)));
        assertThat(onFx(column::getWidth)).isCloseTo(natural * 0.8, offset(1.0));
    }

    /** The brightness of the most opaque pixel: the ink's colour without the anti-aliased edges. */
    private static double brightestInk(Image image) {
        PixelReader r = image.getPixelReader();
        Color best = Color.TRANSPARENT;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (c.getOpacity() > best.getOpacity()) {
                    best = c;
                }
            }
        }
        return best.getBrightness();
    }

    @Test
    void aTermsValueFollowsItsProperty() throws Exception {
        SimpleDoubleProperty kl = new SimpleDoubleProperty(Double.NaN);
        LossFormulaPanel panel = onFx(() -> show(new LossFormulaPanel(i18n, Formulas.VAE_LOSS,
                List.of(new LossFormulaPanel.Term("formula.term.kl", kl, "number.nats")))));
        Label value = (Label) onFx(() -> panel.lookup("#formula-term-kl"));
        assertThat(onFx(value::getText)).isEqualTo("–");
        fx(() -> kl.set(3.25));
        assertThat(onFx(value::getText)).isEqualTo("3.25 nats");
        fx(() -> i18n.setLocale(Locale.JAPANESE));
        assertThat(onFx(value::getText)).isEqualTo("3.25 nat");
        assertThat(onFx(() -> texts(panel))).contains("KL の項", "損失関数 (章の表記)");
        fx(() -> i18n.setLocale(Locale.ENGLISH));
    }

    @Test
    void theVaePanelShowsTheViewModelsTermsAndItsReconstructionForm() throws Exception {
        VaeViewModel vm = onFx(() -> new VaeViewModel(i18n, FxTestSupport.worker()));
        try {
            LossFormulaPanel panel = onFx(() -> show(VaeFigures.lossPanel(vm, i18n)));
            assertEverythingTypeset(panel);
            Label kl = (Label) onFx(() -> panel.lookup("#formula-term-kl"));
            fx(() -> vm.latest(TrainingViewModel.TRAIN, VariationalAutoencoder.KL).set(6.5));
            assertThat(onFx(kl::getText)).isEqualTo("6.50 nats");
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.VAE_RECON_BCE)
                    .doesNotContain(Formulas.VAE_RECON_SQUARED_ERROR);
            fx(() -> vm.reconstructionProperty().set(Reconstruction.SQUARED_ERROR));
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.VAE_RECON_SQUARED_ERROR)
                    .doesNotContain(Formulas.VAE_RECON_BCE);
            // The rebuilt table is bound to the same live value.
            Label rebuilt = (Label) onFx(() -> panel.lookup("#formula-term-kl"));
            assertThat(onFx(rebuilt::getText)).isEqualTo("6.50 nats");
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theGanPanelShowsTheMinimaxValueFromTheDiscriminatorsLoss() throws Exception {
        GanViewModel vm = onFx(() -> new GanViewModel(i18n, FxTestSupport.worker()));
        try {
            LossFormulaPanel panel = onFx(() -> show(GanFigures.lossPanel(vm, i18n)));
            assertEverythingTypeset(panel);
            // The engine's D loss is the mean cross-entropy over 2m images, −V / 2.
            fx(() -> vm.latest(TrainingViewModel.TRAIN, Gan.D_LOSS).set(0.7));
            assertThat(onFx(() -> ((Label) panel.lookup("#formula-term-v")).getText())).isEqualTo("-1.40");
            fx(() -> vm.generatorLossProperty().set(GeneratorLoss.MINIMAX));
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.GAN_G_MINIMAX);
            fx(() -> vm.generatorLossProperty().set(GeneratorLoss.NON_SATURATING));
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.GAN_G_NON_SATURATING);
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theLabPanelSwitchesBetweenTheMinimaxGameAndWgan() throws Exception {
        GanLabViewModel vm = onFx(() -> new GanLabViewModel(i18n, FxTestSupport.worker()));
        try {
            LossFormulaPanel panel = onFx(() -> show(GanLabFigures.lossPanel(vm, i18n)));
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.GAN_MINIMAX, Formulas.GAN_OPTIMAL_D);
            fx(() -> vm.wganProperty().set(true));
            assertThat(onFx(() -> latexes(panel))).contains(Formulas.WGAN, Formulas.WGAN_CLIPPING)
                    .doesNotContain(Formulas.GAN_MINIMAX);
            assertEverythingTypeset(panel);
            assertThat(onFx(() -> panel.lookup("#formula-term-clip"))).isNotNull();
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theOtherPanelsTypesetEveryFormulaAndSymbol() throws Exception {
        AutoencoderViewModel ae = onFx(() -> new AutoencoderViewModel(i18n, FxTestSupport.worker()));
        VqVaeViewModel vq = onFx(() -> new VqVaeViewModel(i18n, FxTestSupport.worker()));
        try {
            List<Supplier<LossFormulaPanel>> panels = List.of(() -> AutoencoderFigures.lossPanel(ae, i18n),
                    () -> VqVaeFigures.lossPanel(vq, i18n),
                    () -> GanLabFigures.divergencePanel(new JsdEmdViewModel(), i18n));
            for (Supplier<LossFormulaPanel> p : panels) {
                LossFormulaPanel panel = onFx(() -> show(p.get()));
                assertEverythingTypeset(panel);
                // Every term shows a number: the divergence panel's at once, the models' a dash until training.
                assertThat(onFx(() -> ((GridPane) panel.lookup("#loss-terms")).getChildren()))
                        .isNotEmpty();
            }
        } finally {
            ae.shutdown();
            vq.shutdown();
        }
    }

    private static void assertEverythingTypeset(Parent panel) throws Exception {
        List<Formula> formulas = onFx(() -> formulas(panel));
        assertThat(formulas).isNotEmpty();
        for (Formula f : formulas) {
            assertThat(onFx(f::isFallback)).as(onFx(f::getLatex)).isFalse();
        }
    }

    private static List<Formula> formulas(Parent parent) {
        return parent.lookupAll(".latex").stream().map(Formula.class::cast).toList();
    }

    private static List<String> latexes(Parent parent) {
        return formulas(parent).stream().map(Formula::getLatex).toList();
    }

    private static List<String> texts(Parent parent) {
        return parent.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }
}

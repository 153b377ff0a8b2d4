package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.ganlab.GanLabFigures;
import org.latentexplorer.ui.gan.GanFigures;
import org.latentexplorer.ui.vqvae.VqVaeFigures;
import org.latentexplorer.ui.vae.VaeFigures;
import org.latentexplorer.ui.ae.AutoencoderFigures;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.latentexplorer.ui.vqvae.VqVaeViewModel;

/** The Encoder/Decoder diagrams headless: their tensor shapes follow the view models' settings, in both languages. */
@ExtendWith(ApplicationExtension.class)
class ModelDiagramTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 1000, 400));
        stage.show();
    }

    private ModelDiagram show(ModelDiagram d) {
        root.getChildren().setAll(d);
        root.applyCss();
        root.layout();
        return d;
    }

    private static String latex(Node diagram, String id) throws Exception {
        return onFx(() -> ((Formula) diagram.lookup("#" + id)).getLatex());
    }

    private static List<String> texts(Node diagram) throws Exception {
        return onFx(() -> diagram.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void theVaesLatentShapeFollowsTheLatentSize() throws Exception {
        VaeViewModel vm = onFx(() -> new VaeViewModel(i18n, FxTestSupport.worker()));
        try {
            ModelDiagram d = onFx(() -> show(VaeFigures.diagram(vm, i18n)));
            assertThat(latex(d, "diagram-input")).isEqualTo("x: m \\times 784");
            assertThat(latex(d, "diagram-latent")).isEqualTo("z: m \\times 2");
            assertThat(latex(d, "diagram-moments")).endsWith("m \\times 2");
            fx(() -> vm.latentSizeProperty().set(16));
            assertThat(latex(d, "diagram-latent")).isEqualTo("z: m \\times 16");
            assertThat(latex(d, "diagram-moments")).endsWith("m \\times 16");
            assertThat(texts(d)).contains("Encoder", "Decoder", "Reparameterization")
                    .anyMatch(t -> t.startsWith("m = 128:"));
            fx(() -> vm.batchSizeProperty().set(64));
            assertThat(texts(d)).anyMatch(t -> t.startsWith("m = 64:"));
            fx(() -> i18n.setLocale(Locale.JAPANESE));
            assertThat(texts(d)).contains("エンコーダ", "デコーダ", "再パラメータ化トリック");
            fx(() -> i18n.setLocale(Locale.ENGLISH));
            assertAllTypeset(d);
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theAutoencoderShowsANoisyInputForDenoising() throws Exception {
        AutoencoderViewModel vm = onFx(() -> new AutoencoderViewModel(i18n, FxTestSupport.worker()));
        try {
            ModelDiagram d = onFx(() -> show(AutoencoderFigures.diagram(vm, i18n)));
            assertThat(latex(d, "diagram-input")).isEqualTo("x: m \\times 784");
            fx(() -> vm.trainingNoiseProperty().set(AutoencoderViewModel.TrainingNoise.GAUSSIAN));
            assertThat(latex(d, "diagram-input")).isEqualTo("\\tilde{x}: m \\times 784");
            fx(() -> vm.latentSizeProperty().set(8));
            assertThat(latex(d, "diagram-latent")).isEqualTo("z: m \\times 8");
            assertAllTypeset(d);
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theVqVaeGridFollowsTheCodeDimensionAndCodebookSize() throws Exception {
        VqVaeViewModel vm = onFx(() -> new VqVaeViewModel(i18n, FxTestSupport.worker()));
        try {
            ModelDiagram d = onFx(() -> show(VqVaeFigures.diagram(vm, i18n)));
            assertThat(latex(d, "diagram-ze")).isEqualTo("z_e: m \\times 7 \\times 7 \\times 8");
            fx(() -> {
                vm.latentSizeProperty().set(4);
                vm.codebookSizeProperty().set(64);
            });
            assertThat(latex(d, "diagram-zq")).isEqualTo("z_q: m \\times 7 \\times 7 \\times 4");
            assertThat(texts(d)).contains("Nearest of 64 codes");
            assertAllTypeset(d);
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theGanFollowsItsNoiseSize() throws Exception {
        GanViewModel vm = onFx(() -> new GanViewModel(i18n, FxTestSupport.worker()));
        try {
            ModelDiagram d = onFx(() -> show(GanFigures.diagram(vm, i18n)));
            assertThat(latex(d, "diagram-noise")).isEqualTo("z: m \\times 100");
            assertThat(latex(d, "diagram-fake")).isEqualTo("\\tilde{x} = G(z): m \\times 784");
            assertThat(texts(d)).contains("Generator", "Discriminator", "real data", "generated");
            fx(() -> vm.latentSizeProperty().set(64));
            assertThat(latex(d, "diagram-noise")).isEqualTo("z: m \\times 64");
            assertAllTypeset(d);
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void theLabsDiscriminatorBecomesACriticUnderWgan() throws Exception {
        GanLabViewModel vm = onFx(() -> new GanLabViewModel(i18n, FxTestSupport.worker()));
        try {
            ModelDiagram d = onFx(() -> show(GanLabFigures.diagram(vm, i18n)));
            assertThat(latex(d, "diagram-real")).isEqualTo("x: m \\times 2");
            assertThat(texts(d)).contains("Discriminator");
            fx(() -> vm.wganProperty().set(true));
            assertThat(texts(d)).contains("Critic").doesNotContain("Discriminator");
            assertThat(latex(d, "diagram-score")).startsWith("f(x)");
            fx(() -> vm.noiseSizeProperty().set(3));
            assertThat(latex(d, "diagram-noise")).isEqualTo("z: m \\times 3");
            assertAllTypeset(d);
        } finally {
            vm.shutdown();
        }
    }

    private static void assertAllTypeset(Node diagram) throws Exception {
        List<Formula> formulas = onFx(() -> diagram.lookupAll(".latex").stream().map(Formula.class::cast).toList());
        assertThat(formulas).hasSizeGreaterThanOrEqualTo(5);
        for (Formula f : formulas) {
            assertThat(onFx(f::isFallback)).as(onFx(f::getLatex)).isFalse();
        }
    }
}

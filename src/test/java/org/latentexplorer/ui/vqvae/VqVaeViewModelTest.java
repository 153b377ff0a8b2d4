package org.latentexplorer.ui.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.vqvae.CodePrior;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.widgets.Drawing;
import org.testfx.api.FxToolkit;

/** The VQ-VAE view model without a window: code maps, codebook use, single codes and samples from the priors. */
class VqVaeViewModelTest {
    private VqVaeViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new VqVaeViewModel(new I18n(Locale.ENGLISH), FxTestSupport.worker());
        vm.initialize();
        waitUntil(120, () -> vm.modelOpenProperty().get() && vm.codeMapProperty().get() != null
                && vm.usageProperty().get() != null && vm.samplesProperty().get() != null && !vm.busyProperty().get());
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void opensWithTheShippedVqVaeItsCodeMapAndItsCodebookUse() throws Exception {
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).contains("vqvae-mnist");
        int k = onFx(() -> vm.modelCodebookSizeProperty().get());
        assertThat(k).isEqualTo(32);
        int[] map = onFx(() -> vm.codeMapProperty().get());
        assertThat(map).hasSize(49);
        assertThat(Arrays.stream(map).allMatch(c -> c >= 0 && c < k)).isTrue();
        long[] usage = onFx(() -> vm.usageProperty().get());
        assertThat(Arrays.stream(usage).sum()).isEqualTo(1000L * 49);
        // Restart kept the codebook in use: at least half of K in effect.
        assertThat(onFx(() -> vm.perplexityProperty().get())).isGreaterThanOrEqualTo(k / 2.0);
        // The autoregressive prior explains the held-out maps in fewer bits than the per-position one.
        assertThat(onFx(() -> vm.autoregressiveBitsProperty().get()))
                .isLessThan(onFx(() -> vm.perPositionBitsProperty().get()));
        assertThat(onFx(() -> vm.perPositionBitsProperty().get())).isLessThan(onFx(() -> vm.uniformBitsProperty().get()));
    }

    @Test
    void anotherImageAnotherCodeAndNewSamplesEachChangeWhatIsShown() throws Exception {
        int[] first = onFx(() -> vm.codeMapProperty().get());
        fx(() -> vm.selectedImageProperty().set(3));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.codeMapProperty().get())).isNotEqualTo(first);
        assertThat(onFx(() -> vm.inputProperty().get()))
                .isEqualTo(onFx(() -> vm.previewsProperty().get().images().get(3)));

        float[] code = onFx(() -> vm.codeImageProperty().get().images().get(0));
        fx(() -> vm.selectedCodeProperty().set(7));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.codeImageProperty().get().images().get(0))).isNotEqualTo(code);

        ImageGrid samples = onFx(() -> vm.samplesProperty().get());
        assertThat(samples.size()).isEqualTo(VqVaeViewModel.SAMPLES);
        fx(vm::resample);
        FxTestSupport.settle(vm);
        ImageGrid again = onFx(() -> vm.samplesProperty().get());
        assertThat(again.images().get(0)).isNotEqualTo(samples.images().get(0));
        fx(() -> vm.priorKindProperty().set(CodePrior.Kind.PER_POSITION));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.samplesProperty().get().images().get(0))).isNotEqualTo(again.images().get(0));
    }

    @Test
    void aDrawingsCodeMapFollowsEveryStrokeAndAClearedPadShowsNone() throws Exception {
        Drawing seven = Drawing.blank(28).begin(false, 0.2, 0.2).extend(0.7, 0.2).extend(0.4, 0.8);
        fx(() -> vm.inputProperty().set(seven.pixels()));
        FxTestSupport.settle(vm);
        int[] map = onFx(() -> vm.codeMapProperty().get());
        assertThat(map).hasSize(49);
        int[] expected = FxTestSupport.askModelInView(vm, m -> ((org.latentexplorer.engine.vqvae.VqVae) m).codeIndices(
                org.latentexplorer.engine.core.Tensors.rows(seven.pixels(), 1))[0]);
        assertThat(map).containsExactly(expected);
        float[] recon = onFx(() -> vm.reconstructionProperty().get().images().get(0));

        // A bar across the seven: another code map and another reconstruction.
        fx(() -> vm.inputProperty().set(seven.begin(false, 0.3, 0.5).extend(0.65, 0.5).pixels()));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.codeMapProperty().get())).hasSize(49).isNotEqualTo(map);
        assertThat(onFx(() -> vm.reconstructionProperty().get().images().get(0))).isNotEqualTo(recon);

        fx(() -> vm.inputProperty().set(null));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.codeMapProperty().get())).isNull();
        assertThat(onFx(() -> vm.reconstructionProperty().get())).isNull();
        // Choosing a held-out image puts it back as the input.
        fx(() -> vm.selectedImageProperty().set(2));
        FxTestSupport.settle(vm);
        assertThat(onFx(() -> vm.inputProperty().get()))
                .isEqualTo(onFx(() -> vm.previewsProperty().get().images().get(2)));
        assertThat(onFx(() -> vm.codeMapProperty().get())).hasSize(49);
    }
}

package org.latentexplorer.ui.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;

/**
 * AE against VAE, without a JavaFX toolkit: the test's thread plays the UI thread and runs what the worker hands back.
 */
class CompareViewModelTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    /** Runs what the worker hands back until {@code done} holds; at most 120 s. */
    private void runUiUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the view model got there in time").isLessThan(deadline);
            Runnable r = ui.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    @Test
    void bothModelsShowTheSameImagesAndSamplesFromTheirPrior() throws Exception {
        CompareViewModel vm = new CompareViewModel(new I18n(Locale.ENGLISH), Background.thread("compare", ui::add));
        try {
            vm.load();
            runUiUntil(() -> vm.readyProperty().get() && vm.ae().samplesProperty().get() != null
                    && vm.vae().samplesProperty().get() != null && vm.vae().interpolationProperty().get() != null
                    && vm.ae().decodedProperty().get() != null && vm.vae().decodedProperty().get() != null);
            assertThat(vm.inputsProperty().get().size()).isEqualTo(CompareViewModel.IMAGES);
            for (CompareViewModel.Side s : java.util.List.of(vm.ae(), vm.vae())) {
                assertThat(s.pointsProperty().get().size()).isEqualTo(1000);
                assertThat(s.reconstructionsProperty().get().size()).isEqualTo(CompareViewModel.IMAGES);
                assertThat(s.samplesProperty().get().size()).isEqualTo(CompareViewModel.IMAGES);
                assertThat(s.interpolationProperty().get().size()).isEqualTo(CompareViewModel.INTERPOLATION_STEPS);
            }
            // The interpolation starts at endpoint A's reconstruction, not at some other image.
            assertThat(vm.endpointsProperty().get().size()).isEqualTo(2);
            assertThat(vm.messageProperty().get()).isEmpty();
        } finally {
            vm.shutdown();
        }
    }

    @Test
    void closingWhileResultsAreOnTheirWayDropsThemAndNeverThrows() throws Exception {
        // The fault once seen on a clean clone: load()'s last callback, run after shutdown, asked the closed worker for
        // samples and threw RejectedExecutionException into whatever ran next on the UI thread.
        CompareViewModel vm = new CompareViewModel(new I18n(Locale.ENGLISH), Background.thread("compare", ui::add));
        vm.load();
        runUiUntil(() -> vm.readyProperty().get());
        // ready's callback has just asked for samples and an interpolation; close before their results arrive.
        vm.shutdown();
        assertThatCode(() -> {
            for (Runnable r; (r = ui.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
                r.run();
            }
            vm.sample();
            vm.ae().cursorXProperty().set(1.5);
            vm.endpointBProperty().set(5);
            vm.load();
        }).doesNotThrowAnyException();
        Thread.sleep(300);
        assertThat(ui).as("a closed view model hands nothing more to the UI thread").isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}

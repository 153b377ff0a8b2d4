package org.latentexplorer.ui.training;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.testfx.util.WaitForAsyncUtils;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.shell.LatentExplorerApp;

/** Helpers for tests that read view-model properties, which change only on the FX thread. */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    /** A worker that hands its results to the FX thread, as a view model's in the app. */
    public static Background worker() {
        return Background.thread("test-worker", Platform::runLater);
    }

    /**
     * Waits until the view model's worker has done everything asked of it so far and the results are on the FX thread
     * (at most 60 s), so a test reads a settled state instead of "something changed". Not for the FX thread.
     */
    public static void settle(TrainingViewModel vm) throws Exception {
        vm.background.awaitIdle(java.time.Duration.ofSeconds(60));
    }

    /** What the model in view (the inference copy) answers, asked on the view model's worker after what is queued. */
    public static <T> T askModelInView(TrainingViewModel vm, java.util.function.Function<GenerativeModel, T> question)
            throws Exception {
        java.util.concurrent.CompletableFuture<T> answer = new java.util.concurrent.CompletableFuture<>();
        vm.background.run(() -> answer.complete(question.apply(vm.inference)));
        return answer.get(60, TimeUnit.SECONDS);
    }

    /** The train / held-out split the view model trains on. */
    public static Split split(TrainingViewModel vm) {
        return vm.split;
    }

    /** Waits until the condition, evaluated on the FX thread, holds. */
    public static void waitUntil(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
    }

    public static <T> T onFx(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Runs a command on the FX thread and waits for it, as a view's button would call it. */
    public static void fx(Runnable command) throws Exception {
        onFx(() -> {
            command.run();
            return null;
        });
    }

    /** Shows one view on the test's stage with the app's stylesheet, as the window would. */
    public static void show(javafx.stage.Stage stage, javafx.scene.Parent view, double width, double height) {
        javafx.scene.Scene scene = new javafx.scene.Scene(view, width, height);
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("/org/latentexplorer/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}

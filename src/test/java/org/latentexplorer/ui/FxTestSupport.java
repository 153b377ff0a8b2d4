package org.latentexplorer.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for tests that read view-model properties, which change only on the FX thread. */
final class FxTestSupport {
    private FxTestSupport() {
    }

    /** A worker that hands its results to the FX thread, as a view model's in the app. */
    static Background worker() {
        return Background.thread("test-worker", Platform::runLater);
    }

    /**
     * Waits until the view model's worker has done everything asked of it so far and the results are on the FX thread
     * (at most 60 s), so a test reads a settled state instead of "something changed". Not for the FX thread.
     */
    static void settle(TrainingViewModel vm) throws Exception {
        vm.background.awaitIdle(java.time.Duration.ofSeconds(60));
    }

    /** Waits until the condition, evaluated on the FX thread, holds. */
    static void waitUntil(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Runs a command on the FX thread and waits for it, as a view's button would call it. */
    static void fx(Runnable command) throws Exception {
        onFx(() -> {
            command.run();
            return null;
        });
    }

    /** Shows one view on the test's stage with the app's stylesheet, as the window would. */
    static void show(javafx.stage.Stage stage, javafx.scene.Parent view, double width, double height) {
        javafx.scene.Scene scene = new javafx.scene.Scene(view, width, height);
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("/org/latentexplorer/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}

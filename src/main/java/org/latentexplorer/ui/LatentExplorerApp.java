package org.latentexplorer.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/** The JavaFX application: builds the window around one MainViewModel. */
public final class LatentExplorerApp extends Application {
    private MainViewModel vm;

    @Override
    public void start(Stage stage) {
        vm = new MainViewModel(new I18n(I18n.systemDefault()), Platform::runLater);
        show(stage, vm);
        logStartup(vm);
        vm.initialize();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.shutdown();
        }
    }

    /** Builds and shows the window; tests call this with their own stage. */
    public static MainView show(Stage stage, MainViewModel vm) {
        String family = loadJapaneseFont();
        MainView view = new MainView(vm);
        // The bundled font covers Latin and Japanese alike, so every OS renders both languages without a CJK font installed.
        view.setStyle("-fx-font-family: \"" + family + "\";");
        // Fits a projector's 1280 × 720 as well as a desktop screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("/org/latentexplorer/ui/app.css").toExternalForm());
        applyTheme(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((o, a, b) -> applyTheme(b));
        stage.titleProperty().bind(vm.i18n().text("app.title"));
        stage.setScene(scene);
        // A stage that was shown before (tests reuse one) keeps its old size unless told.
        stage.sizeToScene();
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.show();
        return view;
    }

    /** Startup milestones, in milliseconds since the JVM started; jpackage/launch-test.sh waits for and times them. */
    private static void logStartup(MainViewModel vm) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LatentExplorerApp.class);
        java.lang.management.RuntimeMXBean jvm = java.lang.management.ManagementFactory.getRuntimeMXBean();
        log.info("Window shown after {} ms", jvm.getUptime());
        vm.engineReadyProperty().addListener((o, was, ready) -> {
            if (ready) {
                log.info("Engine ready after {} ms", jvm.getUptime());
            }
        });
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static String loadJapaneseFont() {
        try (InputStream in = LatentExplorerApp.class.getResourceAsStream("/org/latentexplorer/fonts/ipaexg.ttf")) {
            Font f = in == null ? null : Font.loadFont(in, 13);
            return f != null ? f.getFamily() : "System";
        } catch (java.io.IOException e) {
            return "System";
        }
    }
}

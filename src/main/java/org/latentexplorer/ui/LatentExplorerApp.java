package org.latentexplorer.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: builds the window around one MainViewModel, with the settings the last run remembered. */
public final class LatentExplorerApp extends Application {
    private MainViewModel vm;
    private SettingsStore settings;

    @Override
    public void start(Stage stage) {
        settings = SettingsStore.forUser();
        vm = new MainViewModel(new I18n(I18n.systemDefault()), Platform::runLater);
        vm.restore(settings.load());
        show(stage, vm);
        logStartup(vm);
        vm.initialize();
        vm.onSettingsChanged(() -> settings.saveLater(vm.settings()));
        // An experiment file the app was opened with (a double-click in the file manager) opens once the sections have loaded.
        getParameters().getRaw().stream().findFirst().ifPresent(file -> vm.experiments().open(java.nio.file.Path.of(file)));
    }

    @Override
    public void stop() {
        if (vm != null) {
            settings.saveAndClose(vm.settings());
            vm.shutdown();
        }
    }

    /** Builds and shows the window, where the view model's window bounds say if they fit a screen; tests call this. */
    public static MainView show(Stage stage, MainViewModel vm) {
        String family = loadJapaneseFont();
        MainView view = new MainView(vm);
        // The bundled font covers Latin and Japanese alike, so every OS renders both languages without a CJK font installed.
        view.setFontFamily(family);
        // Fits a projector's 1280 × 720 as well as a desktop screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("/org/latentexplorer/ui/app.css").toExternalForm());
        applyTheme(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((o, a, b) -> applyTheme(b));
        stage.titleProperty().bind(vm.i18n().text("app.title"));
        stage.setScene(scene);
        for (int size : new int[] {16, 32, 64, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(LatentExplorerApp.class.getResource(
                    "/org/latentexplorer/icons/latent-explorer-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        if (!placeWindow(stage, vm.windowProperty().get())) {
            // A stage that was shown before (tests reuse one) keeps its old size unless told.
            stage.sizeToScene();
        }
        followWindow(stage, vm);
        stage.show();
        view.buildHiddenSections();
        return view;
    }

    /**
     * Puts the window where it was last time, unless that place is on no screen now (a projector unplugged); false when
     * it does not.
     */
    private static boolean placeWindow(Stage stage, Settings.Window w) {
        if (w == null || Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height()).isEmpty()) {
            return false;
        }
        stage.setX(w.x());
        stage.setY(w.y());
        stage.setWidth(Math.max(stage.getMinWidth(), w.width()));
        stage.setHeight(Math.max(stage.getMinHeight(), w.height()));
        stage.setMaximized(w.maximized());
        return true;
    }

    /** Keeps the view model's window bounds and full-screen state in step with the stage. */
    private static void followWindow(Stage stage, MainViewModel vm) {
        javafx.beans.InvalidationListener moved = o -> {
            Settings.Window last = vm.windowProperty().get();
            // Maximized or full screen, the normal bounds stay what they were, for the next run's window to come back to.
            if (stage.isMaximized() || stage.isFullScreen()) {
                if (last != null) {
                    vm.windowProperty().set(new Settings.Window(last.x(), last.y(), last.width(), last.height(),
                            stage.isMaximized()));
                }
            } else {
                vm.windowProperty().set(new Settings.Window(stage.getX(), stage.getY(), stage.getWidth(),
                        stage.getHeight(), false));
            }
        };
        for (var p : new javafx.beans.Observable[] {stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty(), stage.fullScreenProperty()}) {
            p.addListener(moved);
        }
        vm.fullScreenProperty().addListener((o, a, b) -> {
            if (b) {
                stage.setFullScreenExitHint(vm.i18n().get("fullScreen.exitHint"));
            }
            stage.setFullScreen(b);
        });
        // Esc leaves full screen without the view model: it hears it here.
        stage.fullScreenProperty().addListener((o, a, b) -> vm.fullScreenProperty().set(b));
        if (vm.fullScreenProperty().get()) {
            stage.setFullScreen(true);
        }
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

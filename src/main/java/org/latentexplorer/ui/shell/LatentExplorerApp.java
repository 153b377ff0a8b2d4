package org.latentexplorer.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import javafx.animation.Animation;
import javafx.animation.TranslateTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.latentexplorer.i18n.Messages;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Palette;

/** The JavaFX application: builds the window around one MainViewModel, with the settings the last run remembered. */
public final class LatentExplorerApp extends Application {
    /** Completes when the window has first painted, for the work that should wait for it (Main's warm-ups). */
    private static final CompletableFuture<Void> WINDOW_SHOWN = new CompletableFuture<>();
    private MainViewModel vm;
    private SettingsStore settings;

    @Override
    public void start(Stage stage) {
        // None when not started by launch (tests start it directly).
        List<String> opened = getParameters() != null ? getParameters().getRaw() : List.of();
        settings = SettingsStore.forUser();
        Settings remembered = settings.loadFirst();
        // The window shows at once with the app's name alone; building its views and their first style pass takes
        // seconds on a slow machine, and until the window is there the user cannot tell the app started.
        Scene scene = open(stage, remembered.window(), Boolean.TRUE.equals(remembered.darkTheme()));
        stage.show();
        whenOnScreen(stage, scene, () -> {
            StartupLog.windowShown();
            WINDOW_SHOWN.complete(null);
            vm = new MainViewModel(new I18n(I18n.systemDefault()), Platform::runLater);
            vm.restore(remembered);
            StartupLog.followEngine(vm);
            MainView view = fill(stage, scene, vm);
            vm.onSettingsChanged(() -> settings.saveLater(vm.settings()));
            // The loading (ND4J, data sets, models) starts once the section has painted: on two cores it would slow
            // the section's first style and layout pass by a second or more.
            afterNextFrame(scene, () -> {
                StartupLog.sectionShown();
                vm.initialize();
                view.buildHiddenSections();
                // An experiment file the app was opened with (a double-click in the file manager) opens once the
                // sections have loaded.
                opened.stream().findFirst().ifPresent(file -> vm.experiments().open(Path.of(file)));
            });
        });
    }

    @Override
    public void stop() {
        if (vm != null) {
            settings.saveAndClose(vm.settings());
            vm.shutdown();
        }
    }

    /** When the window {@link #start} opened has first painted (not one shown through {@link #show}). */
    public static CompletableFuture<Void> windowShown() {
        return WINDOW_SHOWN;
    }

    /** Builds and shows the window, where the view model's window bounds say if they fit a screen; tests call this. */
    public static MainView show(Stage stage, MainViewModel vm) {
        Scene scene = open(stage, vm.windowProperty().get(), vm.darkThemeProperty().get());
        MainView view = fill(stage, scene, vm);
        stage.show();
        view.buildHiddenSections();
        return view;
    }

    /**
     * The window as it first shows: the app's icon and name on the theme's background, sized and placed as last time.
     * Nothing in it needs the app's style sheets, its font or a translation, so it costs next to nothing to show.
     */
    private static Scene open(Stage stage, Settings.Window last, boolean dark) {
        ImageView icon = new ImageView(new Image(icon(64)));
        stage.getIcons().setAll(icon.getImage());
        // The app's name reads the same in both languages; the remembered language is applied with the views.
        Text name = new Text(Messages.format(Locale.ENGLISH, "app.title"));
        name.setFont(Font.font(20));
        Palette.darkProperty().set(dark);
        name.setFill(Palette.foreground());
        VBox opening = new VBox(12, icon, name, busy(dark));
        opening.setAlignment(Pos.CENTER);
        // The background the theme will paint, so the window does not flash when its views arrive.
        opening.setStyle("-fx-background-color: " + Palette.web(Palette.paper()) + ";");
        // Fits a projector's 1280 × 720 as well as a desktop screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(opening, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        // A stage shown before (tests reuse one) has its title bound to the last view model's language.
        stage.titleProperty().unbind();
        stage.setTitle(name.getText());
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        if (!placeWindow(stage, last)) {
            // A stage that was shown before (tests reuse one) keeps its old size unless told.
            stage.sizeToScene();
        }
        return scene;
    }

    /** Puts the app's views into the window that {@link #open} made. */
    private static MainView fill(Stage stage, Scene scene, MainViewModel vm) {
        String family = loadJapaneseFont();
        MainView view = new MainView(vm);
        // The bundled font covers Latin and Japanese alike, so every OS renders both languages without a CJK font installed.
        view.setFontFamily(family);
        scene.getStylesheets().add(LatentExplorerApp.class.getResource("/org/latentexplorer/ui/app.css").toExternalForm());
        applyTheme(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((o, a, b) -> applyTheme(b));
        stage.titleProperty().bind(vm.i18n().text("app.title"));
        // Each size the OS may show (a task bar, a switcher), read once the window is up.
        for (int size : new int[] {16, 32, 256}) {
            stage.getIcons().add(new Image(icon(size)));
        }
        scene.setRoot(view);
        followWindow(stage, vm);
        return view;
    }

    /**
     * A bar that sweeps while the views are built, drawn from shapes: a ProgressBar would load the controls' default
     * style sheet (about 0.3 s) before the window could show.
     */
    private static Node busy(boolean dark) {
        Rectangle track = new Rectangle(160, 4, Color.web(dark ? "#30363d" : "#d0d7de"));
        Rectangle sweep = new Rectangle(48, 4, Color.web(dark ? "#58a6ff" : "#0969da"));
        Pane bar = new Pane(track, sweep);
        bar.setMaxSize(160, 4);
        bar.setClip(new Rectangle(160, 4));
        TranslateTransition move = new TranslateTransition(Duration.seconds(1.2), sweep);
        move.setFromX(-48);
        move.setToX(160);
        move.setCycleCount(Animation.INDEFINITE);
        move.play();
        // Stops with the opening view, not with the window.
        bar.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                move.stop();
            }
        });
        return bar;
    }

    private static String icon(int size) {
        return LatentExplorerApp.class.getResource("/org/latentexplorer/icons/latent-explorer-" + size + ".png")
                .toExternalForm();
    }

    /** Runs the work once the window has painted what it holds now (it paints after each pulse's layout). */
    private static void afterNextFrame(Scene scene, Runnable work) {
        afterFrames(scene, frame -> true, work);
    }

    /**
     * Runs the work once a new window is on screen with its content painted. A window shows some frames after
     * {@code show()}: the window manager maps it and the UI thread must be free to paint it then (a busy UI thread
     * leaves it white). Being focused says it was mapped; two frames later it is painted. Without a window manager
     * that focuses it, a third of a second of frames is waited instead.
     */
    private static void whenOnScreen(Stage stage, Scene scene, Runnable work) {
        int[] focusedAt = {-1};
        afterFrames(scene, frame -> {
            if (focusedAt[0] < 0 && stage.isFocused()) {
                focusedAt[0] = frame;
            }
            return focusedAt[0] >= 0 ? frame >= focusedAt[0] + 2 : frame >= 20;
        }, work);
    }

    /** Runs the work after the first frame (counted from 1) for which {@code done} says so. */
    private static void afterFrames(Scene scene, IntPredicate done, Runnable work) {
        Runnable[] listener = new Runnable[1];
        int[] frame = new int[1];
        listener[0] = () -> {
            if (!done.test(++frame[0])) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
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

    /**
     * Startup milestones, in milliseconds since the JVM started; jpackage/launch-test.sh waits for and times them. The
     * time is taken before the logger is asked for, so that the logger's own set-up does not count.
     */
    private static final class StartupLog {
        private StartupLog() {
        }

        static void windowShown() {
            log("Window shown after {} ms", uptime());
        }

        static void sectionShown() {
            log("Section shown after {} ms (its views built and painted)", uptime());
        }

        static void followEngine(MainViewModel vm) {
            vm.engineReadyProperty().addListener((o, was, ready) -> {
                if (ready) {
                    log("Engine ready after {} ms", uptime());
                }
            });
        }

        private static void log(String message, long uptime) {
            org.slf4j.LoggerFactory.getLogger(LatentExplorerApp.class).info(message, uptime);
        }

        private static long uptime() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }

    private static void applyTheme(boolean dark) {
        Palette.darkProperty().set(dark);
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

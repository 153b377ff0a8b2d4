package org.latentexplorer.app;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.latentexplorer.cli.LatentExplorerCli;
import org.latentexplorer.i18n.Messages;

/**
 * Starts the window with no arguments or with one experiment file (as a file manager passes it), the command line
 * with any other. Not an Application subclass: JavaFX runs from the class path here (nd4j's module descriptor rules
 * out the module path).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // First, before JavaFX's toolkit or ND4J's backend unpacks any native library.
        NativeCache.configure();
        if (!opensWindow(args)) {
            System.exit(LatentExplorerCli.execute(args));
        }
        String noDisplay = noDisplay(args, System::getenv, System.getProperty("os.name", ""),
                GraphicsEnvironment.isHeadless());
        if (noDisplay != null) {
            System.err.println(noDisplay);
            System.exit(1);
        }
        // The settings are read while JavaFX starts (the window needs them first); the formulas' fonts and tables
        // (about a second) load once the window shows, since on two cores they held it up by 0.3-0.4 s.
        Thread warmUp = new Thread(() -> {
            org.latentexplorer.ui.shell.SettingsStore.readAhead();
            org.latentexplorer.ui.shell.LatentExplorerApp.windowShown().join();
            org.latentexplorer.ui.widgets.Typesetting.warmUp();
        }, "start-up-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            javafx.application.Application.launch(org.latentexplorer.ui.shell.LatentExplorerApp.class, args);
        } catch (UnsupportedOperationException e) {
            // The toolkit's refusal of a display that is named but cannot be opened (a closed remote session, a
            // display the user may not use): the same line, not JavaFX's stack trace.
            System.err.println(noDisplayMessage(args));
            System.exit(1);
        }
    }

    /** No arguments, or just an experiment file's path: the window, which opens the file. */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1
                && args[0].toLowerCase(Locale.ROOT).endsWith(org.latentexplorer.engine.store.ExperimentFile.EXTENSION));
    }

    /**
     * The line to print instead of opening the window where there is no display to open it on, or null where there
     * may be one. On Linux the environment says: X11 and Wayland sessions set DISPLAY or WAYLAND_DISPLAY (AWT's
     * headless flag looks at DISPLAY only). Elsewhere a desktop is assumed unless Java was started headless.
     *
     * @param env the environment's variables by name, null for one not set
     * @param headless whether AWT counts this Java as headless
     */
    static String noDisplay(String[] args, UnaryOperator<String> env, String osName, boolean headless) {
        boolean none = osName.toLowerCase(Locale.ROOT).startsWith("linux")
                ? isBlank(env.apply("DISPLAY")) && isBlank(env.apply("WAYLAND_DISPLAY"))
                : headless;
        return none ? noDisplayMessage(args) : null;
    }

    /** That a display is needed, naming the file the window was to open, and that the command line needs none. */
    static String noDisplayMessage(String[] args) {
        return args.length == 1 ? Messages.format(Locale.getDefault(), "app.error.noDisplayFile", args[0])
                : Messages.format(Locale.getDefault(), "app.error.noDisplay");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

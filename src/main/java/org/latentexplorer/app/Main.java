package org.latentexplorer.app;

import org.latentexplorer.cli.LatentExplorerCli;

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
        if (opensWindow(args)) {
            javafx.application.Application.launch(org.latentexplorer.ui.LatentExplorerApp.class, args);
        } else {
            System.exit(LatentExplorerCli.execute(args));
        }
    }

    /** No arguments, or just an experiment file's path: the window, which opens the file. */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1
                && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(org.latentexplorer.engine.ExperimentFile.EXTENSION));
    }
}

package org.latentexplorer.app;

import org.latentexplorer.cli.LatentExplorerCli;

/**
 * Starts the window with no arguments, the command line with any. Not an Application subclass: JavaFX
 * runs from the class path here (nd4j's module descriptor rules out the module path).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // First, before JavaFX's toolkit or ND4J's backend unpacks any native library.
        NativeCache.configure();
        if (args.length == 0) {
            javafx.application.Application.launch(org.latentexplorer.ui.LatentExplorerApp.class);
        } else {
            System.exit(LatentExplorerCli.execute(args));
        }
    }
}

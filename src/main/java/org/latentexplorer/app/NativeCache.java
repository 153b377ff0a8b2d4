package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Properties;
import org.latentexplorer.data.UserFolder;

/**
 * Where the native libraries unpack: JavaCPP's (ND4J, OpenBLAS; about 400 MB) and JavaFX's. Their defaults,
 * ~/.javacpp/cache and ~/.openjfx/cache, litter the home folder; an installed app keeps them in the OS's
 * per-user cache folder instead, which the user can always write and cleaners know to empty.
 */
final class NativeCache {
    static final String JAVACPP_PROPERTY = "org.bytedeco.javacpp.cachedir";
    static final String JAVAFX_PROPERTY = "javafx.cachedir";

    private NativeCache() {
    }

    /** Points both libraries into the folder, keeping whatever the user set (with -D or the launcher's options). */
    static void configure(Properties system, Path folder) {
        system.putIfAbsent(JAVACPP_PROPERTY, folder.resolve("javacpp").toString());
        system.putIfAbsent(JAVAFX_PROPERTY, folder.resolve("openjfx").toString());
    }

    /** Configures this JVM; must run before anything loads ND4J or JavaFX. */
    static void configure() {
        configure(System.getProperties(), UserFolder.CACHE.forThisUser());
    }
}

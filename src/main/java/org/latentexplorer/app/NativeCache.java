package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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

    /**
     * The app's cache folder: %LOCALAPPDATA%\LatentExplorer\cache on Windows, ~/Library/Caches/LatentExplorer on
     * macOS, $XDG_CACHE_HOME/latent-explorer (or ~/.cache/latent-explorer) elsewhere.
     */
    static Path folder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("LatentExplorer").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("LatentExplorer");
        }
        // The XDG spec says a relative value is invalid and must be ignored.
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("latent-explorer");
    }

    /** Points both libraries into the folder, keeping whatever the user set (with -D or the launcher's options). */
    static void configure(Properties system, Path folder) {
        system.putIfAbsent(JAVACPP_PROPERTY, folder.resolve("javacpp").toString());
        system.putIfAbsent(JAVAFX_PROPERTY, folder.resolve("openjfx").toString());
    }

    /** Configures this JVM; must run before anything loads ND4J or JavaFX. */
    static void configure() {
        configure(System.getProperties(),
                folder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home"))));
    }
}

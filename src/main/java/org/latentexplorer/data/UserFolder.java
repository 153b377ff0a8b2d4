package org.latentexplorer.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The app's per-user folders, where each OS keeps them: settings in the configuration folder, the unpacked native
 * libraries in the cache folder (which the user can always write and cleaners know to empty).
 */
public enum UserFolder {
    /** %APPDATA%\LatentExplorer, ~/Library/Application Support/LatentExplorer, $XDG_CONFIG_HOME/latent-explorer. */
    CONFIG("APPDATA", "Roaming", null, "Application Support", "XDG_CONFIG_HOME", ".config"),
    /** %LOCALAPPDATA%\LatentExplorer\cache, ~/Library/Caches/LatentExplorer, $XDG_CACHE_HOME/latent-explorer. */
    CACHE("LOCALAPPDATA", "Local", "cache", "Caches", "XDG_CACHE_HOME", ".cache");

    private final String windowsVariable;
    private final String windowsFallback;
    private final String windowsLeaf;
    private final String macFolder;
    private final String xdgVariable;
    private final String xdgFallback;

    UserFolder(String windowsVariable, String windowsFallback, String windowsLeaf, String macFolder, String xdgVariable,
            String xdgFallback) {
        this.windowsVariable = windowsVariable;
        this.windowsFallback = windowsFallback;
        this.windowsLeaf = windowsLeaf;
        this.macFolder = macFolder;
        this.xdgVariable = xdgVariable;
        this.xdgFallback = xdgFallback;
    }

    /** This folder on the OS named {@code osName}, from its environment and the user's home. */
    public Path on(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String set = env.get(windowsVariable);
            Path base = set != null && !set.isBlank() ? Path.of(set) : home.resolve("AppData").resolve(windowsFallback);
            Path app = base.resolve("LatentExplorer");
            return windowsLeaf == null ? app : app.resolve(windowsLeaf);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve(macFolder).resolve("LatentExplorer");
        }
        // The XDG base directory spec: a relative value is invalid and ignored.
        String xdg = env.get(xdgVariable);
        boolean usable = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute();
        return (usable ? Path.of(xdg) : home.resolve(xdgFallback)).resolve("latent-explorer");
    }

    /** This folder for the user running this JVM. */
    public Path forThisUser() {
        return on(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}

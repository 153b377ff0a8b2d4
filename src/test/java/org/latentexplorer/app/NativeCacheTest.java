package org.latentexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.UserFolder;

class NativeCacheTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgCacheHomeWhenAbsolute() {
        assertThat(UserFolder.CACHE.on("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/ada"), HOME))
                .isEqualTo(Path.of("/var/cache/ada/latent-explorer"));
    }

    @Test
    void linuxFallsBackToDotCacheWhenXdgIsUnsetBlankOrRelative() {
        Path expected = Path.of("/home/ada/.cache/latent-explorer");
        assertThat(UserFolder.CACHE.on("Linux", Map.of(), HOME)).isEqualTo(expected);
        assertThat(UserFolder.CACHE.on("Linux", Map.of("XDG_CACHE_HOME", " "), HOME)).isEqualTo(expected);
        assertThat(UserFolder.CACHE.on("Linux", Map.of("XDG_CACHE_HOME", "cache"), HOME)).isEqualTo(expected);
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(UserFolder.CACHE.on("Windows 11", Map.of("LOCALAPPDATA", "/C/Users/ada/AppData/Local"), HOME))
                .isEqualTo(Path.of("/C/Users/ada/AppData/Local/LatentExplorer/cache"));
        assertThat(UserFolder.CACHE.on("Windows 10", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/AppData/Local/LatentExplorer/cache"));
    }

    @Test
    void macUsesLibraryCachesAndIgnoresXdg() {
        assertThat(UserFolder.CACHE.on("Mac OS X", Map.of("XDG_CACHE_HOME", "/tmp/x"), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Caches/LatentExplorer"));
    }

    @Test
    void configureSetsBothLibrariesButKeepsWhatTheUserSet() {
        Properties fresh = new Properties();
        NativeCache.configure(fresh, Path.of("/c"));
        assertThat(fresh).containsEntry(NativeCache.JAVACPP_PROPERTY, Path.of("/c/javacpp").toString())
                .containsEntry(NativeCache.JAVAFX_PROPERTY, Path.of("/c/openjfx").toString());

        Properties chosen = new Properties();
        chosen.setProperty(NativeCache.JAVACPP_PROPERTY, "/mine");
        NativeCache.configure(chosen, Path.of("/c"));
        assertThat(chosen).containsEntry(NativeCache.JAVACPP_PROPERTY, "/mine")
                .containsEntry(NativeCache.JAVAFX_PROPERTY, Path.of("/c/openjfx").toString());
    }
}

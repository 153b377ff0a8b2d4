package org.latentexplorer.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.latentexplorer.data.AtomicFiles;
import org.latentexplorer.data.UserFolder;
import org.latentexplorer.ui.base.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in a small JSON file in the user's configuration folder. A missing file means defaults; so
 * does an unreadable or corrupt one (with a warning in the log): settings never stop the app from starting. Writes go to
 * a temporary file that is then moved over the old one, so a crash never leaves half a file.
 */
public final class SettingsStore {
    /** A folder to use instead of the user's configuration folder, e.g. for tests or a portable install. */
    public static final String FOLDER_PROPERTY = "latentexplorer.configDir";
    static final String FILE_NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    /** Settings read before the window asked for them, by file; each is taken once. */
    private static final Map<Path, CompletableFuture<Settings>> READ_AHEAD = new ConcurrentHashMap<>();
    private final Path file;
    /** Saves run here one after another, off the UI thread, in the order asked; nothing comes back to the UI. */
    private final Background writer = Background.thread("settings-writer", Runnable::run);

    public SettingsStore(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The store in {@link #FOLDER_PROPERTY}'s folder when set, otherwise in the user's configuration folder. */
    public static SettingsStore forUser() {
        String override = System.getProperty(FOLDER_PROPERTY);
        return new SettingsStore(override != null && !override.isBlank() ? Path.of(override)
                : UserFolder.CONFIG.forThisUser());
    }

    /**
     * Reads the user's settings on the calling thread, for {@link #loadFirst} to take: Main does it while JavaFX starts,
     * since Jackson's first read (its deserializers, the logger) held up the window by 0.2-0.3 s on the UI thread.
     */
    public static void readAhead() {
        SettingsStore store = forUser();
        CompletableFuture<Settings> read = new CompletableFuture<>();
        READ_AHEAD.put(store.file, read);
        try {
            read.complete(store.load());
        } catch (RuntimeException | Error e) {
            read.completeExceptionally(e);
            throw e;
        }
    }

    /** The settings {@link #readAhead} read from this store's file (waiting for it if it is still reading), once; else {@link #load}. */
    public Settings loadFirst() {
        CompletableFuture<Settings> ahead = READ_AHEAD.remove(file);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (java.util.concurrent.CompletionException e) {
                // Read again below: whatever broke the early read is logged by load, or thrown, there.
            }
        }
        return load();
    }

    public Path file() {
        return file;
    }

    /** The remembered settings, or {@link Settings#NONE} when there are none or they cannot be read. */
    public Settings load() {
        try {
            Settings s = JSON.readValue(Files.readAllBytes(file), Settings.class);
            return s != null ? s : Settings.NONE;
        } catch (NoSuchFileException e) {
            return Settings.NONE;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the settings in {}, starting with the defaults: {}", file, e.getMessage());
            return Settings.NONE;
        }
    }

    /** Writes the settings now; a failure is logged, never thrown: losing a setting must not lose the session. */
    public boolean save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, out -> JSON.writeValue(out, settings));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot save the settings to {}: {}", file, e.getMessage());
            return false;
        }
    }

    /** Saves in the background, after any save asked for earlier; once closed, the exit's own save has the final word. */
    public void saveLater(Settings settings) {
        writer.run(() -> save(settings));
    }

    /** Saves now, after the saves already asked for, and stops the background writer; for the app's exit. */
    public void saveAndClose(Settings settings) {
        writer.run(() -> save(settings));
        if (!writer.finishAndClose(Duration.ofSeconds(5))) {
            LOG.warn("Saving the settings to {} took too long; they may be lost", file);
        }
    }
}

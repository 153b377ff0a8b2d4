package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.UserFolder;

/** The settings file: what is written is read back; anything wrong in it gives defaults, never an error. */
class SettingsStoreTest {
    @TempDir
    Path folder;

    private static Settings everything() {
        return new Settings("ja", 3, Section.GAN_PROBLEMS, true,
                Map.of("ae", new Settings.Data("fashion", null),
                        "vae", new Settings.Data("/data/my-images-idx3-ubyte", "/data/my-labels-idx1-ubyte")),
                new Settings.Window(40, 30, 1280, 720, true),
                new Settings.Classroom(true, 1.75, EnumSet.of(ClassroomPart.INSPECTOR, ClassroomPart.STATUS_BAR)));
    }

    @Test
    void whatIsSavedIsReadBackEqual() {
        SettingsStore store = new SettingsStore(folder.resolve("nested").resolve("config"));
        assertThat(store.save(everything())).isTrue();
        assertThat(new SettingsStore(folder.resolve("nested").resolve("config")).load()).isEqualTo(everything());
    }

    @Test
    void aSaveReplacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
        SettingsStore store = new SettingsStore(folder);
        store.save(Settings.NONE);
        store.save(everything());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
        assertThat(store.load()).isEqualTo(everything());
    }

    @Test
    void savesAskedForLaterLandInOrderBeforeTheExitSave() {
        SettingsStore store = new SettingsStore(folder);
        store.saveLater(Settings.NONE);
        store.saveLater(everything());
        Settings last = new Settings("en", 1, Section.VAE, false, Map.of(), null, Settings.Classroom.DEFAULT);
        store.saveAndClose(last);
        assertThat(store.load()).isEqualTo(last);
        // After closing, a late change is dropped rather than thrown at the UI thread.
        store.saveLater(everything());
        assertThat(store.load()).isEqualTo(last);
    }

    @Test
    void settingsReadAheadAreTakenOnceThenTheFileIsReadAgain() {
        String before = System.getProperty(SettingsStore.FOLDER_PROPERTY);
        System.setProperty(SettingsStore.FOLDER_PROPERTY, folder.toString());
        try {
            SettingsStore store = SettingsStore.forUser();
            store.save(everything());
            SettingsStore.readAhead();
            Settings later = new Settings("en", 1, Section.VAE, false, Map.of(), null, Settings.Classroom.DEFAULT);
            store.save(later);
            // The copy read ahead is what the window opens with, however the file changed since; only once.
            assertThat(SettingsStore.forUser().loadFirst()).isEqualTo(everything());
            assertThat(SettingsStore.forUser().loadFirst()).isEqualTo(later);
            // Another folder's store never takes it.
            SettingsStore.readAhead();
            assertThat(new SettingsStore(folder.resolve("elsewhere")).loadFirst()).isEqualTo(Settings.NONE);
        } finally {
            if (before == null) {
                System.clearProperty(SettingsStore.FOLDER_PROPERTY);
            } else {
                System.setProperty(SettingsStore.FOLDER_PROPERTY, before);
            }
        }
    }

    @Test
    void noFileMeansDefaults() {
        assertThat(new SettingsStore(folder).load()).isEqualTo(Settings.NONE);
    }

    @Test
    void aCorruptFileMeansDefaults() throws Exception {
        Files.writeString(folder.resolve(SettingsStore.FILE_NAME), "{\"language\": \"ja\", \"threads\": [tru");
        assertThat(new SettingsStore(folder).load()).isEqualTo(Settings.NONE);
        Files.write(folder.resolve(SettingsStore.FILE_NAME), new byte[] {0, (byte) 0xff, 12, 7});
        assertThat(new SettingsStore(folder).load()).isEqualTo(Settings.NONE);
        Files.writeString(folder.resolve(SettingsStore.FILE_NAME), "null");
        assertThat(new SettingsStore(folder).load()).isEqualTo(Settings.NONE);
    }

    @Test
    void anUnreadableFileMeansDefaults() throws Exception {
        Files.createDirectories(folder.resolve(SettingsStore.FILE_NAME)); // a folder where the file should be
        SettingsStore store = new SettingsStore(folder);
        assertThat(store.load()).isEqualTo(Settings.NONE);
        assertThat(store.save(everything())).isFalse();
    }

    @Test
    void valuesThatMakeNoSenseAreForgottenOneByOne() throws Exception {
        Files.writeString(folder.resolve(SettingsStore.FILE_NAME), """
                {"language": "ja", "threads": -2, "section": "NO_SUCH_SECTION", "futureSetting": 1,
                 "datasets": {"ae": {"spec": ""}, "gan": {"spec": "fashion"}},
                 "window": {"x": 10, "y": 10, "width": 0, "height": 600, "maximized": false},
                 "classroom": {"on": true, "scale": 9, "hidden": ["NAVIGATION", "NO_SUCH_PART"]}}
                """);
        Settings s = new SettingsStore(folder).load();
        assertThat(s.language()).isEqualTo("ja");
        assertThat(s.threads()).isNull();
        assertThat(s.section()).isNull();
        assertThat(s.datasets()).containsOnlyKeys("gan");
        assertThat(s.window()).isNull();
        assertThat(s.classroom().on()).isTrue();
        assertThat(s.classroom().scale()).isEqualTo(Settings.Classroom.DEFAULT_SCALE);
        assertThat(s.classroom().hidden()).containsExactly(ClassroomPart.NAVIGATION);
    }

    @Test
    void eachOperatingSystemKeepsThemInItsOwnPlace() {
        Path home = Path.of("/home/u");
        assertThat(UserFolder.CONFIG.on("Linux", Map.of(), home)).isEqualTo(Path.of("/home/u/.config/latent-explorer"));
        assertThat(UserFolder.CONFIG.on("Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), home))
                .isEqualTo(Path.of("/cfg/latent-explorer"));
        assertThat(UserFolder.CONFIG.on("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/u/Library/Application Support/LatentExplorer"));
        assertThat(UserFolder.CONFIG.on("Windows 11", Map.of("APPDATA", "/appdata"), home))
                .isEqualTo(Path.of("/appdata/LatentExplorer"));
    }

    @Test
    void theFolderPropertyWinsOverTheUsersFolder() {
        String saved = System.getProperty(SettingsStore.FOLDER_PROPERTY);
        try {
            System.setProperty(SettingsStore.FOLDER_PROPERTY, folder.toString());
            assertThat(SettingsStore.forUser().file()).isEqualTo(folder.resolve(SettingsStore.FILE_NAME));
        } finally {
            if (saved == null) {
                System.clearProperty(SettingsStore.FOLDER_PROPERTY);
            } else {
                System.setProperty(SettingsStore.FOLDER_PROPERTY, saved);
            }
        }
    }
}

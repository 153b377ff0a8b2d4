package org.latentexplorer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.ui.shell.Settings;
import org.latentexplorer.ui.shell.SettingsStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A process killed while it saves (SIGKILL, no shutdown hook runs) leaves the previous file whole: a child JVM saves
 * version after version ({@link SaveLoop}), is killed after a random 50-500 ms, and the file is then either the last
 * version it reported saved or the one it was saving, complete and, for a model, with its manifest. Each kind is
 * killed several times in a row, each time in a new child that goes on from the file the last one left.
 */
class KillDuringSaveTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** A cold ND4J start on a busy two-core machine takes seconds; this is far beyond. */
    private static final long READY_SECONDS = 90;
    private static final int KILLS = 3;

    @TempDir
    Path dir;

    /** What one child printed before it was killed: the last version it reported saved, and all its output. */
    private record Killed(long lastSaved, List<String> output) {
    }

    private static Killed saveUntilKilled(String kind, Path target, long first, Random random) throws Exception {
        Process child = new ProcessBuilder(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), kind, target.toString(),
                Long.toString(first)).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        Object ready = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    if (line.equals("ready")) {
                        synchronized (ready) {
                            ready.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                output.add("reading the child's output failed: " + e);
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
            synchronized (ready) {
                while (!output.contains("ready") && child.isAlive() && System.nanoTime() < deadline) {
                    ready.wait(100);
                }
            }
            if (!output.contains("ready")) {
                fail("the %s child never got ready; it printed:%n%s", kind, String.join("\n", output));
            }
            Thread.sleep(50 + random.nextInt(451));
        } finally {
            // Through the handle: Process.destroyForcibly also closes our end of the child's output, which drops the
            // lines a reader slowed by a busy machine has not read yet, and with them the last versions saved.
            child.toHandle().destroyForcibly();
            child.waitFor();
            reader.join();
        }
        long last = first;
        synchronized (output) {
            assertThat(output).as("the %s child's output", kind).noneMatch(l -> l.contains("Exception"));
            for (String line : output) {
                if (line.startsWith("saved ")) {
                    last = Long.parseLong(line.substring("saved ".length()));
                }
            }
        }
        return new Killed(last, List.copyOf(output));
    }

    /** Either the version last reported saved, or the next one if its save got far enough to count. */
    private static void assertOneOf(long loaded, Killed killed, String what) {
        assertThat(loaded).as("%s after a kill past version %d", what, killed.lastSaved())
                .isBetween(killed.lastSaved(), killed.lastSaved() + 1);
    }

    private static void assertEvery(INDArray parameters, long version) {
        assertThat(parameters.minNumber().doubleValue()).isEqualTo(version);
        assertThat(parameters.maxNumber().doubleValue()).isEqualTo(version);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aModelKilledWhileSavingIsTheOldPairOrTheNew() throws Exception {
        Path base = dir.resolve("m");
        Random random = new Random(1);
        long first = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            Killed killed = saveUntilKilled("model", base, first, random);
            List<String> left = names(dir);
            ModelStore.Loaded loaded = ModelStore.load(base);
            long version = loaded.manifest().steps();
            assertOneOf(version, killed, "the model");
            // The weights are those of the same version as the manifest: the pair matches.
            assertEvery(loaded.model().parameters(), version);
            System.out.printf("model: killed after %d saves, left %s, loaded version %d%n", killed.lastSaved() - first + 1,
                    left, version);
            first = killed.lastSaved() + 2;
        }
        // The next save clears what the kills left.
        Autoencoder model = SaveLoop.withVersion(SaveLoop.model(), first);
        ModelStore.save(model, SaveLoop.manifest(model, first), base, true);
        assertThat(names(dir)).containsExactly("m.json", "m.zip");
    }

    @Test
    void anExperimentKilledWhileSavingIsTheOldOneOrTheNew() throws Exception {
        Path file = dir.resolve("run.lexp");
        Random random = new Random(2);
        long first = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            Killed killed = saveUntilKilled("experiment", file, first, random);
            List<String> left = names(dir);
            ExperimentFile.Loaded loaded = ExperimentFile.load(file);
            long version = (long) loaded.experiment().curves().get("train:loss").get(0)[1];
            assertOneOf(version, killed, "the experiment");
            assertThat(loaded.model().manifest().steps()).isEqualTo(version);
            assertEvery(loaded.model().model().parameters(), version);
            System.out.printf("experiment: killed after %d saves, left %s, loaded version %d%n",
                    killed.lastSaved() - first + 1, left, version);
            first = killed.lastSaved() + 2;
        }
        Autoencoder model = SaveLoop.withVersion(SaveLoop.model(), first);
        ExperimentFile.save(file, SaveLoop.experiment(first), model, SaveLoop.manifest(model, first));
        assertThat(names(dir)).containsExactly("run.lexp");
    }

    @Test
    void settingsKilledWhileSavingAreTheOldOnesOrTheNew() throws Exception {
        Random random = new Random(3);
        long first = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            Killed killed = saveUntilKilled("settings", dir, first, random);
            // Read as the app reads them, which would fall back to defaults on a damaged file: they must not.
            Settings loaded = new SettingsStore(dir).load();
            assertThat(loaded.threads()).as("the settings' version").isNotNull();
            assertOneOf(loaded.threads(), killed, "the settings");
            assertThat(loaded).isEqualTo(SaveLoop.settings(loaded.threads()));
            System.out.printf("settings: killed after %d saves, left %s, loaded version %d%n",
                    killed.lastSaved() - first + 1, names(dir), loaded.threads());
            first = killed.lastSaved() + 2;
        }
        // The next save clears what the killed ones left beside the file.
        assertThat(new SettingsStore(dir).save(SaveLoop.settings(first))).isTrue();
        assertThat(names(dir)).containsExactly("settings.json");
    }
}

package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void savesAndReplacesAFileLeavingNoTemporaryBehind() throws Exception {
        Path file = dir.resolve("curves.csv");
        AtomicFiles.save(file, out -> out.write(text("old")));
        AtomicFiles.save(file, out -> out.write(text("new")));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailureMidWriteLeavesNeitherAPartialFileNorTheOldOneHarmed() throws Exception {
        Path file = dir.resolve("plane.png");
        Files.writeString(file, "the good one");

        DataException e = catchThrowableOfType(() -> AtomicFiles.save(file, out -> {
            out.write(text("half a pic"));
            throw new IOException("disk full");
        }), DataException.class);

        assertThat(e.messageKey()).isEqualTo("export.error.write");
        assertThat(e.getMessage()).contains("plane.png", "disk full");
        assertThat(Files.readString(file)).isEqualTo("the good one");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFolderThatDoesNotExistIsNamedInBothLanguagesAndNothingIsCreated() {
        Path missing = dir.resolve("no-such-folder");
        DataException e = catchThrowableOfType(() -> AtomicFiles.save(missing.resolve("a.png"), out -> out.write(1)),
                DataException.class);

        assertThat(e.messageKey()).isEqualTo("export.error.noFolder");
        assertThat(e.getMessage()).isEqualTo("Cannot save " + missing.resolve("a.png") + ": the folder " + missing
                + " does not exist.");
        assertThat(e.localized(Locale.JAPANESE)).contains("フォルダー", missing.toString());
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aTargetThatIsAFolderIsRefusedAndTheFolderKept() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("taken.png"));
        Files.writeString(folder.resolve("inside.txt"), "x");

        DataException e = catchThrowableOfType(() -> AtomicFiles.save(folder, out -> out.write(text("png"))),
                DataException.class);

        assertThat(e.messageKey()).isEqualTo("export.error.write");
        assertThat(Files.readString(folder.resolve("inside.txt"))).isEqualTo("x");
        assertThat(filesIn(dir)).as("no temporary file left").isEqualTo(1);
    }

    @Test
    void theTemporaryFilesOfATargetAreRemovedAndNothingElse() throws Exception {
        Path file = dir.resolve("run.lexp");
        Path leftover = AtomicFiles.temporary(file, "123");
        assertThat(leftover.getFileName().toString()).isEqualTo(".run.lexp.123.tmp");
        Files.writeString(leftover, "half");
        Files.writeString(AtomicFiles.temporary(file, "sha256-ab"), "whole, never moved");
        for (String kept : new String[] {"run.lexp", ".run.lexp.keep", "run.lexp.1.tmp", ".other.lexp.1.tmp"}) {
            Files.writeString(dir.resolve(kept), kept);
        }
        Files.createDirectory(dir.resolve(".run.lexp.dir.tmp"));

        AtomicFiles.removeTemporaries(file);

        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.lexp", ".run.lexp.keep",
                    "run.lexp.1.tmp", ".other.lexp.1.tmp", ".run.lexp.dir.tmp");
        }
    }

    @Test
    void aWriteClearsWhatAKilledWriteOfTheSameFileLeft() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(AtomicFiles.temporary(file, "42"), "{\"lang");
        Files.writeString(dir.resolve("other.json"), "kept");
        AtomicFiles.write(file, out -> out.write(text("{}")));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("settings.json", "other.json");
        }
    }

    @Test
    void aTemporaryFileHoldsTheWholeContentBesideTheTarget() throws Exception {
        Path file = dir.resolve("settings.json");
        Path tmp = AtomicFiles.writeTemporary(file, out -> out.write(text("{}")));
        assertThat(tmp.getParent()).isEqualTo(dir);
        assertThat(tmp.getFileName().toString()).startsWith(".settings.json.").endsWith(".tmp");
        assertThat(Files.readString(tmp)).isEqualTo("{}");
        assertThat(file).doesNotExist();
    }
}

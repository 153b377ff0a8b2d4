package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set written as a folder of PNGs: label folders named safely, nothing outside the target, never half a folder. */
class PngFolderWriterTest {
    @TempDir
    Path dir;

    private static ImageSet set(List<String> names, int... labels) {
        return new ImageSet("named", 28, 28, new byte[labels.length * 784], labels, names);
    }

    @Test
    void labelNamesBecomeFolderNamesThatCannotLeaveTheTargetOrClash() {
        assertThat(PngFolderWriter.safe("..")).isEqualTo("_");
        assertThat(PngFolderWriter.safe("../../etc")).isEqualTo("_.._etc");
        assertThat(PngFolderWriter.safe("a/b\\c:d")).isEqualTo("a_b_c_d");
        assertThat(PngFolderWriter.safe("CON")).isEqualTo("_CON");
        assertThat(PngFolderWriter.safe(" ねこ. ")).isEqualTo("ねこ");
        assertThat(PngFolderWriter.labelFolders(set(List.of("a/b", "a_b", "A_B", "あ"), 0, 1, 2, 3)))
                .containsExactly("a_b", "a_b-2", "A_B-3", "あ");
        assertThat(PngFolderWriter.labelFolders(set(List.of(), 0, 2))).containsExactly("0", "1", "2");
    }

    @Test
    void theFolderIsWrittenWholeAndReadsBackAsTheSameLabels() throws Exception {
        Path out = dir.resolve("out");
        int written = PngFolderWriter.write(set(List.of("..", "x"), 0, 1, 1), out);
        assertThat(written).isEqualTo(3);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("out/_/0.png", "out/x/1.png", "out/x/2.png");
        }
        DataException again = catchThrowableOfType(DataException.class,
                () -> PngFolderWriter.write(set(List.of(), 0), out));
        assertThat(again.messageKey()).isEqualTo("export.error.notEmpty");
    }
}

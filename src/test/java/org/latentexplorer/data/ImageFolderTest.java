package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.latentexplorer.data.Translated.inBothLanguages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.MnistStyle.Polarity;

/** Folders of real picture files, written here with ImageIO, read as data sets. */
class ImageFolderTest {
    private static final String[] HIRAGANA = {"あ", "い", "う"};

    @TempDir
    Path dir;

    private FolderCache cache() {
        return new FolderCache(dir.resolve("cache"));
    }

    private FolderSet read(Path source, Polarity polarity) throws DataException {
        return ImageFolder.read(new FolderSpec(source, polarity), f -> { }, () -> false, cache());
    }

    private Map<String, String> reasons(FolderSet set) {
        return set.skipped().stream().collect(Collectors.toMap(FolderSet.Skipped::path,
                FolderSet.Skipped::messageKey));
    }

    /** The share of an image's ink in its outer two-pixel frame, and its centre of mass. */
    private static double[] inkFrameAndCentre(float[] image) {
        double frame = 0;
        double all = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double v = image[y * 28 + x];
                all += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
                if (x < 2 || y < 2 || x > 25 || y > 25) {
                    frame += v;
                }
            }
        }
        return new double[] {frame / all, mx / all, my / all};
    }

    private static double mean(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return sum / image.length;
    }

    /** A PNG whose header says 8000 × 7000 pixels and then ends: refused before anything is decoded. */
    private static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    /** Labelled pictures in every format, and one bad file of every kind beside them. */
    private Path folderWithBadFiles() throws IOException {
        Path root = dir.resolve("hiragana");
        PictureFiles.writeLabelled(root, HIRAGANA, 24, true);
        Path good = root.resolve("あ/p-000.png");
        byte[] png = Files.readAllBytes(good);
        Files.write(root.resolve("あ/truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Files.writeString(root.resolve("い/notes.png"), "not a picture, only text", StandardCharsets.UTF_8);
        Files.write(root.resolve("い/empty.png"), new byte[0]);
        Files.write(root.resolve("う/huge-header.png"), pngHeaderOnly(8000, 7000));
        Files.writeString(root.resolve("う/readme.txt"), "about these pictures");
        PictureFiles.write(PictureFiles.shape(0, 40, 40, true, BufferedImage.TYPE_INT_RGB, 1), "png",
                root.resolve("loose.png"));
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("う/big.bmp").toFile(), "rw")) {
            big.setLength(FolderListing.MAX_FILE_BYTES + 1);
        }
        Files.writeString(root.resolve(".DS_Store"), "hidden");
        return root;
    }

    @Test
    void picturesOfEveryFormatSizeAndModeAreReadAndEachBadFileIsSkippedWithItsReason() throws Exception {
        Path root = folderWithBadFiles();
        List<Double> progress = new ArrayList<>();
        FolderSet set = ImageFolder.read(new FolderSpec(root, Polarity.AUTO), progress::add, () -> false, cache());

        assertThat(set.classNames()).containsExactly("あ", "い", "う");
        assertThat(set.images().size()).isEqualTo(72);
        assertThat(set.counts()).containsExactly(24, 24, 24);
        assertThat(reasons(set)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "あ/truncated.png", "data.skip.damaged",
                "い/notes.png", "data.skip.notPicture",
                "い/empty.png", "data.skip.empty",
                "う/huge-header.png", "data.skip.tooManyPixels",
                "う/big.bmp", "data.skip.tooBig",
                "う/readme.txt", "data.skip.type",
                "loose.png", "data.skip.outsideLabel"));
        for (FolderSet.Skipped s : set.skipped()) {
            assertThat(s.localized(Locale.ENGLISH)).startsWith(s.path() + ": ");
            assertThat(s.localized(Locale.JAPANESE)).startsWith(s.path() + ": ").isNotEqualTo(s.localized(Locale.ENGLISH));
        }
        assertThat(progress).isNotEmpty().last().isEqualTo(1.0);

        // Dark strokes on paper: the whole set is inverted, so every image has bright ink on black, fitted and centred.
        assertThat(set.inverted()).isTrue();
        assertThat(set.darkOnLight()).isGreaterThan(set.images().size() / 2);
        for (int i = 0; i < set.images().size(); i++) {
            double[] f = inkFrameAndCentre(set.images().image(i));
            assertThat(f[0]).as("ink in the frame of image %d", i).isLessThan(0.02);
            assertThat(f[1]).isBetween(11.0, 17.0);
            assertThat(f[2]).isBetween(11.0, 17.0);
        }
        assertThat(set.images().label(0)).isZero();
        assertThat(set.images().label(71)).isEqualTo(2);
        assertThat(set.samples(1, 5)).hasSize(5);
        for (int i : set.samples(1, 5)) {
            assertThat(set.images().label(i)).isEqualTo(1);
        }
    }

    @Test
    void theInversionIsChosenForTheWholeSetAndCanBeSwitched() throws Exception {
        Path root = dir.resolve("chalk");
        PictureFiles.writeLabelled(root, new String[] {"ring", "bar"}, 30, false);
        FolderSet auto = read(root, Polarity.AUTO);
        assertThat(auto.inverted()).isFalse();
        FolderSet inverted = read(root, Polarity.INVERT);
        assertThat(inverted.inverted()).isTrue();
        assertThat(read(root, Polarity.KEEP).images().image(0)).containsExactly(auto.images().image(0));
        // Inverted, light-on-dark pictures are a bright ground with a dark shape: far more ink than the shape alone.
        assertThat(mean(inverted.images().image(0))).isGreaterThan(2 * mean(auto.images().image(0)));
        assertThat(new FolderSpec(root, Polarity.INVERT).spec()).startsWith("folder:invert:");
        assertThat(FolderSpec.parse(new FolderSpec(root, Polarity.KEEP).spec())).isEqualTo(new FolderSpec(root,
                Polarity.KEEP));
    }

    @Test
    void aZipOfTheFolderReadsAsTheFolderAndItsTopFolderIsNoLabel() throws Exception {
        Path root = dir.resolve("pics");
        PictureFiles.writeLabelled(root, HIRAGANA, 20, true);
        FolderSet folder = read(root, Polarity.AUTO);
        Path zip = PictureFiles.zip(root, "hiragana", dir.resolve("hiragana.zip"));
        FolderSet zipped = read(zip, Polarity.AUTO);
        assertThat(zipped.classNames()).containsExactly("あ", "い", "う");
        assertThat(zipped.images().size()).isEqualTo(folder.images().size());
        for (int i = 0; i < folder.images().size(); i++) {
            assertThat(zipped.images().image(i)).containsExactly(folder.images().image(i));
            assertThat(zipped.images().label(i)).isEqualTo(folder.images().label(i));
        }
        assertThat(zipped.spec().displayName()).isEqualTo("hiragana.zip");
    }

    @Test
    void nestedFoldersBelongToTheLabelFolderTheyAreInAndAFolderWithoutSubFoldersHasNoLabels() throws Exception {
        Path root = dir.resolve("outer");
        PictureFiles.writeLabelled(root.resolve("kana"), new String[] {"か", "き"}, 30, true);
        PictureFiles.writeLabelled(root.resolve("kana/か/more"), new String[] {"deep"}, 5, true);
        FolderSet set = read(root, Polarity.AUTO);
        assertThat(set.classNames()).containsExactly("か", "き");
        assertThat(set.counts()).containsExactly(35, 30);

        Path flat = dir.resolve("flat");
        PictureFiles.writeLabelled(flat, new String[] {""}, 60, true);
        FolderSet unlabelled = read(flat, Polarity.AUTO);
        assertThat(unlabelled.labelled()).isFalse();
        assertThat(unlabelled.images().label(0)).isEqualTo(-1);
        assertThat(unlabelled.counts()).containsExactly(60);
    }

    @Test
    void anEmptyFolderAndOneWithTooFewPicturesAreRefusedSayingHowManyThereAre() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataException none = inBothLanguages(catchThrowableOfType(DataException.class,
                () -> read(empty, Polarity.AUTO)));
        assertThat(none.messageKey()).isEqualTo("data.folder.tooFew");
        assertThat(none.getMessage()).contains("empty holds 0 usable pictures", "at least 50");

        Path few = dir.resolve("few");
        PictureFiles.writeLabelled(few, new String[] {"a"}, FolderSet.MIN_IMAGES - 1, true);
        Files.writeString(few.resolve("a/bad.png"), "text");
        DataException short1 = catchThrowableOfType(DataException.class, () -> read(few, Polarity.AUTO));
        assertThat(short1.getMessage()).contains("49 usable pictures (1 files skipped)");

        DataException gone = inBothLanguages(catchThrowableOfType(DataException.class,
                () -> read(dir.resolve("moved-away"), Polarity.AUTO)));
        assertThat(gone.messageKey()).isEqualTo("data.folder.gone");
    }

    @Test
    void theSecondReadComesFromTheCacheUntilAFileChanges() throws Exception {
        Path root = dir.resolve("cached");
        PictureFiles.writeLabelled(root, new String[] {"a", "b"}, 30, true);
        FolderSet first = read(root, Polarity.AUTO);
        // Overwritten with the same size and time: only a cache can still give the old picture.
        Path file = root.resolve("a/p-000.png");
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "garbage ".repeat((int) Files.size(file) / 8 + 1).substring(0, (int) Files.size(file)));
        Files.setLastModifiedTime(file, time);
        FolderSet second = read(root, Polarity.INVERT);
        assertThat(second.images().size()).isEqualTo(first.images().size());
        assertThat(second.images().image(0)).containsExactly(first.images().image(0));

        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5000));
        FolderSet third = read(root, Polarity.AUTO);
        assertThat(third.images().size()).isEqualTo(first.images().size() - 1);
        assertThat(reasons(third)).containsEntry("a/p-000.png", "data.skip.notPicture");
    }

    @Test
    void aCancelledReadStopsAndCachesNothing() throws Exception {
        Path root = dir.resolve("cancelled");
        PictureFiles.writeLabelled(root, new String[] {"a"}, 60, true);
        FolderCache cache = cache();
        assertThatThrownBy(() -> ImageFolder.read(new FolderSpec(root, Polarity.AUTO), f -> { }, () -> true, cache))
                .isInstanceOf(CancellationException.class);
        assertThat(cache.fileFor(root.toAbsolutePath().normalize())).doesNotExist();
    }

    @Test
    void aZipEntryThatUnpacksTooLargeOrNamesAParentIsSkippedUnread() throws Exception {
        Path root = dir.resolve("base");
        PictureFiles.writeLabelled(root, new String[] {"a"}, 55, true);
        Path zip = PictureFiles.zip(root, "top", dir.resolve("bomb.zip"));
        Path bomb = dir.resolve("bomb2.zip");
        try (OutputStream raw = Files.newOutputStream(bomb); ZipOutputStream out = new ZipOutputStream(raw)) {
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile())) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(in.getInputStream(e).readAllBytes());
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry("top/a/zeros.png"));
            out.write(new byte[(int) FolderListing.MAX_FILE_BYTES + 10]);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("top/a/../../escape.png"));
            out.write(Files.readAllBytes(root.resolve("a/p-000.png")));
            out.closeEntry();
        }
        FolderSet set = read(bomb, Polarity.AUTO);
        assertThat(set.images().size()).isEqualTo(55);
        assertThat(reasons(set)).containsEntry("top/a/zeros.png", "data.skip.tooBig")
                .containsEntry("top/a/../../escape.png", "data.skip.unreadable");
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWithTheReason() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.zip"), "no zip at all");
        DataException e = inBothLanguages(catchThrowableOfType(DataException.class, () -> read(fake, Polarity.AUTO)));
        assertThat(e.messageKey()).isEqualTo("data.folder.badZip");
    }
}

package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes a set as a folder of grey PNG pictures, one sub-folder per label (named after the label's name, or its
 * number), which {@link ImageFolder} reads back as the same set. The folder is filled under a temporary name beside it
 * and then moved into place, so an export cut short never leaves half a folder under the real name.
 */
public final class PngFolderWriter {
    /** Names Windows keeps for devices: a folder of that name cannot be made there. */
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private PngFolderWriter() {
    }

    /** Writes every image of the set into {@code folder}, which must not exist yet or be empty; returns the count. */
    public static int write(ImageSet set, Path folder) throws DataException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new DataException("export.error.noFolder", target.toString(), String.valueOf(parent));
        }
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new DataException("export.error.notEmpty", target.toString());
        }
        List<String> folders = labelFolders(set);
        Path tmp = AtomicFiles.temporary(target, Long.toString(System.nanoTime()));
        try {
            Files.createDirectory(tmp);
            for (String name : new HashSet<>(folders)) {
                Files.createDirectories(tmp.resolve(name));
            }
            int digits = Integer.toString(set.size()).length();
            for (int i = 0; i < set.size(); i++) {
                int label = set.label(i);
                Path dir = label < 0 ? tmp : tmp.resolve(folders.get(label));
                String file = String.format(Locale.ROOT, "%0" + digits + "d.png", i);
                if (!ImageIO.write(picture(set, i), "png", dir.resolve(file).toFile())) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
            Files.deleteIfExists(target);
            Files.move(tmp, target);
            return set.size();
        } catch (AccessDeniedException e) {
            throw new DataException("export.error.denied", target.toString(), parent.toString());
        } catch (IOException | RuntimeException e) {
            throw new DataException("export.error.write", target.toString(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * One folder name per label: its name made safe to use as a file name on any system (no separators, no "..", no
     * device names), or its number; names that came out the same get a number added.
     */
    static List<String> labelFolders(ImageSet set) {
        List<String> names = set.classNames();
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int label = 0; label < set.numClasses(); label++) {
            String name = label < names.size() ? safe(names.get(label)) : Integer.toString(label);
            String unique = name;
            for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
                unique = name + "-" + k;
            }
            out.add(unique);
        }
        return out;
    }

    static String safe(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> sb.appendCodePoint(c < 0x20 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        String s = sb.toString().strip().replaceAll("^\\.+|\\.+$", "");
        if (s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            s = "_" + s;
        }
        return s;
    }

    private static BufferedImage picture(ImageSet set, int i) {
        BufferedImage image = new BufferedImage(set.cols(), set.rows(), BufferedImage.TYPE_BYTE_GRAY);
        int ppi = set.pixelsPerImage();
        byte[] pixels = java.util.Arrays.copyOfRange(set.pixelBytes(), i * ppi, (i + 1) * ppi);
        image.getRaster().setDataElements(0, 0, set.cols(), set.rows(), pixels);
        return image;
    }

    private static boolean isEmptyFolder(Path dir) throws DataException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw IdxReader.unreadable(dir.toString(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A leftover temporary folder is hidden and named as one; nothing the user made is touched.
        }
    }
}

package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The picture files of a folder or of a zip of one, in a fixed order, each with its label: the name of the sub-folder it
 * lies in (below the folder, or below the one folder a zip usually wraps everything in). Files that are no pictures by
 * their extension, or that lie beside the label folders, are listed as skipped. Nothing is decoded here.
 */
final class FolderListing implements AutoCloseable {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    /** A larger file is refused unread: no sensible picture for a 28 × 28 image is this big. */
    static final long MAX_FILE_BYTES = 50L << 20;
    /** All the pictures of a zip, unpacked, may not exceed this: a zip bomb stops here, not when the disk is full. */
    static final long MAX_ZIP_BYTES = 8L << 30;
    /** More files than this are refused before any is read (IDX sets stop at 2,000,000 images too). */
    static final int MAX_FILES = 2_000_000;
    /** Folders deeper than this are not searched: a data set's pictures lie a few folders down, not in a whole disk. */
    static final int MAX_DEPTH = 8;

    /**
     * A file: where it is (relative, / between names), its label or null, what identifies its content (its size and
     * modification time, or a zip entry's CRC), and how to read it: its Path, its ZipEntry, or the IOException that
     * kept it from being listed.
     */
    record Entry(String path, String label, long size, long stamp, Object handle) {
    }

    private final Path source;
    private final ZipFile zip;
    private final List<Entry> pictures;
    private final List<FolderSet.Skipped> skipped;
    private final boolean labelled;
    private final byte[] fingerprint;

    private FolderListing(Path source, ZipFile zip, List<Entry> pictures, List<FolderSet.Skipped> skipped,
            boolean labelled, byte[] fingerprint) {
        this.source = source;
        this.zip = zip;
        this.pictures = pictures;
        this.skipped = skipped;
        this.labelled = labelled;
        this.fingerprint = fingerprint;
    }

    /**
     * Lists a folder or a zip file; the caller closes the listing (it may hold the zip open).
     *
     * @param cancelled asked while a folder is searched; when it says true, the listing throws
     *                  {@link java.util.concurrent.CancellationException}
     */
    static FolderListing of(FolderSpec spec, BooleanSupplier cancelled) throws DataException {
        Path source = spec.source();
        String name = spec.displayName();
        if (!Files.exists(source)) {
            throw new DataException("data.folder.gone", name, source.toString());
        }
        if (source.getParent() == null) {
            throw new DataException("data.folder.isRoot", name);
        }
        List<Entry> files = new ArrayList<>();
        ZipFile zip = null;
        try {
            if (spec.zip()) {
                zip = openZip(source, name);
                listZip(zip, files, name);
            } else if (Files.isDirectory(source)) {
                listFolder(source, files, name, cancelled);
            } else {
                throw new DataException("data.folder.notFolder", name, source.toString());
            }
            return sorted(source, zip, files);
        } catch (DataException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException e) {
            closeQuietly(zip);
            throw IdxReader.unreadable(name, e);
        }
    }

    private static ZipFile openZip(Path source, String name) throws IOException, DataException {
        try {
            return new ZipFile(source.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new DataException("data.folder.badZip", name, String.valueOf(e.getMessage()));
        }
    }

    private static void listFolder(Path root, List<Entry> files, String name, BooleanSupplier cancelled)
            throws IOException, DataException {
        // Links are not followed: a link to a parent would list the same files forever.
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (cancelled.getAsBoolean()) {
                    return FileVisitResult.TERMINATE;
                }
                return !dir.equals(root) && hidden(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file.getFileName().toString())) {
                    files.add(entry(relative(root, file), attrs.size(), attrs.lastModifiedTime().toMillis(), file));
                }
                return files.size() > MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A sub-folder or file that cannot be opened is listed with the reason, as a picture that cannot be read.
                files.add(entry(relative(root, file), 0, 0, e));
                return files.size() > MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("listing " + root + " was cancelled");
        }
        if (files.size() > MAX_FILES) {
            throw new DataException("data.folder.tooMany", name, MAX_FILES);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void listZip(ZipFile zip, List<Entry> files, String name) throws DataException {
        long total = 0;
        try {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                // Some zips write backslashes between names or start with /; the names are only read, never written.
                String path = e.getName().replace('\\', '/').replaceFirst("^/+", "");
                List<String> parts = Arrays.asList(path.split("/"));
                boolean odd = parts.contains("..") || parts.contains("") || parts.contains(".");
                if (e.isDirectory() || !odd && parts.stream().anyMatch(FolderListing::hidden)) {
                    continue;
                }
                files.add(entry(path, e.getSize(), e.getCrc(),
                        odd ? new IOException("'" + e.getName() + "' is no plain path inside the zip") : e));
                total += Math.max(0, Math.min(e.getSize(), MAX_FILE_BYTES));
                if (files.size() > MAX_FILES) {
                    throw new DataException("data.folder.tooMany", name, MAX_FILES);
                }
            }
        } catch (IllegalArgumentException e) {
            // Names not in UTF-8 (an old Windows zip): Java refuses them as malformed.
            throw new DataException("data.folder.badZip", name, String.valueOf(e.getMessage()));
        }
        if (total > MAX_ZIP_BYTES) {
            throw new DataException("data.folder.zipTooLarge", name, total >> 20, MAX_ZIP_BYTES >> 20);
        }
    }

    private static Entry entry(String path, long size, long stamp, Object handle) {
        // macOS writes names decomposed (NFD): the same label must read the same from every system. ASCII is NFC.
        boolean ascii = path.chars().allMatch(c -> c < 0x80);
        return new Entry(ascii ? path : Normalizer.normalize(path, Normalizer.Form.NFC), null, size, stamp, handle);
    }

    /** Dot files, and the resource forks macOS puts into zips: never pictures a user meant. */
    private static boolean hidden(String name) {
        return name.startsWith(".") || name.equals("__MACOSX") || name.equalsIgnoreCase("Thumbs.db")
                || name.equalsIgnoreCase("desktop.ini");
    }

    /**
     * The pictures in path order, labelled by their first folder once the folders that wrap everything (a zip's one
     * top folder) are taken off; the rest skipped with their reason.
     */
    private static FolderListing sorted(Path source, ZipFile zip, List<Entry> files) {
        files.sort(Comparator.comparing(Entry::path));
        List<FolderSet.Skipped> skipped = new ArrayList<>();
        List<Entry> pictures = new ArrayList<>();
        for (Entry e : files) {
            String ext = extension(e.path());
            if (e.handle() instanceof IOException failed) {
                skipped.add(new FolderSet.Skipped(e.path(), "data.skip.unreadable",
                        List.of(String.valueOf(failed.getMessage()))));
            } else if (EXTENSIONS.contains(ext)) {
                pictures.add(e);
            } else {
                skipped.add(new FolderSet.Skipped(e.path(), "data.skip.type", List.of()));
            }
        }
        int strip = commonFolders(pictures);
        boolean labelled = pictures.stream().anyMatch(e -> depth(e.path()) > strip + 1);
        List<Entry> kept = new ArrayList<>();
        for (Entry e : pictures) {
            String[] parts = e.path().split("/");
            if (!labelled) {
                kept.add(e);
            } else if (parts.length > strip + 1) {
                kept.add(new Entry(e.path(), parts[strip], e.size(), e.stamp(), e.handle()));
            } else {
                skipped.add(new FolderSet.Skipped(e.path(), "data.skip.outsideLabel", List.of()));
            }
        }
        return new FolderListing(source, zip, List.copyOf(kept), skipped, labelled, fingerprint(source, kept));
    }

    /** How many leading folders every picture shares with the others, leaving at least its file name. */
    private static int commonFolders(List<Entry> pictures) {
        if (pictures.isEmpty()) {
            return 0;
        }
        String[] first = pictures.get(0).path().split("/");
        int common = first.length - 1;
        for (Entry e : pictures) {
            String[] parts = e.path().split("/");
            int same = 0;
            while (same < Math.min(common, parts.length - 1) && parts[same].equals(first[same])) {
                same++;
            }
            common = same;
        }
        return common;
    }

    private static int depth(String path) {
        return path.split("/").length;
    }

    static String extension(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** What changes when any picture is added, removed, renamed or changed: the cache is keyed by it. */
    private static byte[] fingerprint(Path source, List<Entry> pictures) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source.toString().getBytes(StandardCharsets.UTF_8));
            for (Entry e : pictures) {
                sha.update(("\n" + e.path() + "\t" + e.label() + "\t" + e.size() + "\t" + e.stamp())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A picture's bytes, or why it is skipped: empty, or larger than {@link #MAX_FILE_BYTES} (told by its size, or by
     * reading one byte more than that, since a zip's declared sizes can lie).
     */
    byte[] read(Entry e) throws PictureDecoder.Skip {
        if (e.size() > MAX_FILE_BYTES) {
            throw PictureDecoder.Skip.tooBig(e.size());
        }
        byte[] bytes;
        try (InputStream in = e.handle() instanceof ZipEntry z ? zip.getInputStream(z)
                : Files.newInputStream((Path) e.handle())) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException | RuntimeException x) {
            throw new PictureDecoder.Skip("data.skip.unreadable", String.valueOf(x.getMessage()));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw PictureDecoder.Skip.tooBig(bytes.length);
        }
        if (bytes.length == 0) {
            throw new PictureDecoder.Skip("data.skip.empty");
        }
        return bytes;
    }

    Path source() {
        return source;
    }

    List<Entry> pictures() {
        return pictures;
    }

    List<FolderSet.Skipped> skipped() {
        return skipped;
    }

    boolean labelled() {
        return labelled;
    }

    byte[] fingerprint() {
        return fingerprint.clone();
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // Only read from; nothing is lost.
            }
        }
    }
}

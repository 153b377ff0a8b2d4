package org.latentexplorer.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The converted pictures of each folder a user opened, so the next open reads one file instead of decoding every
 * picture again. One file per folder (named by a digest of its path), holding the listing's fingerprint: a folder
 * whose files changed in any way is read again and its file replaced. A cache that cannot be read or written only costs
 * time; it never fails an open.
 */
final class FolderCache {
    /** Where tests and portable installs keep the cache instead of the user's cache folder. */
    static final String FOLDER_PROPERTY = "latentexplorer.cacheDir";
    private static final int MAGIC = 0x4C454643; // "LEFC"
    /** Raised whenever the conversion changes, so pictures cached by an older one are converted again. */
    private static final int VERSION = 1;
    private static final int OK = 0;
    private static final int SKIPPED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(FolderCache.class);

    private final Path folder;

    FolderCache(Path folder) {
        this.folder = folder;
    }

    static FolderCache standard() {
        String set = System.getProperty(FOLDER_PROPERTY);
        Path base = set != null && !set.isBlank() ? Path.of(set) : UserFolder.CACHE.forThisUser();
        return new FolderCache(base.resolve("image-folders"));
    }

    /** Every picture of a listing converted, or why not. */
    static final class Pictures {
        final byte[] kept;
        final byte[] inverted;
        final boolean[] darkOnLight;
        /** Null where the picture converted. */
        final FolderSet.Skipped[] skipped;

        Pictures(int n) {
            kept = new byte[Math.multiplyExact(n, PictureDecoder.PIXELS)];
            inverted = new byte[kept.length];
            darkOnLight = new boolean[n];
            skipped = new FolderSet.Skipped[n];
        }

        int size() {
            return darkOnLight.length;
        }

        void put(int i, PictureDecoder.Converted c) {
            System.arraycopy(c.kept(), 0, kept, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
            System.arraycopy(c.inverted(), 0, inverted, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
            darkOnLight[i] = c.darkOnLight();
        }
    }

    Path fileFor(Path source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The cached pictures of a listing, or null when there are none for exactly these files. */
    Pictures read(FolderListing listing) {
        Path file = fileFor(listing.source());
        List<FolderListing.Entry> entries = listing.pictures();
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return null;
            }
            byte[] fingerprint = in.readNBytes(32);
            if (!Arrays.equals(fingerprint, listing.fingerprint()) || in.readInt() != entries.size()) {
                return null;
            }
            Pictures p = new Pictures(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                if (in.readByte() == OK) {
                    p.darkOnLight[i] = in.readBoolean();
                    in.readFully(p.kept, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
                    in.readFully(p.inverted, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
                } else {
                    p.skipped[i] = new FolderSet.Skipped(entries.get(i).path(), in.readUTF(), readArgs(in));
                }
            }
            return p;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.info("The cache {} could not be read; the folder is read again: {}", file, e.toString());
            return null;
        }
    }

    /** Keeps the pictures of a listing for the next open; a failure is logged and forgotten. */
    void write(FolderListing listing, Pictures p) {
        Path file = fileFor(listing.source());
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(file, raw -> {
                // The fastest deflate: pictures with a plain ground shrink several times at little cost in time.
                Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                try {
                    DeflaterOutputStream deflated = new DeflaterOutputStream(raw, deflater, 1 << 16);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(deflated, 1 << 16));
                    out.writeInt(MAGIC);
                    out.writeInt(VERSION);
                    out.write(listing.fingerprint());
                    out.writeInt(p.size());
                    for (int i = 0; i < p.size(); i++) {
                        if (p.skipped[i] == null) {
                            out.writeByte(OK);
                            out.writeBoolean(p.darkOnLight[i]);
                            out.write(p.kept, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
                            out.write(p.inverted, i * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
                        } else {
                            out.writeByte(SKIPPED);
                            out.writeUTF(p.skipped[i].messageKey());
                            writeArgs(out, p.skipped[i].reasonArgs());
                        }
                    }
                    out.flush();
                    deflated.finish();
                } finally {
                    deflater.end();
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.info("The folder's pictures could not be cached in {}: {}", file, e.toString());
        }
    }

    /** A reason's arguments: numbers stay numbers, so the message formats them as numbers. */
    private static void writeArgs(DataOutputStream out, List<Object> args) throws IOException {
        out.writeByte(args.size());
        for (Object a : args) {
            if (a instanceof Number n) {
                out.writeByte('L');
                out.writeLong(n.longValue());
            } else {
                out.writeByte('S');
                out.writeUTF(String.valueOf(a));
            }
        }
    }

    private static List<Object> readArgs(DataInputStream in) throws IOException {
        int n = in.readUnsignedByte();
        List<Object> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(in.readByte() == 'L' ? (Object) in.readLong() : in.readUTF());
        }
        return args;
    }
}

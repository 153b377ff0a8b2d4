package org.latentexplorer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A folder of pictures (or a zip of one) read as a data set: listed ({@link FolderListing}), each picture converted the
 * MNIST way ({@link PictureDecoder}) by a small pool of threads, the result cached ({@link FolderCache}), and the
 * grey levels turned over for the whole set when most pictures are dark strokes on light paper (or as the spec says).
 * Bad files are skipped with their reason; a folder with too few usable pictures is refused, saying how many it has.
 */
public final class ImageFolder {
    /** Decoding threads: pictures are independent, and a couple of threads already keep a disk busy. */
    static final int MAX_THREADS = 4;
    /** How often the reading thread reports progress and looks for a cancel. */
    private static final long POLL_MILLIS = 100;

    /**
     * Label folders in name order, except that names of digits go by their number: folders 0 to 45 keep their numbers
     * as labels (as an exported IDX set's folders do) instead of 10 coming before 2.
     */
    static final Comparator<String> LABEL_ORDER = (a, b) -> {
        boolean numbers = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
        int byNumber = numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : 0;
        return byNumber != 0 ? byNumber : a.compareTo(b);
    };

    private ImageFolder() {
    }

    /** Reads the folder into the user's cache; see {@link #read(FolderSpec, DoubleConsumer, BooleanSupplier, FolderCache)}. */
    public static FolderSet read(FolderSpec spec, DoubleConsumer progress, BooleanSupplier cancelled)
            throws DataException {
        return read(spec, progress, cancelled, FolderCache.standard());
    }

    /**
     * @param progress  gets the share of the pictures converted, from 0 to 1, on the calling thread
     * @param cancelled asked a few times a second; when it says true, or the calling thread is interrupted, the read
     *                  stops and throws {@link CancellationException}
     */
    static FolderSet read(FolderSpec spec, DoubleConsumer progress, BooleanSupplier cancelled, FolderCache cache)
            throws DataException {
        try (FolderListing listing = FolderListing.of(spec, cancelled)) {
            int n = listing.pictures().size();
            long memory = (long) n * PictureDecoder.PIXELS * (2 + IdxReader.BYTES_PER_PIXEL);
            if (memory > IdxReader.memoryBudget()) {
                throw new DataException("data.error.tooLarge", spec.displayName(), n, IdxReader.megabytes(memory),
                        IdxReader.megabytes(IdxReader.memoryBudget()));
            }
            FolderCache.Pictures pictures = cache.read(listing);
            if (pictures == null) {
                pictures = convert(listing, progress, cancelled);
                cache.write(listing, pictures);
            }
            progress.accept(1);
            return assemble(spec, listing, pictures);
        }
    }

    /** Converts every picture on a few threads; this thread reports progress and watches for a cancel. */
    private static FolderCache.Pictures convert(FolderListing listing, DoubleConsumer progress,
            BooleanSupplier cancelled) {
        List<FolderListing.Entry> entries = listing.pictures();
        FolderCache.Pictures out = new FolderCache.Pictures(entries.size());
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-folder-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < entries.size() && !stop.get(); i = next.getAndIncrement()) {
                        FolderListing.Entry e = entries.get(i);
                        try {
                            out.put(i, PictureDecoder.convert(listing.read(e)));
                        } catch (PictureDecoder.Skip s) {
                            out.skipped[i] = s.of(e.path());
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> w : workers) {
                do {
                    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("reading " + listing.source() + " was cancelled");
                    }
                    progress.accept((double) done.get() / Math.max(1, entries.size()));
                } while (!finished(w));
            }
            return out;
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private static boolean finished(Future<?> worker) {
        try {
            worker.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // Only an error (out of memory) gets here: every failure of a picture is caught as its skip.
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The usable pictures as a set, turned as the polarity says, labelled by their folders in name order. */
    private static FolderSet assemble(FolderSpec spec, FolderListing listing, FolderCache.Pictures p)
            throws DataException {
        List<FolderListing.Entry> entries = listing.pictures();
        List<FolderSet.Skipped> skipped = new ArrayList<>(listing.skipped());
        List<Integer> usable = new ArrayList<>();
        int darkOnLight = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.skipped[i] != null) {
                skipped.add(p.skipped[i]);
            } else {
                usable.add(i);
                darkOnLight += p.darkOnLight[i] ? 1 : 0;
            }
        }
        skipped.sort(Comparator.comparing(FolderSet.Skipped::path));
        if (usable.size() < FolderSet.MIN_IMAGES) {
            throw new DataException("data.folder.tooFew", spec.displayName(), usable.size(), skipped.size(),
                    FolderSet.MIN_IMAGES);
        }
        boolean invert = switch (spec.polarity()) {
            case AUTO -> 2 * darkOnLight > usable.size();
            case KEEP -> false;
            case INVERT -> true;
        };
        List<String> names = new ArrayList<>();
        if (listing.labelled()) {
            TreeSet<String> distinct = new TreeSet<>(LABEL_ORDER);
            usable.forEach(i -> distinct.add(entries.get(i).label()));
            names.addAll(distinct);
        }
        byte[] pixels = new byte[usable.size() * PictureDecoder.PIXELS];
        int[] labels = new int[usable.size()];
        int[] counts = new int[Math.max(1, names.size())];
        byte[] from = invert ? p.inverted : p.kept;
        for (int k = 0; k < usable.size(); k++) {
            int i = usable.get(k);
            System.arraycopy(from, i * PictureDecoder.PIXELS, pixels, k * PictureDecoder.PIXELS, PictureDecoder.PIXELS);
            labels[k] = names.isEmpty() ? -1 : java.util.Collections.binarySearch(names, entries.get(i).label(),
                    LABEL_ORDER);
            counts[Math.max(0, labels[k])]++;
        }
        ImageSet images = new ImageSet(spec.displayName(), MnistStyle.SIDE, MnistStyle.SIDE, pixels, labels, names);
        return new FolderSet(spec, images, counts, skipped, entries.size(), darkOnLight, invert);
    }
}

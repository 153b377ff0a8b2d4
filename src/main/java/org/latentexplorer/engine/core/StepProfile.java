package org.latentexplorer.engine.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a training step's time goes, from the JDK's own sampling profiler (Java Flight Recorder): every few
 * milliseconds the training thread's stack is taken, in Java code or in a native call alike, and each sample is put
 * in the first {@link Part} whose frames it contains. No library does this attribution for ND4J's JNI calls.
 */
public final class StepProfile {
    /** Two milliseconds between samples: a few hundred samples for a hundred steps of the dense models. */
    private static final Duration PERIOD = Duration.ofMillis(2);
    private static final Pattern JDK = Pattern.compile("^(java|javax|jdk|sun)\\.");

    /** The parts of a step, checked in this order against every frame of a sample's stack. */
    public enum Part {
        /** BLAS matrix products: the dense layers' forward and backward products and the convolutions' im2col ones. */
        MATRIX_PRODUCTS("matrix_products", false, "(?i)\\.(gemm|mmul|mmuli|sgemm|dgemm)$|\\.Mmul|\\.BaseLevel3\\."),
        /** The optimizer: ND4J's Adam op and DL4J's updater blocks around it. */
        UPDATER("updater", false, "^org\\.nd4j\\.linalg\\.learning\\.|^org\\.deeplearning4j\\.nn\\.updater\\."),
        /** Unfolding images into columns and back, around the convolutions' products. */
        IM2COL("im2col_col2im", false, "(?i)im2col|col2im|\\.convolution\\.Convolution\\."),
        /** Every other native ND4J op: activations, element-wise arithmetic, reductions, batch norm, copies. */
        OTHER_ND4J_OPS("other_nd4j_ops", false, "^org\\.nd4j\\.(nativeblas|linalg\\.cpu\\.nativecpu)\\..*(exec|Exec)"),
        /** Making arrays and their native buffers, and freeing them. */
        ALLOCATION("allocation", false, "^org\\.bytedeco\\.|\\.buffer\\.|\\.create(Uninitialized)?$|\\.dup$"),
        /** The app's own Java on top of the stack: losses, batching, the GAN's judgement, copies into arrays. */
        APP_JAVA("app_java", true, "^org\\.latentexplorer\\."),
        /** DL4J's and ND4J's Java on top of the stack, around the ops: layer machinery, shape checks, workspaces. */
        FRAMEWORK_JAVA("framework_java", true, "^org\\.(nd4j|deeplearning4j)\\.");

        private final String key;
        /** Only the topmost frame outside the JDK counts: the app's and the frameworks' Java are on every stack. */
        private final boolean topOnly;
        private final Pattern frame;

        Part(String key, boolean topOnly, String framePattern) {
            this.key = key;
            this.topOnly = topOnly;
            this.frame = Pattern.compile(framePattern);
        }

        public String key() {
            return key;
        }
    }

    /** Samples of the profiled thread and each part's share of them; the rest (JVM, JDK) is 1 minus their sum. */
    public record Breakdown(int samples, Map<Part, Double> shares) {
        public double share(Part part) {
            return shares.getOrDefault(part, 0.0);
        }
    }

    private StepProfile() {
    }

    /** Runs {@code work} on this thread under the sampling profiler and says where its time went. */
    public static Breakdown of(Runnable work) {
        String thread = Thread.currentThread().getName();
        try {
            Path file = Files.createTempFile("latent-explorer-profile", ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
                recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
                recording.start();
                work.run();
                recording.stop();
                recording.dump(file);
                return breakdown(RecordingFile.readAllEvents(file), thread);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the profile's recording", e);
        }
    }

    private static Breakdown breakdown(List<RecordedEvent> events, String thread) {
        Map<Part, Integer> counts = new EnumMap<>(Part.class);
        int samples = 0;
        for (RecordedEvent e : events) {
            if (!e.hasField("sampledThread") || e.getStackTrace() == null
                    || !thread.equals(e.getThread("sampledThread").getJavaName())) {
                continue;
            }
            samples++;
            Part part = partOf(e.getStackTrace().getFrames().stream()
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList());
            if (part != null) {
                counts.merge(part, 1, Integer::sum);
            }
        }
        Map<Part, Double> shares = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            shares.put(p, samples == 0 ? 0.0 : counts.getOrDefault(p, 0) / (double) samples);
        }
        return new Breakdown(samples, shares);
    }

    /** The topmost frame that is not the JDK's (a collection or a lambda's plumbing works for whoever called it). */
    private static List<String> topOutsideTheJdk(List<String> frames) {
        return frames.stream().filter(f -> !JDK.matcher(f).find()).limit(1).toList();
    }

    /** The first part, in the enum's order, that the stack belongs to; null for the JVM's and the JDK's own code. */
    static Part partOf(List<String> frames) {
        for (Part p : Part.values()) {
            for (String frame : p.topOnly ? topOutsideTheJdk(frames) : frames) {
                if (p.frame.matcher(frame).find()) {
                    return p;
                }
            }
        }
        return null;
    }
}

package org.latentexplorer.engine.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Generator's samples of one fixed noise grid at steps of a run, oldest first: how a learner watches the same z
 * turn from noise into digits. Kept as an experiment's (or a shipped model's history's) view state, the way the GAN
 * section saves it and the {@code train} command records it.
 */
public final class SampleTimeline {
    /** Samples per frame: an 8 × 8 grid. */
    public static final int GRID = 64;
    /** The same z all along, so the grid shows one set of samples learning. */
    public static final long FIXED_NOISE_SEED = 20_140_610;

    private static final String FRAMES = "timeline";
    private static final String INDEX = "timeline_index";

    /** One frame: the step it was drawn at and its samples, rows × cols pixels each, in [0, 1]. */
    public record Frame(long step, int rows, int cols, List<float[]> images) {
        public Frame {
            images = List.copyOf(images);
        }
    }

    private SampleTimeline() {
    }

    /**
     * The step of frame i of a timeline of {@code frames} over a run: spaced by the square of i, so the first frames,
     * where the samples change most, are steps apart and the last ones hundreds (48 frames over 14,200 steps: 6, 25,
     * 58, ... 1,446 at the 15th).
     */
    public static long frameStep(int i, int frames, long totalSteps) {
        double share = Math.min(1, (double) i / (frames - 1));
        return Math.max(i, Math.round(totalSteps * share * share));
    }

    /** The fixed noise the frames are drawn from, for this Generator's noise size and distribution. */
    public static INDArray fixedNoise(Gan gan) {
        return gan.noise(GRID, FIXED_NOISE_SEED);
    }

    /** The Generator's samples of {@code noise} at this step, as one frame of side × side images. */
    public static Frame draw(Gan gan, INDArray noise, long step, int side) {
        return new Frame(step, side, side, images(Tensors.toFloats(gan.decode(noise)), side * side));
    }

    /** The frames as view state (each image one byte a pixel, Base64), with the frame the slider is at. */
    public static Map<String, Object> stored(List<Frame> frames, int index) {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Frame f : frames) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", f.step());
            m.put("rows", f.rows());
            m.put("cols", f.cols());
            m.put("pixels", bytes(f.images()));
            stored.add(m);
        }
        return Map.of(FRAMES, stored, INDEX, index);
    }

    /** The frames view state holds, leaving out any damaged one (the others still show how the samples grew). */
    public static List<Frame> restored(Map<String, Object> view) {
        List<Frame> restored = new ArrayList<>();
        if (!(view.get(FRAMES) instanceof List<?> stored)) {
            return restored;
        }
        for (Object o : stored) {
            if (o instanceof Map<?, ?> m && m.get("pixels") instanceof String pixels && m.get("rows") instanceof Number r
                    && m.get("cols") instanceof Number c && m.get("step") instanceof Number step) {
                int rows = r.intValue();
                int cols = c.intValue();
                try {
                    float[] values = pixels(pixels);
                    int per = rows * cols;
                    if (rows > 0 && cols > 0 && values.length > 0 && values.length % per == 0) {
                        restored.add(new Frame(step.longValue(), rows, cols, images(values, per)));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // Left out, as a frame of the wrong size is.
                }
            }
        }
        return restored;
    }

    /** The slider's frame in view state; the newest when absent or out of range. */
    public static int restoredIndex(Map<String, Object> view, int frames) {
        int i = view.get(INDEX) instanceof Number n ? n.intValue() : frames - 1;
        return i < 0 || i >= frames ? frames - 1 : i;
    }

    /** Consecutive images of {@code per} pixels each, cut out of one array. */
    private static List<float[]> images(float[] pixels, int per) {
        List<float[]> images = new ArrayList<>(pixels.length / per);
        for (int i = 0; i < pixels.length / per; i++) {
            images.add(Arrays.copyOfRange(pixels, i * per, (i + 1) * per));
        }
        return images;
    }

    /** Images in [0, 1] as one byte a pixel, Base64: a quarter of the floats' size, and what a screen shows of them. */
    private static String bytes(List<float[]> images) {
        int per = images.isEmpty() ? 0 : images.get(0).length;
        byte[] b = new byte[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            float[] img = images.get(i);
            for (int j = 0; j < per; j++) {
                b[i * per + j] = (byte) Math.round(Math.max(0f, Math.min(1f, img[j])) * 255);
            }
        }
        return Base64.getEncoder().encodeToString(b);
    }

    private static float[] pixels(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = (b[i] & 0xff) / 255f;
        }
        return f;
    }
}

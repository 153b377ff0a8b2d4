package org.latentexplorer.engine.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.engine.core.CurveThinning;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.QualityReference;
import org.latentexplorer.engine.gan.SampleQuality;
import org.latentexplorer.engine.gan.SampleTimeline;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run's history as it trains, for a model that ships with it: each loss term's curve on the training batches and on
 * the held-out set, keyed and thinned as the app's charts keep them, and for a GAN the timeline of samples of one
 * fixed noise and, when asked, its sample quality. The Trainer's thread calls it; read it once the run has ended.
 */
public final class TrainingHistory implements TrainerListener {
    /** Points a curve keeps, in a history and in a section's chart, spread evenly over the run. */
    public static final int MAX_CURVE_POINTS = 2000;
    /** Frames a shipped GAN's timeline keeps: enough to scrub from noise to digits, small enough to ship. */
    public static final int MAX_FRAMES = 48;
    public static final String TRAIN = "train";
    public static final String HELD_OUT = "heldout";
    /** A GAN's sample quality over the run, scored by the data set's classifier: {@link #QUALITY_TERMS}. */
    public static final String QUALITY = "quality";
    public static final String CLASSES_COVERED = "classes_covered";
    public static final String SMALLEST_CLASS = "smallest_class_share";
    public static final String INCEPTION_SCORE = "inception_score";
    public static final String FRECHET_DISTANCE = "frechet_distance";
    public static final List<String> QUALITY_TERMS = List.of(CLASSES_COVERED, SMALLEST_CLASS, INCEPTION_SCORE,
            FRECHET_DISTANCE);

    private final Map<String, List<double[]>> curves = new LinkedHashMap<>();
    private final Map<String, CurveThinning> thinnings = new HashMap<>();
    private final Gan gan;
    private final INDArray noise;
    private final List<SampleTimeline.Frame> frames = new ArrayList<>();
    private final long totalSteps;
    private final int side;
    private QualityReference quality;
    private long qualityEvery;
    private LossTerms latestQuality;

    /**
     * @param model the model being trained, before its first step (a GAN's untrained samples are the first frame)
     * @param totalSteps the run's steps, over which the frames are spread
     * @param side the images' side in pixels
     */
    public TrainingHistory(GenerativeModel model, long totalSteps, int side) {
        this.gan = model instanceof Gan g ? g : null;
        this.side = side;
        this.totalSteps = totalSteps;
        this.noise = gan == null ? null : SampleTimeline.fixedNoise(gan);
        if (gan != null) {
            frames.add(SampleTimeline.draw(gan, noise, 0, side));
        }
    }

    /**
     * Also scores a GAN's samples every {@code everySteps} steps and at the last, as its section does while it
     * trains, so the run's quality curve ships with it. Call before the run starts.
     */
    public void scoreQuality(QualityReference reference, long everySteps) {
        if (everySteps < 1) {
            throw new IllegalArgumentException("quality needs a positive interval, got " + everySteps);
        }
        this.quality = gan == null ? null : reference;
        this.qualityEvery = everySteps;
    }

    /** The latest quality scores, or null before the first (or for a model that is no GAN). */
    public LossTerms latestQuality() {
        return latestQuality;
    }

    /** The key a curve is stored under: the split, then the loss term, as the sections' charts name them. */
    public static String key(String split, String term) {
        return split + ":" + term;
    }

    @Override
    public void onStep(StepEvent e) {
        add(TRAIN, e.step(), e.train());
        if (gan != null && frames.size() < MAX_FRAMES
                && e.step() >= SampleTimeline.frameStep(frames.size(), MAX_FRAMES, totalSteps)) {
            frames.add(SampleTimeline.draw(gan, noise, e.step(), side));
        }
        if (quality != null && (e.step() % qualityEvery == 0 || e.step() == totalSteps)) {
            latestQuality = qualityTerms(quality.score(gan));
            add(QUALITY, e.step(), latestQuality);
        }
    }

    private static LossTerms qualityTerms(SampleQuality.Report r) {
        int[] histogram = r.histogram();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CLASSES_COVERED, (double) r.classesCovered());
        m.put(SMALLEST_CLASS, (double) Arrays.stream(histogram).min().orElse(0) / Arrays.stream(histogram).sum());
        m.put(INCEPTION_SCORE, r.inceptionScore());
        m.put(FRECHET_DISTANCE, r.frechetDistance());
        return LossTerms.of(m);
    }

    @Override
    public void onEval(EvalEvent e) {
        add(HELD_OUT, e.step(), e.heldOut());
    }

    private void add(String split, long step, LossTerms terms) {
        terms.asMap().forEach((term, value) -> {
            String key = key(split, term);
            thinnings.computeIfAbsent(key, k -> new CurveThinning(MAX_CURVE_POINTS))
                    .append(curves.computeIfAbsent(key, k -> new ArrayList<>()), new double[] {step, value});
        });
    }

    /** The curves recorded so far, each a list of [step, value]. */
    public Map<String, List<double[]>> curves() {
        Map<String, List<double[]>> copy = new LinkedHashMap<>();
        curves.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** What a section's view restores: a GAN's timeline at its newest frame; nothing for other models. */
    public Map<String, Object> view() {
        if (gan == null) {
            return Map.of();
        }
        return SampleTimeline.stored(frames, frames.size() - 1);
    }
}

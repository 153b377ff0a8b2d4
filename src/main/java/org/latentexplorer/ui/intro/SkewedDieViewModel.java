package org.latentexplorer.ui.intro;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.intro.SkewedDie;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * Generative against discriminative without any Node. The generative side: the learner's die (six true
 * probabilities that always sum to 1), N rolls of it shown all at once or one by one, the categorical model p(x)
 * fitted to them (maximum likelihood, or the posterior mean under a Dirichlet prior), a pseudo die rolled from the
 * fit, and the fit's error against N. The discriminative side: the shipped MNIST classifier's q(y|x) on held-out
 * digits. Rolls and fits run on this view model's thread, the classifier on another; the UI thread only applies
 * their results, at most {@link TrainingViewModel#UPDATES_PER_SECOND} times a second.
 */
public final class SkewedDieViewModel implements CurveSource {
    static final String MLE = "mle";
    static final String PRIOR = "prior";
    public static final int MAX_ROLLS = 100_000;
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 1000;
    /** Held-out digits the learner can pick from. */
    static final int DIGITS = 20;
    static final String CLASSIFIER = Classifier.KIND + "-mnist";
    /** Points of the error curve: evenly spaced in log N, which is how the chart shows N. */
    private static final int CURVE_POINTS = 48;
    private static final long TICK_MILLIS = 1000 / TrainingViewModel.UPDATES_PER_SECOND;
    /** Keeps the pseudo die's rolls apart from the real die's under the same seed. */
    private static final long PSEUDO_SEED = 0x5eed_d1ceL;

    /** What the histograms and numbers show for the rolls seen so far, computed off the UI thread. */
    record Outcome(int shown, int lastRoll, double[] observed, double[] estimate, double[] pseudo, double error,
            List<double[]> mleCurve, List<double[]> priorCurve) {
    }

    private final I18n i18n;
    private final Background worker;
    /** Loads the classifier apart from the die's worker, so a roll never waits for ND4J to start. */
    private final Background classifierLoader;
    private final Background.Throttle throttle;

    // The learner's die and settings.
    private final ReadOnlyDoubleWrapper[] truth = new ReadOnlyDoubleWrapper[SkewedDie.FACES];
    private final ReadOnlyObjectWrapper<double[]> truthValues = new ReadOnlyObjectWrapper<>(this, "truth");
    private final IntegerProperty rolls = new SimpleIntegerProperty(this, "rolls", 100);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 20);
    private final BooleanProperty prior = new SimpleBooleanProperty(this, "prior", false);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 1);

    // What the view shows.
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper lastRoll = new ReadOnlyIntegerWrapper(this, "lastRoll", -1);
    private final ReadOnlyObjectWrapper<double[]> observed = new ReadOnlyObjectWrapper<>(this, "observed",
            new double[SkewedDie.FACES]);
    private final ReadOnlyObjectWrapper<double[]> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyObjectWrapper<double[]> pseudo = new ReadOnlyObjectWrapper<>(this, "pseudo",
            new double[SkewedDie.FACES]);
    private final ReadOnlyDoubleWrapper error = new ReadOnlyDoubleWrapper(this, "error", Double.NaN);
    /** The fit's error against N: {@link #MLE} and, under a prior, {@link #PRIOR}. */
    private final CurveStore curves = new CurveStore();

    // The discriminative side.
    private final IntegerProperty digit = new SimpleIntegerProperty(this, "digit", 0);
    private final ReadOnlyObjectWrapper<ImageGrid> digitImage = new ReadOnlyObjectWrapper<>(this, "digitImage");
    private final ReadOnlyIntegerWrapper digitLabel = new ReadOnlyIntegerWrapper(this, "digitLabel", -1);
    private final ReadOnlyObjectWrapper<double[]> classProbabilities = new ReadOnlyObjectWrapper<>(this,
            "classProbabilities");
    private final ReadOnlyIntegerWrapper predicted = new ReadOnlyIntegerWrapper(this, "predicted", -1);
    private final ReadOnlyStringWrapper classifierMessage = new ReadOnlyStringWrapper(this, "classifierMessage", "");
    private ImageSet digits;
    private double[][] digitProbabilities;

    // Handed from the worker to the next UI update.
    private final AtomicReference<Outcome> pending = new AtomicReference<>();

    // Read by the worker, written on the UI thread.
    private volatile SkewedDie die = SkewedDie.skewed();
    private volatile double priorAlpha;
    private volatile double rollsPerSecond = speed.get();
    /** Each roll, animation or stop starts a new generation; an animation runs while its generation is current. */
    private volatile long generation;

    // Owned by the worker.
    private int[] sequence = new int[0];
    private int sequenceShown;
    private long sequenceSeed;
    private long nextSeed = 1;

    public SkewedDieViewModel(I18n i18n, Background worker, Background classifierLoader) {
        this.i18n = i18n;
        this.worker = worker;
        this.classifierLoader = classifierLoader;
        throttle = worker.throttle(TICK_MILLIS, this::applyOutcome);
        for (int k = 0; k < SkewedDie.FACES; k++) {
            truth[k] = new ReadOnlyDoubleWrapper(this, "truth" + k);
        }
        showTruth(die.probabilities());
        prior.addListener((o, a, b) -> estimatorChanged());
        alpha.addListener((o, a, b) -> {
            if (!(b.doubleValue() > 0) || Double.isInfinite(b.doubleValue())) {
                alpha.set(a.doubleValue());
            } else {
                estimatorChanged();
            }
        });
        rolls.addListener((o, a, b) -> {
            if (b.intValue() < 1 || b.intValue() > MAX_ROLLS) {
                rolls.set(Math.max(1, Math.min(MAX_ROLLS, b.intValue())));
            }
        });
        speed.addListener((o, a, b) -> rollsPerSecond = Math.max(MIN_SPEED, Math.min(MAX_SPEED, b.doubleValue())));
        digit.addListener((o, a, b) -> {
            if (digits != null) {
                showDigit();
            }
        });
    }

    /** Loads the held-out digits and the shipped classifier, and scores them, in the background. */
    public void initialize() {
        classifierMessage.set(i18n.get("generative.classifier.loading"));
        classifierLoader.run(this::loadClassifier,
                e -> classifierMessage.set(i18n.get("generative.classifier.error", i18n.describe(e))));
    }

    /** Loader: the digits' q(y|x) all at once, so picking a digit later never waits for ND4J. */
    private void loadClassifier() throws Exception {
        ImageSet heldOut = Split.of(BundledDataset.MNIST.load(), Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED)
                .heldOut();
        int[] idx = new int[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            idx[i] = i;
        }
        ImageSet shownDigits = heldOut.subset(heldOut.name(), idx);
        Nd4jRuntime.ensureReady();
        Classifier classifier = ModelStore.loadBundledClassifier(CLASSIFIER);
        float[] q = Tensors.toFloats(classifier.probabilities(Tensors.rows(shownDigits.gather(idx), DIGITS)));
        double[][] rows = new double[DIGITS][Classifier.NUM_CLASSES];
        for (int i = 0; i < DIGITS; i++) {
            for (int c = 0; c < Classifier.NUM_CLASSES; c++) {
                rows[i][c] = q[i * Classifier.NUM_CLASSES + c];
            }
        }
        classifierLoader.ui(() -> {
            digits = shownDigits;
            digitProbabilities = rows;
            classifierMessage.set("");
            showDigit();
        });
    }

    private void showDigit() {
        int i = Math.max(0, Math.min(DIGITS - 1, digit.get()));
        digitImage.set(new ImageGrid(List.of(digits.image(i)), digits.rows(), digits.cols()));
        digitLabel.set(digits.label(i));
        double[] q = digitProbabilities[i];
        classProbabilities.set(q.clone());
        int best = 0;
        for (int c = 1; c < q.length; c++) {
            if (q[c] > q[best]) {
                best = c;
            }
        }
        predicted.set(best);
    }

    // ---- the die ---------------------------------------------------------------------------------------------

    /**
     * Sets one face's true probability (clamped to [0, 1]) and scales the other five so all six still sum to 1;
     * when the others are all 0 they share the rest equally. Rolls already shown are rolled again from the new die.
     */
    public void setProbability(int face, double p) {
        double v = Double.isNaN(p) ? truth[face].get() : Math.max(0, Math.min(1, p));
        double[] next = new double[SkewedDie.FACES];
        double others = 0;
        for (int k = 0; k < SkewedDie.FACES; k++) {
            if (k != face) {
                others += truth[k].get();
            }
        }
        for (int k = 0; k < SkewedDie.FACES; k++) {
            if (k == face) {
                next[k] = v;
            } else {
                next[k] = others > 0 ? truth[k].get() * (1 - v) / others : (1 - v) / (SkewedDie.FACES - 1);
            }
        }
        setDie(new SkewedDie(next));
    }

    /** A fair die. */
    public void fair() {
        setDie(SkewedDie.fair());
    }

    /** The example skewed die. */
    public void skewed() {
        setDie(SkewedDie.skewed());
    }

    private void setDie(SkewedDie next) {
        die = next;
        showTruth(next.probabilities());
        // The rolls on screen came from the old die: the same seed and count again, from the new one.
        generation++;
        animating.set(false);
        worker.run(() -> {
            if (sequenceShown > 0) {
                sequence = next.roll(sequence.length, sequenceSeed);
                publish(sequenceShown);
            }
        });
    }

    private void showTruth(double[] p) {
        for (int k = 0; k < SkewedDie.FACES; k++) {
            truth[k].set(p[k]);
        }
        truthValues.set(p);
    }

    /** N new rolls, all shown at once. */
    public void roll() {
        start(false);
    }

    /** N new rolls, shown one by one at {@link #speedProperty()} rolls a second until done or stopped. */
    public void animate() {
        start(true);
    }

    private void start(boolean animated) {
        long mine = ++generation;
        int n = rolls.get();
        SkewedDie d = die;
        animating.set(animated);
        worker.run(() -> {
            if (generation != mine) {
                return; // stopped or replaced before it began: the rolls on screen stay as they are
            }
            sequenceSeed = nextSeed++;
            sequence = d.roll(n, sequenceSeed);
            if (animated) {
                animate(mine);
            } else {
                publish(n);
            }
        });
    }

    /** Worker: reveals the rolls at the chosen speed; a speed change takes effect at the next tick. */
    private void animate(long mine) {
        double due = 1;
        long last = System.nanoTime();
        int count = 0;
        while (generation == mine && count < sequence.length) {
            int next = Math.min(sequence.length, (int) due);
            if (next > count) {
                count = next;
                publish(count);
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            due += rollsPerSecond * (now - last) / 1e9;
            last = now;
        }
        if (generation == mine) {
            worker.ui(() -> {
                if (generation == mine) {
                    animating.set(false);
                }
            });
        }
    }

    /** Stops an animation where it is; the rolls shown so far stay. */
    public void stop() {
        generation++;
        animating.set(false);
    }

    private void estimatorChanged() {
        priorAlpha = prior.get() ? alpha.get() : 0;
        worker.run(() -> {
            if (sequenceShown > 0) {
                publish(sequenceShown);
            }
        });
    }

    /** Worker: the fit, the pseudo die and the error curve for the first {@code n} rolls. */
    private void publish(int n) {
        sequenceShown = n;
        SkewedDie d = die;
        double a = priorAlpha;
        int[] counts = SkewedDie.counts(sequence, n);
        double[] fit = a > 0 ? SkewedDie.posteriorMean(counts, a) : SkewedDie.maximumLikelihood(counts);
        double[] pseudoFrequencies = SkewedDie.frequencies(SkewedDie.counts(
                new SkewedDie(fit).roll(n, sequenceSeed ^ PSEUDO_SEED), n));
        int[] ns = SkewedDie.logSpaced(n, CURVE_POINTS);
        pending.set(new Outcome(n, sequence[n - 1], SkewedDie.frequencies(counts), fit, pseudoFrequencies,
                SkewedDie.totalVariation(d.probabilities(), fit), curve(ns, d.errorCurve(sequence, ns, 0)),
                a > 0 ? curve(ns, d.errorCurve(sequence, ns, a)) : List.of()));
        throttle.request();
    }

    /** (log10 N, log10 error) points; an error of exactly 0 has no place on a log axis and is left out. */
    private static List<double[]> curve(int[] ns, double[] errors) {
        List<double[]> points = new ArrayList<>(ns.length);
        for (int i = 0; i < ns.length; i++) {
            if (errors[i] > 0) {
                points.add(new double[] {Math.log10(ns[i]), Math.log10(errors[i])});
            }
        }
        return points;
    }

    /** UI thread. */
    private void applyOutcome() {
        Outcome o = pending.getAndSet(null);
        if (o == null) {
            return;
        }
        shown.set(o.shown());
        lastRoll.set(o.lastRoll());
        observed.set(o.observed());
        estimate.set(o.estimate());
        pseudo.set(o.pseudo());
        error.set(o.error());
        curves.setAll(MLE, o.mleCurve());
        curves.setAll(PRIOR, o.priorCurve());
    }

    @Override
    public ObservableList<XYChart.Data<Number, Number>> curve(String split, String term) {
        return curves.curve(PRIOR.equals(term) ? PRIOR : MLE);
    }

    public void shutdown() {
        generation++;
        worker.close();
        classifierLoader.close();
    }

    // ---- properties -----------------------------------------------------------------------------------------

    /** Face 0 to 5's true probability. */
    public ReadOnlyDoubleProperty truthProperty(int face) { return truth[face].getReadOnlyProperty(); }
    /** All six true probabilities, a new array on each change. */
    public ReadOnlyObjectProperty<double[]> truthValuesProperty() { return truthValues.getReadOnlyProperty(); }
    /** N: how many rolls the next Roll or Animate makes. */
    public IntegerProperty rollsProperty() { return rolls; }
    /** Rolls a second while animating. */
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty priorProperty() { return prior; }
    /** The symmetric Dirichlet prior's α, above 0. */
    public DoubleProperty alphaProperty() { return alpha; }
    public ReadOnlyBooleanProperty animatingProperty() { return animating.getReadOnlyProperty(); }
    /** Rolls shown so far. */
    public ReadOnlyIntegerProperty shownProperty() { return shown.getReadOnlyProperty(); }
    /** The face of the newest roll shown, 0 to 5, or -1 before any. */
    public ReadOnlyIntegerProperty lastRollProperty() { return lastRoll.getReadOnlyProperty(); }
    /** n_k / N of the rolls shown. */
    public ReadOnlyObjectProperty<double[]> observedProperty() { return observed.getReadOnlyProperty(); }
    /** The fitted p(x); null before any roll. */
    public ReadOnlyObjectProperty<double[]> estimateProperty() { return estimate.getReadOnlyProperty(); }
    /** Frequencies of as many rolls of the pseudo die (the fitted model) as were shown. */
    public ReadOnlyObjectProperty<double[]> pseudoProperty() { return pseudo.getReadOnlyProperty(); }
    /** The fit's total variation distance from the true die. */
    public ReadOnlyDoubleProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Which held-out digit, 0 to {@value #DIGITS} − 1. */
    public IntegerProperty digitProperty() { return digit; }
    public ReadOnlyObjectProperty<ImageGrid> digitImageProperty() { return digitImage.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty digitLabelProperty() { return digitLabel.getReadOnlyProperty(); }
    /** q(y|x) of the digit, ten values. */
    public ReadOnlyObjectProperty<double[]> classProbabilitiesProperty() {
        return classProbabilities.getReadOnlyProperty();
    }
    public ReadOnlyIntegerProperty predictedProperty() { return predicted.getReadOnlyProperty(); }
    /** Loading, or why the classifier could not be used; empty once it is ready. */
    public ReadOnlyStringProperty classifierMessageProperty() { return classifierMessage.getReadOnlyProperty(); }
}

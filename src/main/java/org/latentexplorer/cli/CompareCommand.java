package org.latentexplorer.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.ganlab.Divergences;
import org.apache.commons.math3.stat.StatUtils;
import org.latentexplorer.engine.ganlab.GanLab;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.LabStage;
import org.latentexplorer.engine.ganlab.LabVariant;
import org.latentexplorer.engine.ganlab.ModeMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the GAN problems lab's variants (vanilla GAN and its remedies) on a 2-D mixture, on the"
                + " mode-collapse stage and the vanishing-gradient stage, and print one JSON line per stage and"
                + " variant: modes covered, share of high-quality samples, JSD and EMD to the real distribution,"
                + " the Generator's gradient norm and D(G(z)) (at the start, at the end of D's head start, at the"
                + " end), speed.")
final class CompareCommand implements Callable<Integer> {
    /**
     * Where, on the ring, Unrolled GAN, WGAN and Minibatch Discrimination have spread over most modes while the vanilla
     * GAN is still collapsed.
     */
    static final int DEFAULT_STEPS = 6000;
    /**
     * On the vanishing-gradient stage: D's head start (half of it) for D to overpower a fixed G, then as long again
     * for the remedies to move G.
     */
    static final int DEFAULT_VANISHING_STEPS = 3000;
    /**
     * Iterations over which G's gradient norm and D(G(z)) are summed up by their median: one batch's norm can be a
     * thousand times its neighbours' once D is confident, and a median is not thrown by those spikes.
     */
    static final int WINDOW = 100;
    static final int MAX_STEPS = 1_000_000;
    static final int MAX_SEEDS = 100;
    /** The mixtures of Gaussians, whose modes can be counted as covered or missed. */
    private static final Distribution2D.Kind[] DATA = {Distribution2D.Kind.RING, Distribution2D.Kind.GRID};
    /** Runs are single-threaded: more threads than runs or cores only wait. */
    static final int MAX_THREADS = 256;
    /** Points generated for modes covered, high quality and JSD, as in the lab's view. */
    static final int METRIC_SAMPLES = 2000;
    /** Points per side for the exact EMD, whose matching costs O(n³). */
    static final int EMD_SAMPLES = 256;
    /** Cells per side of the JSD's histogram over the distribution's square. */
    static final int JSD_BINS = 40;

    @Option(names = "--variants", split = ",", paramLabel = "ID",
            description = "variants to train on each stage, comma separated (default: the stage's own):"
                    + " vanilla_minimax, vanilla_non_saturating, small_d_dropout, unrolled, minibatch, wgan, wgan_gp")
    List<String> variants;

    @Option(names = "--stage", paramLabel = "ID",
            description = "mode_collapse (G outruns D) or vanishing_gradient (D overpowers G) (default: both)")
    String stage;

    @Option(names = "--data", defaultValue = "ring",
            description = "ring (8 Gaussians) or grid (5 x 5 Gaussians) (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--steps",
            description = "training iterations (k D steps, then one G step) per run (default: " + DEFAULT_STEPS
                    + " on the mode-collapse stage, " + DEFAULT_VANISHING_STEPS + " on the vanishing-gradient stage)")
    Integer steps;

    @Option(names = "--seeds", defaultValue = "6",
            description = "runs per variant, with seeds 1, 2, ... (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--head-start", paramLabel = "ITERATIONS",
            description = "D's head start: iterations in which G does not step (default: the stage's own, "
                    + "0 on mode_collapse)")
    Integer headStart;

    @Option(names = "--threads", description = "runs trained at once (default: the number of cores)")
    Integer threads;

    /**
     * One run's end state, and the medians of the Generator's gradient norm and of D(G(z)) over {@link #WINDOW}
     * iterations: the first, the last of D's head start (NaN without one), and the last; and the norm's mean over the
     * last two windows, which the rare large batches hold up.
     */
    private record Run(int covered, int modes, double highQuality, double jsd, double emd, double seconds,
            double gradientStart, double gradientHeadStart, double gradientEnd, double dFakeHeadStart,
            double dFakeEnd, double gradientHeadStartMean, double gradientEndMean) {
    }

    /** The runs of one variant on one stage. */
    private record Job(LabStage stage, LabVariant variant, List<Future<Run>> seeds) {
    }

    @Override
    public Integer call() throws Exception {
        List<LabVariant> chosen = chosenVariants();
        List<LabStage> stages = stage == null ? List.of(LabStage.values())
                : List.of(BadOption.choice("--stage", stage, LabStage.values(), LabStage::id));
        Distribution2D.Kind kind = BadOption.choice("--data", data, DATA, CompareCommand::id);
        if (steps != null) {
            BadOption.inRange("--steps", steps, 1, MAX_STEPS);
        }
        BadOption.inRange("--seeds", seeds, 1, MAX_SEEDS);
        if (threads != null) {
            BadOption.inRange("--threads", threads, 1, MAX_THREADS);
        }
        if (headStart != null) {
            BadOption.inRange("--head-start", headStart, 0, LabSettings.MAX_HEAD_START);
        }
        // Each run is single-threaded and seeded, so running several at once changes the time, never the numbers.
        int jobs = stages.stream().mapToInt(s -> (chosen != null ? chosen : s.variants()).size()).sum() * seeds;
        // A pool of that many workers, not the ui's Background: these are independent jobs with no UI to report to.
        ForkJoinPool pool = new ForkJoinPool(
                Math.min(jobs, threads != null ? threads : Runtime.getRuntime().availableProcessors()));
        try {
            List<Job> runs = new ArrayList<>();
            for (LabStage st : stages) {
                for (LabVariant v : chosen != null ? chosen : st.variants()) {
                    List<Future<Run>> perSeed = new ArrayList<>();
                    for (int s = 1; s <= seeds; s++) {
                        long seed = s;
                        perSeed.add(pool.submit(() -> train(st, v, kind, seed)));
                    }
                    runs.add(new Job(st, v, perSeed));
                }
            }
            for (Job job : runs) {
                List<Run> done = new ArrayList<>();
                for (Future<Run> f : job.seeds()) {
                    done.add(result(f));
                }
                System.out.println(Json.line(summary(job, kind, done)));
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** The variants named by --variants; null when absent, for each stage's own. */
    private List<LabVariant> chosenVariants() {
        return BadOption.listed("--variants", variants, null, LabVariant.ids(), id -> {
            try {
                return LabVariant.byId(id);
            } catch (IllegalArgumentException e) {
                throw new BadOption("compare.error.variant", id, LabVariant.ids());
            }
        });
    }

    private static Run result(Future<Run> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // The run's own error (a diverged loss) is what the user should read.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private int steps(LabStage st) {
        return steps != null ? steps : st == LabStage.MODE_COLLAPSE ? DEFAULT_STEPS : DEFAULT_VANISHING_STEPS;
    }

    /** A variant's settings on a stage, with the head start asked for. */
    private LabSettings settings(LabStage st, LabVariant variant, long seed) {
        LabSettings s = st.settings(variant, seed);
        return headStart != null ? s.withHeadStart(headStart) : s;
    }

    private Run train(LabStage st, LabVariant variant, Distribution2D.Kind kind, long seed) {
        Distribution2D real = Distribution2D.of(kind);
        LabSettings settings = settings(st, variant, seed);
        GanLab lab = new GanLab(real, settings);
        int n = steps(st);
        double[] gradient = new double[n];
        double[] dFake = new double[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // Another run failed: stop rather than train on for nothing.
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            GanLab.Losses l = lab.step();
            gradient[i] = l.generatorGradientNorm();
            dFake[i] = l.dFake();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int head = Math.min(n, settings.dHeadStart());
        // The real points the generated ones are measured against come from their own seeded stream.
        Random rng = new Random(seed);
        double[] generated = lab.sample(METRIC_SAMPLES);
        double[] reference = real.sample(METRIC_SAMPLES, rng);
        ModeMetrics.Coverage c = ModeMetrics.evaluate(generated, real.modes());
        double jsd = Divergences.histogramJensenShannon(reference, generated, real.extent(), JSD_BINS);
        double emd = Divergences.earthMovers(Arrays.copyOf(reference, 2 * EMD_SAMPLES),
                Arrays.copyOf(generated, 2 * EMD_SAMPLES));
        return new Run(c.covered(), c.modes(), c.highQualityShare(), jsd, emd, seconds, median(gradient, 0),
                head > 0 ? median(gradient, head - WINDOW) : Double.NaN, median(gradient, n - WINDOW),
                head > 0 ? median(dFake, head - WINDOW) : Double.NaN, median(dFake, n - WINDOW),
                head > 0 ? mean(gradient, head - WINDOW) : Double.NaN, mean(gradient, n - WINDOW));
    }

    /** The median of the {@link #WINDOW} values from {@code from} on (from 0 when there are fewer before it). */
    private static double median(double[] values, int from) {
        int start = Math.max(0, from);
        return StatUtils.percentile(values, start, Math.min(WINDOW, values.length - start), 50);
    }

    /** The mean of the same values as {@link #median(double[], int)}. */
    private static double mean(double[] values, int from) {
        int start = Math.max(0, from);
        return StatUtils.mean(values, start, Math.min(WINDOW, values.length - start));
    }

    private Map<String, Object> summary(Job job, Distribution2D.Kind kind, List<Run> runs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stage", job.stage().id());
        line.put("variant", job.variant().id());
        line.put("data", id(kind));
        line.put("seeds", runs.size());
        line.put("steps", steps(job.stage()));
        line.put("modes", runs.get(0).modes());
        line.put("modes_covered", runs.stream().mapToInt(Run::covered).toArray());
        line.put("modes_covered_mean", round(runs.stream().mapToInt(Run::covered).average().orElseThrow(), 100));
        line.put("modes_covered_min", runs.stream().mapToInt(Run::covered).min().orElseThrow());
        line.put("high_quality_mean", round(runs.stream().mapToDouble(Run::highQuality).average().orElseThrow(), 1000));
        line.put("jsd_mean", round(runs.stream().mapToDouble(Run::jsd).average().orElseThrow(), 1000));
        line.put("emd_mean", round(runs.stream().mapToDouble(Run::emd).average().orElseThrow(), 1000));
        // ‖∂L_G/∂θ_G‖ and D(G(z)), each run's median over a window, then the median over the seeds: the values span
        // orders of magnitude, and one seed's would swamp a mean. On the vanishing-gradient stage the minimax G's
        // falls towards 0 with D(G(z)) while D has its head start. A WGAN's critic gives no probability, so no
        // D(G(z)) for it.
        LabSettings settings = settings(job.stage(), job.variant(), 1);
        boolean head = settings.dHeadStart() > 0;
        line.put("head_start", settings.dHeadStart());
        line.put("g_grad_norm_start", significant(median(runs, Run::gradientStart)));
        if (head) {
            line.put("g_grad_norm_head_start_end", significant(median(runs, Run::gradientHeadStart)));
        }
        line.put("g_grad_norm_end", significant(median(runs, Run::gradientEnd)));
        // The mean over the same windows: once D is confident, most batches give G almost nothing and one in ten a
        // large gradient (the few generated points D is least sure of), so the mean stays up where the median falls.
        if (head) {
            line.put("g_grad_norm_head_start_end_mean", significant(median(runs, Run::gradientHeadStartMean)));
        }
        line.put("g_grad_norm_end_mean", significant(median(runs, Run::gradientEndMean)));
        if (!settings.wgan()) {
            if (head) {
                line.put("d_fake_head_start_end", significant(median(runs, Run::dFakeHeadStart)));
            }
            line.put("d_fake_end", significant(median(runs, Run::dFakeEnd)));
        }
        // Each run's own rate on its thread, training only.
        line.put("steps_per_second",
                round(steps(job.stage()) * runs.size() / runs.stream().mapToDouble(Run::seconds).sum(), 10));
        return line;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        return StatUtils.percentile(runs.stream().mapToDouble(f).toArray(), 50);
    }

    /** Three significant digits: the norms run from 1e-7 to 1e2. */
    private static double significant(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    private static String id(Distribution2D.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}

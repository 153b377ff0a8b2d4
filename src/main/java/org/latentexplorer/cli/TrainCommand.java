package org.latentexplorer.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.data.MiniBatches;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.core.AppInfo;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.engine.core.TrainingCheck;
import org.latentexplorer.engine.core.TrainingConfig;
import org.latentexplorer.engine.core.TrainingDivergedException;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.GanConfig;
import org.latentexplorer.engine.gan.QualityReference;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.HistoryFile;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.latentexplorer.engine.store.TrainingHistory;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.engine.vqvae.VqVaeConfig;
import org.latentexplorer.i18n.Localizable;
import org.latentexplorer.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model and save it (model file + JSON manifest).")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "model kind: ae, vae, vqvae, gan, dcgan, or classifier (the one that scores GAN samples)")
    String kind;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--epochs", defaultValue = "5", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "Adam learning rate, above 0 and at most 1 (default: 1e-3; for gan and dcgan"
            + " 2e-4, and the rate of both networks)")
    Double learningRate;

    @Option(names = {"--latent", "--code-dim"}, description = "size of the latent code z, of a GAN's noise z, or of each"
            + " of a VQ-VAE's code vectors (default: 2; 100 for gan and dcgan; 8 for vqvae)")
    Integer latent;

    // No defaultValue: an option left out is not passed on, so one given for a kind without it is refused.
    @Option(names = "--beta", description = "vae: weight of the reconstruction term in KL + beta * reconstruction"
            + " (default: 1.0); vqvae: weight of the commitment term beta ||z_e - sg[e]||^2 (default: 0.25)")
    Double beta;

    @Option(names = "--codebook-size", description = "vqvae only: number of codes K in the codebook (default: 32)")
    Integer codebookSize;

    @Option(names = "--restart-dead-codes", negatable = true, description = "vqvae only: move a code no vector has chosen"
            + " for " + VqVae.RESTART_AFTER + " batches onto an encoder output (default: on)")
    Boolean restartDeadCodes;

    @Option(names = "--input-noise", description = "ae only: masking, salt_and_pepper or gaussian noise on each training"
            + " input, with the clean image as target: a denoising autoencoder (default: none)")
    String inputNoise;

    @Option(names = "--input-noise-level", description = "ae only, with --input-noise: the share of pixels masked or set"
            + " to 0/1, or the sigma of the Gaussian noise")
    Double inputNoiseLevel;

    @Option(names = "--reconstruction", description = "vae only: bce or squared_error (default: bce)")
    String reconstruction;

    @Option(names = "--d-dropout", description = "gan and dcgan only: dropout probability on the Discriminator's hidden"
            + " layers, 0 to 0.9 (default: 0)")
    Double dDropout;

    @Option(names = "--lr-decay", description = "gan and dcgan only: lower both learning rates linearly to 0 over the"
            + " second half of the epochs, so the Generator settles instead of circling")
    boolean lrDecay;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the weights and batch order (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "ND4J threads (default: cores - 1)")
    Integer threads;

    @Option(names = "--out", required = true, description = "where to save, e.g. models/ae-mnist (writes .zip and .json)")
    Path out;

    @Option(names = "--with-optimizer-state", description = "also save Adam's state, to continue training later")
    boolean withOptimizerState;

    /** Adam's usual step size, for every kind but the GANs, whose own default is theirs. */
    static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** The largest learning rate taken: Adam's steps are already about this size in every weight. */
    static final double MAX_LEARNING_RATE = 1;

    @Override
    public Integer call() throws Exception {
        // Everything that can be refused is refused before the data is read and long before anything is trained.
        String kindId = kindId();
        checkOptions(kindId);
        String spec = data.spec(BundledDataset.MNIST.id());
        data.check(spec);
        ModelPaths.checkWritable(out);
        Split split = data.split(spec);
        Nd4jRuntime.configureThreads(threads != null ? threads : Nd4jRuntime.defaultThreads());
        return Classifier.KIND.equals(kindId) ? trainClassifier(split, spec) : train(ModelKind.byId(kindId), split, spec);
    }

    /** The classifier's softmax has ten outputs: a set with labels outside 0-9 (or none) cannot train it. */
    private static void requireTenLabels(Split split, String spec) {
        ImageSet train = split.train();
        boolean fits = train.numClasses() <= Classifier.NUM_CLASSES;
        for (int i = 0; fits && i < train.size(); i++) {
            fits = train.label(i) >= 0;
        }
        if (!fits) {
            throw new BadOption("cli.error.classifierLabels", DataSource.displayName(spec),
                    train.label(0) < 0 ? 0 : train.numClasses());
        }
    }

    private String kindId() {
        List<String> ids = Stream.concat(Arrays.stream(ModelKind.values()).map(ModelKind::id), Stream.of(Classifier.KIND))
                .toList();
        String id = kind.strip().toLowerCase(Locale.ROOT);
        if (!ids.contains(id)) {
            throw new BadOption("cli.error.kind", kind, String.join(", ", ids));
        }
        return id;
    }

    /** Every number in its range, and every option only for a kind that uses it: none is silently ignored. */
    private void checkOptions(String kindId) {
        BadOption.inRange("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        BadOption.inRange("--batch", batch, 1, TrainingConfig.MAX_BATCH_SIZE);
        if (learningRate != null) {
            BadOption.positive("--lr", learningRate, MAX_LEARNING_RATE);
        }
        if (threads != null) {
            BadOption.inRange("--threads", threads, 1, Nd4jRuntime.MAX_THREADS);
        }
        boolean classifier = Classifier.KIND.equals(kindId);
        onlyFor("--latent", latent, kindId, !classifier);
        if (latent != null) {
            BadOption.inRange(is(kindId, ModelKind.VQVAE) ? "--code-dim" : "--latent", latent, 1,
                    Models.maxLatentSize(ModelKind.byId(kindId)));
        }
        onlyFor("--with-optimizer-state", withOptimizerState ? Boolean.TRUE : null, kindId, !classifier);
        onlyFor("--beta", beta, kindId, is(kindId, ModelKind.VAE) || is(kindId, ModelKind.VQVAE));
        if (beta != null) {
            BadOption.inRange("--beta", beta, 0,
                    is(kindId, ModelKind.VAE) ? VariationalAutoencoder.MAX_BETA : VqVaeConfig.MAX_BETA);
        }
        onlyFor("--codebook-size", codebookSize, kindId, is(kindId, ModelKind.VQVAE));
        if (codebookSize != null) {
            BadOption.inRange("--codebook-size", codebookSize, 2, VqVaeConfig.MAX_CODEBOOK_SIZE);
        }
        onlyFor("--restart-dead-codes", restartDeadCodes, kindId, is(kindId, ModelKind.VQVAE));
        onlyFor("--d-dropout", dDropout, kindId, is(kindId, ModelKind.GAN) || is(kindId, ModelKind.DCGAN));
        if (dDropout != null) {
            BadOption.inRange("--d-dropout", dDropout, 0, 0.9);
        }
        onlyFor("--lr-decay", lrDecay ? Boolean.TRUE : null, kindId,
                is(kindId, ModelKind.GAN) || is(kindId, ModelKind.DCGAN));
        onlyFor("--reconstruction", reconstruction, kindId, is(kindId, ModelKind.VAE));
        if (reconstruction != null) {
            BadOption.choice("--reconstruction", reconstruction, Reconstruction.values(),
                    Reconstruction::id);
        }
        onlyFor("--input-noise", inputNoise, kindId, is(kindId, ModelKind.AE));
        onlyFor("--input-noise-level", inputNoiseLevel, kindId, is(kindId, ModelKind.AE));
        // A denoising autoencoder needs both: a kind of noise and how much of it.
        if (inputNoise != null) {
            BadOption.choice("--input-noise", inputNoise, ImageNoise.Type.values(), ImageNoise.Type::id);
            if (inputNoiseLevel == null) {
                throw new BadOption("cli.error.needs", "--input-noise", "--input-noise-level");
            }
        }
        if (inputNoiseLevel != null) {
            if (inputNoise == null) {
                throw new BadOption("cli.error.needs", "--input-noise-level", "--input-noise");
            }
            BadOption.inRange("--input-noise-level", inputNoiseLevel, 0, ImageNoise.MAX_LEVEL);
        }
    }

    private static boolean is(String kindId, ModelKind kind) {
        return kind.id().equals(kindId);
    }

    private static void onlyFor(String option, Object value, String kindId, boolean applies) {
        if (value != null && !applies) {
            throw BadOption.notFor(option, kindId);
        }
    }

    private Map<String, Object> settings(ModelKind modelKind) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (beta != null) {
            settings.put(VariationalAutoencoder.BETA_SETTING, beta);
        }
        if (reconstruction != null) {
            settings.put(VariationalAutoencoder.RECONSTRUCTION_SETTING, reconstruction.strip().toLowerCase(Locale.ROOT));
        }
        if (inputNoise != null) {
            settings.put(Autoencoder.INPUT_NOISE_SETTING, inputNoise.strip().toLowerCase(Locale.ROOT));
            settings.put(Autoencoder.INPUT_NOISE_LEVEL_SETTING, inputNoiseLevel);
        }
        if (codebookSize != null) {
            settings.put(VqVae.CODEBOOK_SIZE_SETTING, codebookSize);
        }
        if (restartDeadCodes != null) {
            settings.put(VqVae.RESTART_SETTING, restartDeadCodes);
        }
        // A GAN's two networks have a rate each; the one --lr sets both.
        if (learningRate != null && (modelKind == ModelKind.GAN || modelKind == ModelKind.DCGAN)) {
            settings.put(GanConfig.LEARNING_RATE_D_SETTING, learningRate);
            settings.put(GanConfig.LEARNING_RATE_G_SETTING, learningRate);
        }
        if (dDropout != null) {
            settings.put(GanConfig.D_DROPOUT_SETTING, dDropout);
        }
        return settings;
    }

    private int train(ModelKind modelKind, Split split, String spec) throws Exception {
        TrainingConfig config = TrainingConfig.of(epochs, batch, seed);
        int latentSize = latent != null ? latent : Models.defaultLatentSize(modelKind);
        double rate = learningRate != null ? learningRate : DEFAULT_LEARNING_RATE;
        GenerativeModel model = Models.create(modelKind, split.train().pixelsPerImage(), latentSize, rate, seed,
                settings(modelKind));
        TrainingCheck check = TrainingCheck.before(model, split.heldOut());
        Trainer trainer = new Trainer(model, split.train(), split.heldOut(), config);
        TrainingHistory history = new TrainingHistory(model, trainer.totalSteps(), split.train().rows());
        trainer.addListener(history);
        QualityReference quality = ModelStore.bundledQualityReference(spec, split);
        if (quality != null && model instanceof Gan) {
            // About 50 scores over the run, at epoch ends: the quality curve the GAN section opens with.
            history.scoreQuality(quality, trainer.batchesPerEpoch() * (long) Math.ceil(epochs / 50.0));
        }
        if (lrDecay && model instanceof Gan gan) {
            trainer.addListener(decayingRates(gan, trainer.totalSteps()));
        }
        long reportEvery = Math.max(1, trainer.batchesPerEpoch() / 4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        trainer.addListener(new TrainerListener() {
            private LossTerms printedQuality;

            @Override
            public void onStep(StepEvent e) {
                if (e.step() % reportEvery == 0) {
                    System.out.printf("epoch %d/%d  step %d/%d  %.1f%%  train %s  %.0f samples/s%n", e.epoch(), epochs,
                            e.step(), trainer.totalSteps(), 100 * e.progress(), format(e.train()), e.samplesPerSecond());
                }
            }

            @Override
            public void onEval(EvalEvent e) {
                if (e.step() % trainer.batchesPerEpoch() == 0) {
                    // A GAN's quality, on the epochs it was scored.
                    LossTerms q = history.latestQuality();
                    System.out.printf("epoch %d done  held-out %s%s%n", e.epoch(), format(e.heldOut()),
                            q == null || q == printedQuality ? "" : "  quality " + format(q));
                    printedQuality = q;
                }
            }

            @Override
            public void onFailure(Throwable error) {
                failure.set(error);
            }
        });
        long t0 = System.nanoTime();
        trainer.start();
        trainer.await(0);
        if (trainer.state() != Trainer.State.FINISHED) {
            // A diverged loss (or any other failure) says why, in the user's language.
            notSaved(failure.get() != null ? Messages.describe(Locale.getDefault(), failure.get()) : trainer.state());
            return 1;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        trainer.lastHeldOut().asMap().forEach((k, v) -> metrics.put("heldout_" + k, v));
        if (model instanceof VqVae vqVae) {
            fitPriors(vqVae, split, metrics);
        }
        ModelStore.save(model, ModelManifest.describe(model, spec, seed, epochs, trainer.step(), metrics), out,
                withOptimizerState);
        // The run's curves (and a GAN's timeline) go beside the model, so its section opens with them.
        HistoryFile.save(Experiment.of(section(modelKind), modelKind.id(), spec,
                data.labels == null ? null : data.labels.toString(),
                new Experiment.Training(model.latentSize(), epochs, batch, rate, seed, false),
                settings(modelKind), history.curves(), history.view()), out);
        System.out.printf("saved %s, %s and %s after %d steps in %.1f s; held-out %s%n", ModelStore.modelFile(out),
                ModelStore.manifestFile(out), HistoryFile.of(out), trainer.step(), (System.nanoTime() - t0) / 1e9,
                metrics);
        warn(check.after(trainer.lastHeldOut()));
        return 0;
    }

    /** The app's section that shows a model of this kind, as experiment files name it. */
    private static String section(ModelKind kind) {
        return switch (kind) {
            case AE -> "autoencoder";
            case VAE -> "vae";
            case VQVAE -> "vqvae";
            case GAN, DCGAN -> "gan";
        };
    }

    /** Both rates as set for the first half of the run, then falling in a straight line to 0 at its last step. */
    static TrainerListener decayingRates(Gan gan, long totalSteps) {
        double d = gan.learningRateD();
        double g = gan.learningRateG();
        return new TrainerListener() {
            @Override
            public void onStep(StepEvent e) {
                double factor = Math.min(1, 2.0 * (totalSteps - e.step()) / totalSteps);
                gan.setLearningRates(d * factor, g * factor);
            }
        };
    }

    /** Fits the priors over code maps on the training images' maps, so the saved model samples from them. */
    private void fitPriors(VqVae model, Split split, Map<String, Double> metrics) {
        long t0 = System.nanoTime();
        model.fitPriors(model.codeIndices(split.train()), seed);
        Map<String, Number> report = model.codebookReport(split.heldOut());
        report.forEach((k, v) -> metrics.put(k, v.doubleValue()));
        System.out.printf("fitted the code priors in %.1f s  held-out %s%n", (System.nanoTime() - t0) / 1e9, report);
    }

    /** The classifier q(y|x) is discriminative: trained on labels by its own loop, saved with its real-data scores. */
    private int trainClassifier(Split split, String spec) throws Exception {
        requireTenLabels(split, spec);
        long t0 = System.nanoTime();
        Classifier classifier = new Classifier(split.train().pixelsPerImage(),
                learningRate != null ? learningRate : Classifier.DEFAULT_LEARNING_RATE, seed);
        double untrained = classifier.accuracy(split.heldOut());
        try {
            classifier.fit(split.train(), epochs, batch, seed, e -> System.out.printf(
                    "epoch %d/%d done  held-out accuracy %.4f%n", e, epochs, classifier.accuracy(split.heldOut())));
        } catch (TrainingDivergedException e) {
            notSaved(e.localized(Locale.getDefault()));
            return 1;
        }
        QualityReference reference = QualityReference.of(classifier, split);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double accuracy = classifier.accuracy(split.heldOut());
        metrics.put("heldout_accuracy", accuracy);
        metrics.put("inception_score_real", reference.realInceptionScore());
        metrics.put("frechet_distance_real", reference.realFrechetDistance());
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("input_size", classifier.inputSize());
        hyper.put("seed", seed);
        long steps = (long) epochs * new MiniBatches(split.train().size(), batch, seed).batchesPerEpoch();
        ModelStore.saveClassifier(classifier, new ModelManifest(ModelManifest.FORMAT, Classifier.KIND,
                AppInfo.version(), spec, seed, epochs, steps, hyper, metrics, Instant.now().toString()), out);
        System.out.printf("saved %s and %s in %.1f s; %s%n", ModelStore.modelFile(out), ModelStore.manifestFile(out),
                (System.nanoTime() - t0) / 1e9, metrics);
        warn(TrainingCheck.ofClassifier(untrained, accuracy));
        return 0;
    }

    /** Why a run ended without a model, and that nothing was written: every existing file is as it was. */
    private void notSaved(Object why) {
        System.err.println(Messages.format(Locale.getDefault(), "cli.notSaved", why, out));
    }

    /** A saved model that learned nothing is said, on stderr, after the line that it was saved. */
    private static void warn(List<TrainingCheck.Warning> warnings) {
        for (Localizable w : warnings) {
            System.err.println(w.localized(Locale.getDefault()));
        }
    }

    private static String format(LossTerms terms) {
        StringBuilder sb = new StringBuilder();
        terms.asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=')
                .append(String.format("%.3f", v)));
        return sb.toString();
    }
}

package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.Autoencoder;
import org.latentexplorer.engine.Classifier;
import org.latentexplorer.engine.QualityReference;
import org.latentexplorer.engine.GenerativeModel;
import org.latentexplorer.engine.LossTerms;
import org.latentexplorer.engine.ModelKind;
import org.latentexplorer.engine.ModelManifest;
import org.latentexplorer.engine.ModelStore;
import org.latentexplorer.engine.Models;
import org.latentexplorer.engine.Nd4jRuntime;
import org.latentexplorer.engine.Trainer;
import org.latentexplorer.engine.TrainerListener;
import org.latentexplorer.engine.TrainingConfig;
import org.latentexplorer.engine.VariationalAutoencoder;
import org.latentexplorer.engine.VqVae;
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

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

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

    @Option(names = "--seed", defaultValue = "42", description = "seed of the weights and batch order (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "ND4J threads (default: cores - 1)")
    Integer threads;

    @Option(names = "--out", required = true, description = "where to save, e.g. models/ae-mnist (writes .zip and .json)")
    Path out;

    @Option(names = "--with-optimizer-state", description = "also save Adam's state, to continue training later")
    boolean withOptimizerState;

    @Override
    public Integer call() throws Exception {
        if (Classifier.KIND.equalsIgnoreCase(kind)) {
            return trainClassifier();
        }
        ModelKind modelKind = ModelKind.byId(kind);
        TrainingConfig config = TrainingConfig.of(epochs, batch, seed);
        Split split = data.split();
        Nd4jRuntime.configureThreads(threads != null ? threads : Nd4jRuntime.defaultThreads());
        Map<String, Object> settings = new LinkedHashMap<>();
        if (beta != null) {
            settings.put(VariationalAutoencoder.BETA_SETTING, beta);
        }
        if (reconstruction != null) {
            settings.put(VariationalAutoencoder.RECONSTRUCTION_SETTING, reconstruction);
        }
        if (inputNoise != null) {
            settings.put(Autoencoder.INPUT_NOISE_SETTING, inputNoise);
        }
        if (inputNoiseLevel != null) {
            settings.put(Autoencoder.INPUT_NOISE_LEVEL_SETTING, inputNoiseLevel);
        }
        if (codebookSize != null) {
            settings.put(VqVae.CODEBOOK_SIZE_SETTING, codebookSize);
        }
        if (restartDeadCodes != null) {
            settings.put(VqVae.RESTART_SETTING, restartDeadCodes);
        }
        int latentSize = latent != null ? latent : switch (modelKind) {
            case GAN, DCGAN -> 100;
            case VQVAE -> VqVae.Config.DEFAULT_CODE_DIMENSION;
            default -> 2;
        };
        GenerativeModel model = Models.create(modelKind, split.train().pixelsPerImage(), latentSize, learningRate, seed,
                settings);
        Trainer trainer = new Trainer(model, split.train(), split.heldOut(), config);
        long reportEvery = Math.max(1, trainer.batchesPerEpoch() / 4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        trainer.addListener(new TrainerListener() {
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
                    System.out.printf("epoch %d done  held-out %s%n", e.epoch(), format(e.heldOut()));
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
            System.err.println(failure.get() != null ? Messages.describe(Locale.getDefault(), failure.get())
                    : "training ended: " + trainer.state());
            return 1;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        trainer.lastHeldOut().asMap().forEach((k, v) -> metrics.put("heldout_" + k, v));
        if (model instanceof VqVae vqVae) {
            fitPriors(vqVae, split, metrics);
        }
        ModelStore.save(model, ModelManifest.describe(model, data.data, seed, epochs, trainer.step(), metrics), out,
                withOptimizerState);
        System.out.printf("saved %s and %s after %d steps in %.1f s; held-out %s%n", ModelStore.modelFile(out),
                ModelStore.manifestFile(out), trainer.step(), (System.nanoTime() - t0) / 1e9, metrics);
        return 0;
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
    private int trainClassifier() throws Exception {
        Split split = data.split();
        Nd4jRuntime.configureThreads(threads != null ? threads : Nd4jRuntime.defaultThreads());
        long t0 = System.nanoTime();
        Classifier classifier = new Classifier(split.train().pixelsPerImage(), seed);
        classifier.fit(split.train(), epochs, batch, seed, e -> System.out.printf("epoch %d/%d done  held-out accuracy %.4f%n",
                e, epochs, classifier.accuracy(split.heldOut())));
        QualityReference reference = QualityReference.of(classifier, split);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("heldout_accuracy", classifier.accuracy(split.heldOut()));
        metrics.put("inception_score_real", reference.realInceptionScore());
        metrics.put("frechet_distance_real", reference.realFrechetDistance());
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("input_size", classifier.inputSize());
        hyper.put("seed", seed);
        long steps = (long) epochs * new org.latentexplorer.data.MiniBatches(split.train().size(), batch, seed).batchesPerEpoch();
        ModelStore.saveClassifier(classifier, new ModelManifest(ModelManifest.FORMAT, Classifier.KIND,
                org.latentexplorer.engine.AppInfo.version(), data.data, seed, epochs, steps, hyper, metrics,
                java.time.Instant.now().toString()), out);
        System.out.printf("saved %s and %s in %.1f s; %s%n", ModelStore.modelFile(out), ModelStore.manifestFile(out),
                (System.nanoTime() - t0) / 1e9, metrics);
        return 0;
    }

    private static String format(LossTerms terms) {
        StringBuilder sb = new StringBuilder();
        terms.asMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=')
                .append(String.format("%.3f", v)));
        return sb.toString();
    }
}

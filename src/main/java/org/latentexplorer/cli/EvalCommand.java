package org.latentexplorer.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.ae.ClusterScores;
import org.latentexplorer.engine.ae.Denoising;
import org.latentexplorer.engine.ae.KMeans;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.QualityReference;
import org.latentexplorer.engine.gan.SampleQuality;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.engine.vqvae.VqVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print one JSON object of a saved model's held-out metrics.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a saved model (path, with or without .zip/.json) or a bundled model's name")
    String model;

    /** --data chooses other images than the ones the model was trained on. */
    @Mixin
    DataOptions data = new DataOptions();

    @Override
    public Integer call() throws Exception {
        Path path = modelPath();
        if (data.data != null) {
            data.check(data.spec(null));
        }
        boolean bundled = !Files.exists(ModelStore.manifestFile(path)) && ModelStore.bundledExists(model);
        String kind = bundled ? ModelStore.bundledKindOf(model) : ModelStore.kindOf(path);
        Nd4jRuntime.configureThreads(Nd4jRuntime.defaultThreads());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        if (Classifier.KIND.equals(kind)) {
            Classifier classifier = bundled ? ModelStore.loadBundledClassifier(model) : ModelStore.loadClassifier(path);
            Split split = split(data.spec(BundledDataset.MNIST.id()));
            requireSize(classifier.inputSize(), split);
            QualityReference reference = QualityReference.of(classifier, split);
            putData(out, split);
            out.put("heldout_accuracy", classifier.accuracy(split.heldOut()));
            out.put("inception_score_real", reference.realInceptionScore());
            out.put("frechet_distance_real", reference.realFrechetDistance());
            System.out.println(Json.line(out));
            return 0;
        }
        ModelStore.Loaded loaded = bundled ? ModelStore.loadBundled(model) : ModelStore.load(path);
        String spec = data.spec(loaded.manifest().dataset());
        Split split = split(spec);
        requireSize(loaded.model().inputSize(), split);
        putData(out, split);
        Trainer.evaluate(loaded.model(), split.heldOut()).asMap().forEach((k, v) -> out.put("heldout_" + k, v));
        if (loaded.model() instanceof Gan gan) {
            putQuality(out, gan, split, spec);
        }
        if ((loaded.model() instanceof Autoencoder || loaded.model() instanceof VariationalAutoencoder)
                && loaded.model() instanceof EncodingModel model) {
            // The chapter's two uses of the code: clustering (k-means on codes vs on pixels) and denoising.
            ClusterScores.LatentVsPixels c = ClusterScores.latentVsPixels(model, split.heldOut(),
                    KMeans.DEFAULT_K, ClusterScores.SEED);
            out.put("kmeans_latent_purity", c.latentScores().purity());
            out.put("kmeans_latent_nmi", c.latentScores().nmi());
            out.put("kmeans_pixels_purity", c.pixelScores().purity());
            out.put("kmeans_pixels_nmi", c.pixelScores().nmi());
            double[] levels = Denoising.levels();
            out.put("masking_levels", levels);
            out.put("masking_error_nats", Denoising.curve(model, split.heldOut(), ImageNoise.Type.MASKING,
                    levels, Denoising.SEED));
        }
        if (loaded.model() instanceof VqVae vqVae) {
            // Codebook use and the priors' bits per map, over the held-out images' code maps.
            out.putAll(vqVae.codebookReport(split.heldOut()));
        }
        System.out.println(Json.line(out));
        return 0;
    }

    /** The model argument, which must name a file: "/" or "." would be read as the model ".zip" beside them. */
    private Path modelPath() {
        Path path;
        try {
            path = Path.of(model);
        } catch (InvalidPathException e) {
            throw new BadOption("cli.error.badValue", "eval", model);
        }
        ModelPaths.checkNamed("eval", path);
        if (Files.isDirectory(path) && !Files.exists(ModelStore.manifestFile(path))) {
            throw new BadOption("cli.error.modelIsFolder", model);
        }
        return path;
    }

    private Split split(String spec) throws Exception {
        dataSpec = spec;
        return data.split(spec);
    }

    /** Every data set reads as 28 × 28, but a model file's manifest may say otherwise: refused before any figure. */
    private static void requireSize(int modelInput, Split split) {
        int pixels = split.heldOut().pixelsPerImage();
        if (modelInput != pixels) {
            throw new BadOption("model.error.wrongSize", modelInput, pixels);
        }
    }

    private String dataSpec;

    private void putData(Map<String, Object> out, Split split) {
        out.put("dataset", dataSpec);
        out.put("heldout_images", split.heldOut().size());
    }

    /** A GAN's samples scored by the shipped classifier of its data set, beside what real data scores. */
    private static void putQuality(Map<String, Object> out, Gan gan, Split split, String spec) throws Exception {
        QualityReference reference = ModelStore.bundledQualityReference(spec, split);
        if (reference == null) {
            return;
        }
        SampleQuality.Report r = reference.score(gan);
        out.put("class_histogram", r.histogram());
        out.put("classes_covered", r.classesCovered());
        out.put("inception_score", r.inceptionScore());
        out.put("inception_score_real", reference.realInceptionScore());
        out.put("frechet_distance", r.frechetDistance());
        out.put("frechet_distance_real", reference.realFrechetDistance());
    }
}

package org.latentexplorer.ui.vqvae;

import java.util.Map;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.vqvae.CodePrior;
import org.latentexplorer.engine.vqvae.Codebook;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.engine.vqvae.VqVaeConfig;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.SharedProperty;
import org.latentexplorer.ui.base.StoredValues;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The VQ-VAE section without any Node: an input (a held-out image chosen, drawn over or replaced by the learner's
 * drawing), its map of code indices and its reconstruction, both following every stroke; how the codebook is used
 * (histogram, perplexity); what a single code draws; and new images from a prior over code maps.
 */
public final class VqVaeViewModel extends TrainingViewModel {
    static final int PREVIEW_IMAGES = 10;
    static final int SAMPLES = 16;
    private static final long PRIOR_SEED = 3;

    private final IntegerProperty codebookSize = new SimpleIntegerProperty(this, "codebookSize",
            VqVaeConfig.DEFAULT_CODEBOOK_SIZE);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", VqVaeConfig.DEFAULT_BETA);
    private final BooleanProperty restart = new SimpleBooleanProperty(this, "restart", true);
    // Shared: the worker draws the chosen image, code and prior.
    private final SharedProperty.OfInt selectedImage = new SharedProperty.OfInt(this, "selectedImage", 0);
    private final SharedProperty.OfInt selectedCode = new SharedProperty.OfInt(this, "selectedCode", 0);
    private final SharedProperty<CodePrior.Kind> priorKind = new SharedProperty<>(this, "priorKind",
            CodePrior.Kind.AUTOREGRESSIVE);

    private final ObjectProperty<ImageGrid> previews = new SimpleObjectProperty<>(this, "previews");
    // Shared: the worker encodes the newest input.
    private final SharedProperty<float[]> input = new SharedProperty<>(this, "input", null);
    private final ObjectProperty<int[]> codeMap = new SimpleObjectProperty<>(this, "codeMap");
    private final ObjectProperty<ImageGrid> reconstruction = new SimpleObjectProperty<>(this, "reconstruction");
    private final ObjectProperty<long[]> usage = new SimpleObjectProperty<>(this, "usage");
    private final DoubleProperty perplexity = new SimpleDoubleProperty(this, "perplexity", Double.NaN);
    private final IntegerProperty codesUsed = new SimpleIntegerProperty(this, "codesUsed", -1);
    private final IntegerProperty modelCodebookSize = new SimpleIntegerProperty(this, "modelCodebookSize");
    private final ObjectProperty<ImageGrid> codeImage = new SimpleObjectProperty<>(this, "codeImage");
    private final ObjectProperty<ImageGrid> samples = new SimpleObjectProperty<>(this, "samples");
    private final DoubleProperty perPositionBits = new SimpleDoubleProperty(this, "perPositionBits", Double.NaN);
    private final DoubleProperty autoregressiveBits = new SimpleDoubleProperty(this, "autoregressiveBits", Double.NaN);
    private final DoubleProperty uniformBits = new SimpleDoubleProperty(this, "uniformBits", Double.NaN);

    // Worker thread.
    private float[] previewPixels;
    private VqVae measured;
    /** The code chosen most often: the blank background most 4 × 4 patches are. */
    private int backgroundCode;
    private long sampleSeed = 1;

    public VqVaeViewModel(I18n i18n, Background background) {
        super(i18n, background);
        latentSizeProperty().set(VqVaeConfig.DEFAULT_CODE_DIMENSION);
        // As long as the shipped VQ-VAE trained: the codebook is in use and the reconstructions sharp by then.
        epochsProperty().set(50);
        // β and the restart of dead codes reach a running model at its next step.
        beta.addListener((o, a, b) -> {
            if (trainingModel() instanceof VqVae training && b.doubleValue() >= 0) {
                training.setBeta(b.doubleValue());
            }
        });
        restart.addListener((o, a, b) -> {
            if (trainingModel() instanceof VqVae training) {
                training.setRestartDeadCodes(b);
            }
        });
        selectedImage.addListener((o, a, b) -> showChosen());
        // While one encoding runs, only the newest input waits.
        Runnable showNewestInput = newestOnly(this::showInput);
        input.addListener((o, a, b) -> showNewestInput.run());
        selectedCode.addListener((o, a, b) -> runQuietly(this::showCode));
        priorKind.addListener((o, a, b) -> runQuietly(this::sample));
    }

    @Override
    public ModelKind kind() {
        return ModelKind.VQVAE;
    }

    @Override
    protected Map<String, Object> modelSettings() {
        return Map.of(VqVae.CODEBOOK_SIZE_SETTING, codebookSize.get(), VqVae.BETA_SETTING, beta.get(),
                VqVae.RESTART_SETTING, restart.get());
    }

    /** The setting is the code dimension D; the model's latent size is the whole 7 × 7 grid of codes, 49 · D. */
    @Override
    protected int latentSetting(GenerativeModel m) {
        return ((VqVae) m).codeDimension();
    }

    @Override
    protected void applyModelSettings(ModelKind kind, Map<String, Object> settings) {
        codebookSize.set(StoredValues.integer(settings, VqVae.CODEBOOK_SIZE_SETTING, codebookSize.get()));
        beta.set(StoredValues.number(settings, VqVae.BETA_SETTING, beta.get()));
        restart.set(StoredValues.flag(settings, VqVae.RESTART_SETTING, restart.get()));
    }

    @Override
    protected Map<String, Object> viewState() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("selected_image", selectedImage.get());
        m.put("selected_code", selectedCode.get());
        m.put("prior", priorKind.get().name());
        if (input.get() != null) {
            m.put("input", StoredValues.list(input.get()));
        }
        return m;
    }

    @Override
    protected void applyViewState(Map<String, Object> view) {
        selectedImage.set(StoredValues.integer(view, "selected_image", selectedImage.get()));
        selectedCode.set(StoredValues.integer(view, "selected_code", selectedCode.get()));
        priorKind.set(StoredValues.constant(view, "prior", priorKind.get()));
        float[] drawn = StoredValues.floats(view, "input");
        if (drawn != null && drawn.length == MnistStyle.SIDE * MnistStyle.SIDE) {
            input.set(drawn);
        }
    }

    /** UI thread: the chosen held-out image becomes the input. */
    private void showChosen() {
        ImageGrid p = previews.get();
        if (p != null && p.size() > 0) {
            input.set(p.images().get(Math.max(0, Math.min(selectedImage.get(), p.size() - 1))).clone());
        }
    }

    @Override
    protected void onModelAdopted(GenerativeModel adopted) {
        VqVae vq = (VqVae) adopted;
        background.ui(() -> {
            codebookSize.set(vq.codebookSize());
            beta.set(vq.beta());
            restart.set(vq.restartDeadCodes());
        });
    }

    @Override
    protected void onDataChanged(Split split) {
        int n = Math.min(PREVIEW_IMAGES, split.heldOut().size());
        previewPixels = split.heldOut().gather(java.util.stream.IntStream.range(0, n).toArray());
        ImageGrid grid = ImageGrid.of(previewPixels, split.heldOut().rows(), split.heldOut().cols());
        measured = null;
        background.ui(() -> {
            previews.set(grid);
            showChosen();
        });
    }

    private VqVae model() {
        return inference instanceof VqVae vq ? vq : null;
    }

    @Override
    protected void onInferenceChanged() {
        VqVae vq = model();
        if (vq == null || previewPixels == null) {
            publish(() -> {
                codeMap.set(null);
                reconstruction.set(null);
            });
            return;
        }
        showInput();
        showCode();
        if (!isActive() && measured != vq) {
            measured = vq;
            measureCodebook(vq);
        }
    }

    /** Worker: the input's code map and what the Decoder makes of the codes; nothing without an input. */
    private void showInput() {
        VqVae vq = model();
        float[] pixels = input.seen();
        if (vq == null || split == null || pixels == null || pixels.length != vq.inputSize()) {
            publish(() -> {
                codeMap.set(null);
                reconstruction.set(null);
            });
            return;
        }
        int[] map = vq.codeIndices(rows(pixels))[0];
        float[] recon = Tensors.toFloats(vq.decodeCodes(new int[][] {map}));
        ImageGrid r = ImageGrid.of(recon, split.heldOut().rows(), split.heldOut().cols());
        int size = vq.codebookSize();
        publish(() -> {
            codeMap.set(map);
            reconstruction.set(r);
            modelCodebookSize.set(size);
        });
    }

    /** Worker: a grid filled with the chosen code, decoded. */
    private void showCode() {
        VqVae vq = model();
        if (vq == null || split == null) {
            return;
        }
        int k = Math.max(0, Math.min(selectedCode.seen(), vq.codebookSize() - 1));
        // The code on a background map: a map filled with a single code draws a texture, while a 3 × 3 block of it
        // among blank cells shows the stroke the code stands for, large enough to see.
        int w = vq.gridWidth();
        int[] map = new int[vq.gridHeight() * w];
        java.util.Arrays.fill(map, Math.min(backgroundCode, vq.codebookSize() - 1));
        for (int r = vq.gridHeight() / 2 - 1; r <= vq.gridHeight() / 2 + 1; r++) {
            for (int c = w / 2 - 1; c <= w / 2 + 1; c++) {
                map[r * w + c] = k;
            }
        }
        ImageGrid image = ImageGrid.of(Tensors.toFloats(vq.decodeCodes(new int[][] {map})), split.heldOut().rows(),
                split.heldOut().cols());
        publish(() -> codeImage.set(image));
    }

    /**
     * Worker: codebook use over the held-out images, and the priors over code maps, fitted on the training images'
     * maps when the model came without them (a few seconds), then samples.
     */
    private void measureCodebook(VqVae vq) {
        int[][] heldOutMaps = vq.codeIndices(split.heldOut());
        Codebook.Usage use = Codebook.Usage.of(heldOutMaps, vq.codebookSize());
        long[] counts = use.counts();
        backgroundCode = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[backgroundCode]) {
                backgroundCode = k;
            }
        }
        // Start on a code that draws a stroke: the one at the centre of the first held-out image.
        int stroke = vq.codeIndices(rows(java.util.Arrays.copyOf(previewPixels, split.heldOut().pixelsPerImage())))[0][
                vq.gridHeight() * vq.gridWidth() / 2];
        publish(() -> selectedCode.set(stroke));
        showCode();
        publish(() -> {
            usage.set(use.counts());
            perplexity.set(use.perplexity());
            codesUsed.set(use.codesUsed());
        });
        if (vq.prior(CodePrior.Kind.AUTOREGRESSIVE).isEmpty() || vq.prior(CodePrior.Kind.PER_POSITION).isEmpty()) {
            vq.fitPriors(vq.codeIndices(split.train()), PRIOR_SEED);
        }
        Map<String, Number> report = vq.codebookReport(heldOutMaps);
        double perPosition = report.getOrDefault(VqVae.priorNllName(CodePrior.Kind.PER_POSITION), Double.NaN)
                .doubleValue();
        double autoregressive = report.getOrDefault(VqVae.priorNllName(CodePrior.Kind.AUTOREGRESSIVE), Double.NaN)
                .doubleValue();
        double uniform = report.get(VqVae.UNIFORM_NLL_BITS).doubleValue();
        publish(() -> {
            perPositionBits.set(perPosition);
            autoregressiveBits.set(autoregressive);
            uniformBits.set(uniform);
        });
        sample();
    }

    /** Worker: new images from code maps drawn from the chosen prior. */
    private void sample() {
        VqVae vq = model();
        if (vq == null || split == null) {
            return;
        }
        var prior = vq.prior(priorKind.seen());
        if (prior.isEmpty()) {
            return;
        }
        int[][] maps = prior.get().sample(SAMPLES, new Random(sampleSeed));
        ImageGrid grid = ImageGrid.of(Tensors.toFloats(vq.decodeCodes(maps)), split.heldOut().rows(),
                split.heldOut().cols());
        publish(() -> samples.set(grid));
    }

    /** New samples from the prior, with the next seed. */
    public void resample() {
        runQuietly(() -> {
            sampleSeed++;
            sample();
        });
    }

    public IntegerProperty codebookSizeProperty() { return codebookSize; }
    public DoubleProperty betaProperty() { return beta; }
    public BooleanProperty restartProperty() { return restart; }
    public IntegerProperty selectedImageProperty() { return selectedImage; }
    public IntegerProperty selectedCodeProperty() { return selectedCode; }
    public ObjectProperty<CodePrior.Kind> priorKindProperty() { return priorKind; }
    public ObjectProperty<ImageGrid> previewsProperty() { return previews; }
    /** The image the Encoder takes: a held-out image, drawn over or not, or the learner's drawing; null for none. */
    public ObjectProperty<float[]> inputProperty() { return input; }
    public ObjectProperty<int[]> codeMapProperty() { return codeMap; }
    public ObjectProperty<ImageGrid> reconstructionProperty() { return reconstruction; }
    public ObjectProperty<long[]> usageProperty() { return usage; }
    public DoubleProperty perplexityProperty() { return perplexity; }
    public IntegerProperty codesUsedProperty() { return codesUsed; }
    public IntegerProperty modelCodebookSizeProperty() { return modelCodebookSize; }
    public ObjectProperty<ImageGrid> codeImageProperty() { return codeImage; }
    public ObjectProperty<ImageGrid> samplesProperty() { return samples; }
    public DoubleProperty perPositionBitsProperty() { return perPositionBits; }
    public DoubleProperty autoregressiveBitsProperty() { return autoregressiveBits; }
    public DoubleProperty uniformBitsProperty() { return uniformBits; }
}

package org.latentexplorer.engine.gan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.Mlp;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.NetworkPair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The chapter's GAN: a Generator G turns noise z into an image, a Discriminator D gives the probability D(x) that an
 * image is real, and they play min_G max_D V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]. Training is the chapter's
 * algorithm: k Discriminator steps, each on m real and m generated images, then one Generator step on m fresh z.
 * Two architectures share every code path: the MLP GAN and the DCGAN (transposed convolutions in G, strided
 * convolutions in D); both Generators give flat rows of 784 pixels.
 *
 * <p>D's last layer gives the logit l and D(x) = σ(l) is taken together with the logarithms (log σ(l) = −softplus(−l)):
 * a separate sigmoid rounds D(x) to exactly 0 or 1 once D is sure, and the gradient G needs would be lost with it.
 * G's tanh images lie in [−1, 1]: the app's pixels in [0, 1] are mapped there for D, and G's back in decode.
 */
public final class Gan implements GenerativeModel {
    public static final String D_LOSS = "d_loss";
    public static final String G_LOSS = "g_loss";
    public static final String D_REAL = "d_real";
    public static final String D_FAKE = "d_fake";
    private static final String GENERATOR_ENTRY = "generator.zip";
    private static final String DISCRIMINATOR_ENTRY = "discriminator.zip";

    /** Both rates in one object, so a step never sees one old and one new. */
    private record Rates(double d, double g) {
    }

    private final GanConfig config;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final GanNetworks.Design generatorDesign;
    private final GanNetworks.Design discriminatorDesign;
    private final AdversarialStep step;
    private volatile int k;
    private volatile Rates rates;
    private volatile GeneratorLoss generatorLoss;

    public Gan(GanConfig config) {
        this(config, GanNetworks.generator(config).network(), GanNetworks.discriminator(config).network());
    }

    private Gan(GanConfig config, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorDesign = GanNetworks.generator(config);
        this.discriminatorDesign = GanNetworks.discriminator(config);
        this.step = new AdversarialStep(config, generator, discriminator);
        this.k = config.k();
        this.rates = new Rates(config.learningRateD(), config.learningRateG());
        this.generatorLoss = config.generatorLoss();
    }

    /** The defaults of an architecture with a kind's settings by their manifest names; a missing one is the default. */
    public static Gan create(ModelKind kind, int inputSize, int noiseSize, long seed, Map<String, Object> settings) {
        if (inputSize != GanNetworks.PIXELS) {
            throw new IllegalArgumentException("a GAN makes " + IdxReader.SIDE + " × " + IdxReader.SIDE + " images ("
                    + GanNetworks.PIXELS + " pixels); the data has " + inputSize);
        }
        return new Gan(GanConfig.of(Architecture.of(kind), noiseSize, seed, settings));
    }

    public GanConfig config() {
        return config;
    }

    public Architecture architecture() {
        return config.architecture();
    }

    public int k() {
        return k;
    }

    /** k may change while training; the next call uses it. */
    public void setK(int k) {
        GanConfig.checkK(k);
        this.k = k;
    }

    public double learningRateD() {
        return rates.d();
    }

    public double learningRateG() {
        return rates.g();
    }

    /** Adam's step sizes for D and G, from the next step on; 0 freezes a network's weights. */
    public void setLearningRates(double d, double g) {
        GanConfig.checkLearningRate("Discriminator", d);
        GanConfig.checkLearningRate("Generator", g);
        this.rates = new Rates(d, g);
    }

    public GeneratorLoss generatorLoss() {
        return generatorLoss;
    }

    public void setGeneratorLoss(GeneratorLoss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("a generator loss must be given");
        }
        this.generatorLoss = loss;
    }

    @Override
    public ModelKind kind() {
        return config.architecture().kind();
    }

    /** The config with the live k, learning rates and generator loss. */
    @Override
    public Map<String, Object> hyperParameters() {
        return config.live(k, rates.d(), rates.g(), generatorLoss).toMap();
    }

    @Override
    public int inputSize() {
        return GanNetworks.PIXELS;
    }

    @Override
    public int latentSize() {
        return config.noiseSize();
    }

    /** z from p_z, the same for the same seed. */
    public INDArray noise(int n, long seed) {
        return config.sampleNoise(n, seed);
    }

    /**
     * One Discriminator step on x and m generated images; after every k-th, one Generator step on m fresh z.
     * d_loss, d_real and d_fake are D's on this batch before its update (D in training mode, so with its dropout);
     * g_loss is the Generator loss per sample at the latest Generator step, before G's update (before the first one:
     * on this call's generated images).
     */
    @Override
    public LossTerms trainBatch(INDArray x) {
        Rates r = rates;
        return step.train(x, k, r.d(), r.g(), generatorLoss);
    }

    /** The four terms on x against G(z) for z from a fixed seed, both networks in inference mode; nothing changes. */
    @Override
    public LossTerms evaluate(INDArray x) {
        return step.evaluate(x, generatorLoss);
    }

    /** D(x) for images with pixels in [0, 1], as a column [n, 1]. */
    public INDArray discriminate(INDArray x01) {
        return Transforms.sigmoid(discriminator.output(AdversarialStep.signed(x01), false), false);
    }

    /** G(z) with pixels mapped back from tanh's [−1, 1] to [0, 1]. */
    @Override
    public INDArray decode(INDArray z) {
        return generator.output(z, false).addi(1).muli(0.5);
    }

    @Override
    public INDArray sample(int n, long seed) {
        return decode(noise(n, seed));
    }

    public long generatorParameterCount() {
        return generator.numParams();
    }

    public long discriminatorParameterCount() {
        return discriminator.numParams();
    }

    private NetworkPair networks() {
        return new NetworkPair(GENERATOR_ENTRY, generator, DISCRIMINATOR_ENTRY, discriminator);
    }

    /** [G | D] as one new row; G's include its batch norm's running means and variances. */
    @Override
    public INDArray parameters() {
        return networks().parameters();
    }

    @Override
    public void setParameters(INDArray parameters) {
        networks().setParameters(parameters);
    }

    @Override
    public long parameterCount() {
        return networks().parameterCount();
    }

    @Override
    public Gan copyForInference() {
        Gan copy = new Gan(config, Mlp.copy(generator), Mlp.copy(discriminator));
        copy.k = k;
        copy.rates = rates;
        copy.generatorLoss = generatorLoss;
        return copy;
    }

    /**
     * G's then D's products: dense layers as they are, convolutions as their im2col products (see
     * {@link GanNetworks.Design}).
     */
    @Override
    public List<int[]> denseLayerShapes() {
        List<int[]> shapes = new ArrayList<>();
        generatorDesign.products().forEach(p -> shapes.add(p.clone()));
        discriminatorDesign.products().forEach(p -> shapes.add(p.clone()));
        return shapes;
    }

    /**
     * Flops of one training call per real image, with f_G and f_D the forward flops per image and a backward pass
     * counted as twice its forward (to the inputs and to the weights, which DL4J computes even where only the input
     * gradient is used): the D step runs G forward for m images and D forward and backward for 2m, and every k-th
     * call the G step runs G and D forward and backward for m: f_G + 6 f_D + 3 (f_G + f_D) / k.
     */
    @Override
    public double trainingFlopsPerSample() {
        double g = generatorDesign.forwardFlopsPerImage();
        double d = discriminatorDesign.forwardFlopsPerImage();
        return g + 6 * d + 3 * (g + d) / k;
    }

    /** One zip holding the Generator and the Discriminator, each in DL4J's own format. */
    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        networks().write(out, withOptimizerState);
    }

    public static Gan read(ModelKind kind, Map<String, Object> hyperParameters, InputStream in) throws IOException {
        GanConfig config = GanConfig.fromMap(hyperParameters);
        if (config.architecture().kind() != kind) {
            throw new IllegalStateException("the manifest's kind " + kind.id() + " does not match its architecture "
                    + config.architecture().id());
        }
        NetworkPair pair = NetworkPair.read(in, GENERATOR_ENTRY, DISCRIMINATOR_ENTRY, "GAN");
        Gan model = new Gan(config, pair.first(), pair.second());
        if (!model.generatorDesign.matches(pair.first()) || !model.discriminatorDesign.matches(pair.second())) {
            throw new IllegalStateException("the networks' layers do not match the manifest's hyper-parameters");
        }
        return model;
    }
}

package org.latentexplorer.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.HyperParameters;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.GanConfig;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.engine.vqvae.VqVaeConfig;

/** Builds a new model of a kind, or reads one back: the one place that maps a kind to its class. */
public final class Models {
    private Models() {
    }

    /** The size of z a new model of a kind gets: 2 to draw as a plane, 100 for a GAN's noise, D for a VQ-VAE. */
    public static int defaultLatentSize(ModelKind kind) {
        return switch (kind) {
            case GAN, DCGAN -> 100;
            case VQVAE -> VqVaeConfig.DEFAULT_CODE_DIMENSION;
            case AE, VAE -> 2;
        };
    }

    /** The largest size of z a kind builds (the code dimension D for the VQ-VAE). */
    public static int maxLatentSize(ModelKind kind) {
        return switch (kind) {
            case AE -> Autoencoder.Config.MAX_LATENT;
            case VAE -> VariationalAutoencoder.Config.MAX_LATENT;
            case VQVAE -> VqVaeConfig.MAX_CODE_DIMENSION;
            case GAN, DCGAN -> GanConfig.MAX_NOISE;
        };
    }

    public static GenerativeModel create(ModelKind kind, int inputSize, int latentSize, double learningRate, long seed) {
        return create(kind, inputSize, latentSize, learningRate, seed, Map.of());
    }

    /**
     * @param settings the kind's own settings by their manifest names (the autoencoder's {@code input_noise} and
     *     {@code input_noise_level}, which make it a denoising autoencoder; the VAE's {@code beta} and
     *     {@code reconstruction}, the VQ-VAE's {@code codebook_size}, {@code beta} and {@code restart_dead_codes}, the
     *     GANs' {@link GanConfig#SETTINGS}); one the kind does not have is refused rather than ignored, a missing one
     *     is the default
     * @param latentSize for a GAN, the size of its noise z; for a VQ-VAE, the dimension D of each code vector
     * @param learningRate unused by the GANs: both their networks train at 2e-4 (Adam, β₁ = 0.5) unless the settings
     *     {@code learning_rate_d} and {@code learning_rate_g} say otherwise
     */
    public static GenerativeModel create(ModelKind kind, int inputSize, int latentSize, double learningRate, long seed,
            Map<String, Object> settings) {
        Set<String> known = switch (kind) {
            case AE -> Autoencoder.SETTINGS;
            case VAE -> Set.of(VariationalAutoencoder.BETA_SETTING, VariationalAutoencoder.RECONSTRUCTION_SETTING);
            case VQVAE -> Set.of(VqVae.CODEBOOK_SIZE_SETTING, VqVae.BETA_SETTING, VqVae.RESTART_SETTING);
            case GAN, DCGAN -> GanConfig.SETTINGS;
        };
        for (String name : settings.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a setting of the " + kind.id() + " model");
            }
        }
        return switch (kind) {
            case AE -> Autoencoder.create(inputSize, latentSize, learningRate, seed, settings);
            case VAE -> new VariationalAutoencoder(HyperParameters.with(new VariationalAutoencoder.Config(inputSize,
                    VariationalAutoencoder.Config.DEFAULT_HIDDEN, latentSize, learningRate, seed, 1.0,
                    Reconstruction.BCE), settings));
            case VQVAE -> new VqVae(HyperParameters.with(new VqVaeConfig(inputSize, VqVaeConfig.DEFAULT_CODEBOOK_SIZE,
                    latentSize, learningRate, seed, VqVaeConfig.DEFAULT_BETA, true), settings));
            case GAN, DCGAN -> Gan.create(kind, inputSize, latentSize, seed, settings);
        };
    }

    static GenerativeModel read(ModelManifest manifest, InputStream in) throws IOException {
        return switch (ModelKind.byId(manifest.kind())) {
            case AE -> Autoencoder.read(manifest.hyperParameters(), in);
            case VAE -> VariationalAutoencoder.read(manifest.hyperParameters(), in);
            case VQVAE -> VqVae.read(manifest.hyperParameters(), in);
            case GAN -> Gan.read(ModelKind.GAN, manifest.hyperParameters(), in);
            case DCGAN -> Gan.read(ModelKind.DCGAN, manifest.hyperParameters(), in);
        };
    }
}

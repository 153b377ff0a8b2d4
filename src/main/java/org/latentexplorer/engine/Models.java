package org.latentexplorer.engine;

import java.io.IOException;
import java.io.InputStream;

/** Builds a new model of a kind, or reads one back: the one place that maps a kind to its class. */
public final class Models {
    private Models() {
    }

    public static GenerativeModel create(ModelKind kind, int inputSize, int latentSize, double learningRate, long seed) {
        return switch (kind) {
            case AE -> new Autoencoder(new Autoencoder.Config(inputSize, Autoencoder.Config.DEFAULT_HIDDEN, latentSize,
                    learningRate, seed));
            case VAE -> new VariationalAutoencoder(new VariationalAutoencoder.Config(inputSize,
                    VariationalAutoencoder.Config.DEFAULT_HIDDEN, latentSize, learningRate, seed, 1.0,
                    VariationalAutoencoder.Reconstruction.BCE));
        };
    }

    static GenerativeModel read(ModelManifest manifest, InputStream in) throws IOException {
        return switch (ModelKind.byId(manifest.kind())) {
            case AE -> Autoencoder.read(manifest.hyperParameters(), in);
            case VAE -> VariationalAutoencoder.read(manifest.hyperParameters(), in);
        };
    }
}

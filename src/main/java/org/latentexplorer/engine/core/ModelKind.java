package org.latentexplorer.engine.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of model the app trains; the id is what manifests and the command line use. */
public enum ModelKind {
    AE("ae"),
    VAE("vae"),
    VQVAE("vqvae"),
    GAN("gan"),
    DCGAN("dcgan");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ModelKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model kind '" + id + "'; known: "
                        + Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "))));
    }
}

package org.latentexplorer.ui;

/** The chapter's sections, in its order, as the navigation lists them. */
public enum Section {
    GENERATIVE("generative", false),
    LATENT("latent", false),
    AUTOENCODER("autoencoder", true),
    VAE("vae", true),
    VQVAE("vqvae", true),
    GAN("gan", true),
    GAN_PROBLEMS("ganProblems", true);

    private final String id;
    private final boolean built;

    Section(String id, boolean built) {
        this.id = id;
        this.built = built;
    }

    public String titleKey() {
        return "section." + id + ".title";
    }

    public String summaryKey() {
        return "section." + id + ".summary";
    }

    public boolean isBuilt() {
        return built;
    }
}

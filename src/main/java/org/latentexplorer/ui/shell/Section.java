package org.latentexplorer.ui.shell;

/** The chapter's sections, in its order, as the navigation lists them. */
public enum Section {
    GENERATIVE("generative"),
    LATENT("latent"),
    AUTOENCODER("autoencoder"),
    VAE("vae"),
    VQVAE("vqvae"),
    GAN("gan"),
    GAN_PROBLEMS("ganProblems");

    private final String id;

    Section(String id) {
        this.id = id;
    }

    /** The name experiment files and settings use. */
    public String id() {
        return id;
    }

    public String titleKey() {
        return "section." + id + ".title";
    }
}

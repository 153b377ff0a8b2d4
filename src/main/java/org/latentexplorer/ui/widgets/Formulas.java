package org.latentexplorer.ui.widgets;

/**
 * The chapter's formulas in LaTeX, one set per model, in the chapter's notation (x the input, x̂ the Decoder's output, m
 * the mini-batch size). Mathematics only: the words around them come from the resource bundles.
 */
public final class Formulas {
    private Formulas() {
    }

    // ---- Autoencoder ---------------------------------------------------------------------------------------------

    /** The chapter's reconstruction error. */
    public static final String AE_SQUARED_ERROR = "L = \\lVert x - \\hat{x} \\rVert^{2}";

    /** What the app trains: binary cross-entropy, the −log p(x | z) of a Bernoulli Decoder, mean over the mini-batch. */
    public static final String AE_BCE = "L = -\\frac{1}{m}\\sum_{i=1}^{m}\\sum_{j}\\left[x_{ij}\\log\\hat{x}_{ij}"
            + " + (1 - x_{ij})\\log(1 - \\hat{x}_{ij})\\right]";

    // ---- VAE ---------------------------------------------------------------------------------------------------------

    /** The chapter's loss: β weights the reconstruction term, not the KL term. */
    public static final String VAE_LOSS =
            "L = D_{KL}\\left(q(z \\mid x) \\,\\|\\, \\mathcal{N}(0, I)\\right) + \\beta\\, L_{\\mathrm{rec}}(x, \\hat{x})";

    /** The KL term in closed form for a diagonal Gaussian q(z | x) = N(μ, σ²) against N(0, I). */
    public static final String VAE_KL = "D_{KL} = -\\frac{1}{2}\\sum_{j=1}^{d}\\left(1 + \\log\\sigma_j^{2} - \\mu_j^{2}"
            + " - \\sigma_j^{2}\\right)";

    public static final String VAE_RECON_BCE = "L_{\\mathrm{rec}} = -\\sum_{j}\\left[x_j\\log\\hat{x}_j"
            + " + (1 - x_j)\\log(1 - \\hat{x}_j)\\right]";

    public static final String VAE_RECON_SQUARED_ERROR = "L_{\\mathrm{rec}} = \\lVert x - \\hat{x} \\rVert^{2}";

    /** The reparameterization trick. */
    public static final String VAE_REPARAMETERIZATION =
            "z = \\mu + \\sigma \\odot \\varepsilon,\\quad \\varepsilon \\sim \\mathcal{N}(0, I)";

    // ---- VQ-VAE ------------------------------------------------------------------------------------------------------

    /** sg[·] is the stop gradient: the identity forwards, zero gradient backwards. */
    public static final String VQVAE_LOSS = "L = \\lVert x - \\hat{x} \\rVert_2^2"
            + " + \\lVert \\mathrm{sg}[z_e(x)] - e \\rVert_2^2 + \\beta\\,\\lVert z_e(x) - \\mathrm{sg}[e] \\rVert_2^2";

    public static final String VQVAE_QUANTIZATION =
            "z_q(x) = e_k,\\quad k = \\arg\\min_j \\lVert z_e(x) - e_j \\rVert_2";

    /** The straight-through estimator: the Decoder sees z_q, its gradient reaches z_e unchanged. */
    public static final String VQVAE_STRAIGHT_THROUGH =
            "\\hat{x} = \\mathrm{Decoder}\\left(z_e(x) + \\mathrm{sg}[z_q(x) - z_e(x)]\\right)";

    // ---- GAN ---------------------------------------------------------------------------------------------------------

    public static final String GAN_MINIMAX = "\\min_G \\max_D V(D, G) = \\mathbb{E}_{x \\sim p_{\\mathrm{data}}}"
            + "\\left[\\log D(x)\\right] + \\mathbb{E}_{z \\sim p_z}\\left[\\log\\left(1 - D(G(z))\\right)\\right]";

    /** The Generator's loss as the chapter's algorithm descends it. */
    public static final String GAN_G_MINIMAX =
            "L_G = \\frac{1}{m}\\sum_{i=1}^{m}\\log\\left(1 - D(G(z^{(i)}))\\right)";

    /** The non-saturating Generator loss: the same fixed point, a strong gradient while D rejects G(z). */
    public static final String GAN_G_NON_SATURATING = "L_G = -\\frac{1}{m}\\sum_{i=1}^{m}\\log D(G(z^{(i)}))";

    /** With the best Discriminator the minimax value measures the JSD. */
    public static final String GAN_OPTIMAL_D =
            "V(D^{*}, G) = 2\\,\\mathrm{JSD}(P_r \\,\\|\\, P_g) - \\log 4";

    // ---- WGAN --------------------------------------------------------------------------------------------------------

    /** Kantorovich-Rubinstein: the Earth Mover's distance as a supremum over 1-Lipschitz critics f. */
    public static final String WGAN = "W(P_r, P_g) = \\sup_{\\lVert f \\rVert_L \\le 1}"
            + " \\mathbb{E}_{x \\sim P_r}\\left[f(x)\\right] - \\mathbb{E}_{z \\sim p_z}\\left[f(G(z))\\right]";

    /** Weight clipping keeps the critic Lipschitz (with some constant K). */
    public static final String WGAN_CLIPPING = "w \\leftarrow \\mathrm{clip}(w, -c, c)";

    public static final String WGAN_G = "L_G = -\\frac{1}{m}\\sum_{i=1}^{m} f(G(z^{(i)}))";

    // ---- Divergences -------------------------------------------------------------------------------------------------

    public static final String JSD = "\\mathrm{JSD}(P_r \\,\\|\\, P_g) = \\frac{1}{2}\\mathrm{KL}(P_r \\,\\|\\, P_A)"
            + " + \\frac{1}{2}\\mathrm{KL}(P_g \\,\\|\\, P_A),\\quad P_A = \\frac{P_r + P_g}{2}";

    public static final String EMD = "\\mathrm{EMD}(P_r, P_g) = \\inf_{\\gamma \\in \\Pi(P_r, P_g)}"
            + " \\mathbb{E}_{(x, y) \\sim \\gamma}\\left[\\lVert x - y \\rVert\\right]";
}

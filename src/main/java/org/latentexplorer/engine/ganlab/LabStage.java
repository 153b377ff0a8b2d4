package org.latentexplorer.engine.ganlab;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chapter's two GAN problems, each a stage with the baseline that shows it and the chapter's remedies for it: mode
 * collapse (G outruns D from mode to mode) and the vanishing gradient (D overpowers G, whose minimax loss then gives
 * it little to learn from). The id is what the command line uses.
 */
public enum LabStage {
    /** The ring or grid with G the fast player, for Unrolled GAN, Minibatch Discrimination and WGAN. */
    MODE_COLLAPSE("mode_collapse", List.of(LabVariant.VANILLA_MINIMAX, LabVariant.VANILLA_NON_SATURATING,
            LabVariant.UNROLLED, LabVariant.MINIBATCH, LabVariant.WGAN, LabVariant.WGAN_GP)) {
        @Override
        public LabSettings baseline() {
            return LabSettings.vanilla();
        }
    },
    /** D the strong player, G on the minimax loss, for the non-saturating loss, a smaller D with dropout, unrolling. */
    VANISHING_GRADIENT("vanishing_gradient", List.of(LabVariant.VANILLA_MINIMAX, LabVariant.VANILLA_NON_SATURATING,
            LabVariant.SMALL_D_DROPOUT, LabVariant.UNROLLED)) {
        @Override
        public LabSettings baseline() {
            return LabSettings.strongDiscriminator();
        }
    };

    private final String id;
    private final List<LabVariant> variants;

    LabStage(String id, List<LabVariant> variants) {
        this.id = id;
        this.variants = variants;
    }

    public String id() {
        return id;
    }

    /** The vanilla GAN and the remedies this stage is there to try, in the order to show them. */
    public List<LabVariant> variants() {
        return variants;
    }

    /** The settings every variant of this stage starts from (seed 1). */
    public abstract LabSettings baseline();

    /** A variant on this stage's baseline, with the given seed. */
    public LabSettings settings(LabVariant variant, long seed) {
        return variant.apply(baseline().withSeed(seed));
    }

    /**
     * @throws IllegalArgumentException for an id no stage has
     */
    public static LabStage byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + id + "'; known: " + ids()));
    }

    /** Every stage's id, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(LabStage::id).collect(Collectors.joining(", "));
    }
}

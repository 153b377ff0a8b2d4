package org.latentexplorer.ui.training;

/**
 * How a section's latent plane shows codes: the held-out codes it draws, and the maps between plane positions and
 * codes (the first two dimensions, a slice, or the two principal axes). Called on the section's worker, which owns the
 * model and the codes.
 */
public interface PlaneMapping {
    /** The held-out codes the plane draws, n rows of the latent size, row-major; null while there are none. */
    float[] codes();

    /** The code at plane position (u, v). */
    float[] toLatent(double u, double v);

    /** Where code {@code z} lies on the plane. */
    double[] toPlane(float[] z);
}

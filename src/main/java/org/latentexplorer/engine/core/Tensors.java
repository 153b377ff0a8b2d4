package org.latentexplorer.engine.core;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between the data layer's float arrays and ND4J, and seeded noise independent of ND4J's global RNG. */
public final class Tensors {
    private Tensors() {
    }

    public static INDArray rows(float[] values, int rowCount) {
        return Nd4j.create(values, new long[] {rowCount, values.length / rowCount}, 'c');
    }

    /** z ~ N(0, I), the same for the same seed whatever else uses ND4J's random generator. */
    public static INDArray standardNormal(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i += 2) {
            // Box-Muller: two independent normals per pair of uniforms.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            values[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
            }
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    /** No NaN and no infinity anywhere: parameters a diverged update has not wrecked. */
    static boolean allFinite(INDArray a) {
        return !a.isNaN().any() && !a.isInfinite().any();
    }

    public static float[] toFloats(INDArray a) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
    }
}

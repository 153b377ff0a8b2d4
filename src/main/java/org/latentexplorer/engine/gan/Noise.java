package org.latentexplorer.engine.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.SplittableRandom;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** p_z, the distribution the Generator's noise is drawn from. */
public enum Noise {
    /** z ~ U(−1, 1)^d. */
    UNIFORM("uniform"),
    /** z ~ N(0, I). */
    NORMAL("normal");

    private final String id;

    Noise(String id) {
        this.id = id;
    }

    /** What manifests and the command line call it. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The same rows for the same seed, whatever else uses ND4J's random generator. */
    INDArray sample(int rows, int size, long seed) {
        if (this == NORMAL) {
            return Tensors.standardNormal(rows, size, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Nd4j.create(values, new long[] {rows, size}, 'c');
    }

    @JsonCreator
    public static Noise byId(String id) {
        for (Noise n : values()) {
            if (n.id.equalsIgnoreCase(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown noise '" + id + "'; known: uniform, normal");
    }
}

package org.latentexplorer.engine.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The Decoder's likelihood: Bernoulli (binary cross-entropy) or the chapter's squared error ‖Y − X‖². */
public enum Reconstruction {
    BCE("bce") {
        @Override
        public INDArray perRow(INDArray x, INDArray y) {
            INDArray yc = clip(y);
            return x.mul(Transforms.log(yc, true)).addi(x.rsub(1.0).muli(Transforms.log(yc.rsub(1.0), false)))
                    .sum(1).negi();
        }

        @Override
        public INDArray gradient(INDArray x, INDArray y) {
            INDArray yc = clip(y);
            return yc.sub(x).divi(yc.mul(yc.rsub(1.0)));
        }
    },
    SQUARED_ERROR("squared_error") {
        @Override
        public INDArray perRow(INDArray x, INDArray y) {
            INDArray d = y.sub(x);
            return d.muli(d).sum(1);
        }

        @Override
        public INDArray gradient(INDArray x, INDArray y) {
            return y.sub(x).muli(2.0);
        }
    };

    /** log 0 is kept finite: y is clipped into [ε, 1 − ε]. */
    private static final double LOG_EPS = 1e-7;
    private final String id;

    Reconstruction(String id) {
        this.id = id;
    }

    /** The term for each image, summed over its pixels. */
    public abstract INDArray perRow(INDArray x, INDArray y);

    /** ∂(Σ over the batch)/∂y, element by element. */
    public abstract INDArray gradient(INDArray x, INDArray y);

    public double perImage(INDArray x, INDArray y) {
        return perRow(x, y).meanNumber().doubleValue();
    }

    /** log 0 is kept finite, as every BCE implementation must. */
    private static INDArray clip(INDArray y) {
        return Transforms.max(Transforms.min(y, 1 - LOG_EPS, true), LOG_EPS, false);
    }

    /** What manifests and the command line call it. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Reconstruction byId(String id) {
        for (Reconstruction r : values()) {
            if (r.id.equalsIgnoreCase(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reconstruction '" + id + "'; known: bce, squared_error");
    }
}

package org.latentexplorer.engine.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentexplorer.engine.core.ModelKind;

/** The two GAN architectures, which share every code path: the MLP GAN and the DCGAN. */
public enum Architecture {
    MLP("mlp", ModelKind.GAN),
    DCGAN("dcgan", ModelKind.DCGAN);

    private final String id;
    private final ModelKind kind;

    Architecture(String id, ModelKind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** What manifests and the command line call it. */
    @JsonValue
    public String id() {
        return id;
    }

    public ModelKind kind() {
        return kind;
    }

    public static Architecture of(ModelKind kind) {
        for (Architecture a : values()) {
            if (a.kind == kind) {
                return a;
            }
        }
        throw new IllegalArgumentException("the " + kind.id() + " model is not a GAN");
    }

    @JsonCreator
    static Architecture byId(String id) {
        for (Architecture a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown GAN architecture '" + id + "'; known: mlp, dcgan");
    }
}

package org.latentexplorer.engine.vqvae;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link VqVae}'s file: one zip with an entry per trainable variable, one per fitted {@link CodePrior}, and Adam's
 * state if asked. Its settings are not in it: they come from the manifest, and every array must fit them.
 */
final class VqVaeFile {
    private static final String VARIABLE_ENTRY = "variables/";
    private static final String OPTIMIZER_ENTRY = "optimizer/";
    private static final String ITERATION_ENTRY = "optimizer/.iteration";
    private static final String PRIOR_ENTRY = "prior/";

    private VqVaeFile() {
    }

    static void write(VqVae model, OutputStream out, boolean withOptimizerState) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        VqVaeGraph graph = model.graph();
        for (String name : graph.trainable()) {
            putArray(zip, VARIABLE_ENTRY + name, graph.array(name));
        }
        if (withOptimizerState) {
            AdamUpdaters adam = model.updaters();
            for (Map.Entry<String, INDArray> e : adam.state().entrySet()) {
                putArray(zip, OPTIMIZER_ENTRY + e.getKey(), e.getValue());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(adam.iteration());
            data.flush();
            put(zip, ITERATION_ENTRY, bytes);
        }
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            if (model.prior(kind).isPresent()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.prior(kind).get().write(new DataOutputStream(bytes));
                put(zip, PRIOR_ENTRY + kind.id(), bytes);
            }
        }
        zip.finish();
    }

    private static void putArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        long[] shape = array.shape();
        data.writeInt(shape.length);
        for (long s : shape) {
            data.writeLong(s);
        }
        for (float f : Tensors.toFloats(array)) {
            data.writeFloat(f);
        }
        data.flush();
        put(zip, name, bytes);
    }

    private static void put(ZipOutputStream zip, String name, ByteArrayOutputStream bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        bytes.writeTo(zip);
        zip.closeEntry();
    }

    /** An array written by {@link #putArray}, accepted only with the shape expected (so nothing huge is allocated). */
    private static INDArray readArray(byte[] bytes, long[] expected, String name) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int rank = in.readInt();
        long[] shape = new long[Math.max(0, Math.min(rank, 8))];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        if (rank != expected.length || !Arrays.equals(shape, expected)) {
            throw new IllegalStateException("'" + name + "' has shape " + Arrays.toString(shape) + ", the manifest's"
                    + " hyper-parameters give " + Arrays.toString(expected));
        }
        float[] values = new float[(int) Arrays.stream(expected).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return Nd4j.create(values, expected, 'c');
    }

    static VqVae read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        VqVae model = new VqVae(VqVaeConfig.fromMap(hyperParameters));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        VqVaeGraph graph = model.graph();
        AdamUpdaters adam = model.updaters();
        for (String name : graph.trainable()) {
            byte[] bytes = entries.get(VARIABLE_ENTRY + name);
            if (bytes == null) {
                throw new IOException("not a VQ-VAE file: '" + name + "' is missing");
            }
            INDArray target = graph.array(name);
            target.assign(readArray(bytes, target.shape(), name));
            byte[] state = entries.get(OPTIMIZER_ENTRY + name);
            if (state != null) {
                INDArray view = adam.state().get(name);
                view.assign(readArray(state, view.shape(), OPTIMIZER_ENTRY + name));
            }
        }
        byte[] iteration = entries.get(ITERATION_ENTRY);
        if (iteration != null) {
            adam.setIteration(new DataInputStream(new ByteArrayInputStream(iteration)).readInt());
        }
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            byte[] bytes = entries.get(PRIOR_ENTRY + kind.id());
            if (bytes != null) {
                CodePrior prior = CodePrior.read(new DataInputStream(new ByteArrayInputStream(bytes)));
                if (prior.kind() != kind) {
                    throw new IOException("the " + kind.id() + " prior's entry holds a " + prior.kind().id()
                            + " prior");
                }
                model.setPrior(prior);
            }
        }
        return model;
    }
}

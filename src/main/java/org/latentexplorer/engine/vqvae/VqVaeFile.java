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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link VqVae}'s file: one zip with an entry per trainable variable, one per fitted {@link CodePrior}, and Adam's
 * state if asked; each array as ND4J itself writes it ({@link Nd4j#write(java.io.OutputStream, INDArray)}). Its
 * settings are not in it: they come from the manifest, and every array must fit them.
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
            putArray(zip, ITERATION_ENTRY, Nd4j.scalar(DataType.INT, adam.iteration()));
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
        Nd4j.write(bytes, array);
        put(zip, name, bytes);
    }

    private static void put(ZipOutputStream zip, String name, ByteArrayOutputStream bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        bytes.writeTo(zip);
        zip.closeEntry();
    }

    /** An array written by {@link #putArray}, accepted only with the shape expected. */
    private static INDArray readArray(byte[] bytes, long[] expected, String name) {
        INDArray array = Nd4j.read(new ByteArrayInputStream(bytes));
        if (!Arrays.equals(array.shape(), expected)) {
            throw new IllegalStateException("'" + name + "' has shape " + Arrays.toString(array.shape())
                    + ", the manifest's hyper-parameters give " + Arrays.toString(expected));
        }
        return array;
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
            adam.setIteration(readArray(iteration, new long[0], ITERATION_ENTRY).getInt(0));
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

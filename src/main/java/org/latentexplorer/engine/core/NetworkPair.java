package org.latentexplorer.engine.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Two networks that make one model (Encoder and Decoder, Generator and Discriminator): their parameters as one
 * row, and one zip file holding each in DL4J's own format.
 */
public record NetworkPair(String firstName, MultiLayerNetwork first, String secondName, MultiLayerNetwork second) {

    /** [first | second] as one new row. */
    public INDArray parameters() {
        return Nd4j.hstack(first.params().reshape(1, first.numParams()), second.params().reshape(1, second.numParams()));
    }

    public long parameterCount() {
        return first.numParams() + second.numParams();
    }

    public void setParameters(INDArray parameters) {
        if (parameters.length() != parameterCount()) {
            throw new IllegalArgumentException("this model has " + parameterCount() + " parameters, got "
                    + parameters.length());
        }
        long n = first.numParams();
        INDArray flat = parameters.reshape(1, parameters.length());
        first.setParams(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)).reshape(1, n).dup());
        second.setParams(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, flat.length()))
                .reshape(1, second.numParams()).dup());
    }

    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, MultiLayerNetwork> e : Map.of(firstName, first, secondName, second).entrySet()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(e.getValue(), bytes, withOptimizerState);
            zip.putNextEntry(new ZipEntry(e.getKey()));
            bytes.writeTo(zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Reads what {@link #write} wrote; {@code what} names the model in the error when a network is missing. */
    public static NetworkPair read(InputStream in, String firstName, String secondName, String what) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        if (!entries.containsKey(firstName) || !entries.containsKey(secondName)) {
            throw new IOException("not a " + what + " file: " + firstName + " or " + secondName + " is missing");
        }
        return new NetworkPair(firstName,
                ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(entries.get(firstName)), true),
                secondName, ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(entries.get(secondName)), true));
    }
}

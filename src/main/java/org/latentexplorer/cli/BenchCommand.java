package org.latentexplorer.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.Bench;
import org.latentexplorer.engine.ModelKind;
import org.latentexplorer.engine.Models;
import org.latentexplorer.engine.Nd4jRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed per model as one JSON line each, against this machine's sgemm rate.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "100", description = "timed training steps per model (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", description = "ND4J threads (default: cores - 1)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("--steps and --batch must be at least 1");
        }
        int n = threads != null ? threads : Nd4jRuntime.defaultThreads();
        Nd4jRuntime.configureThreads(n);
        ImageSet data = BundledDataset.MNIST.load();
        for (ModelKind kind : ModelKind.values()) {
            Bench.Result r = Bench.training(kind.id(), Models.create(kind, data.pixelsPerImage(), 2, 1e-3, 42), data, batch, 10, steps);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("model", r.model());
            line.put("batch", r.batch());
            line.put("threads", n);
            line.put("steps_per_sec", round(r.stepsPerSec()));
            line.put("samples_per_sec", round(r.samplesPerSec()));
            line.put("sgemm_gflops", round(r.sgemmGflops()));
            line.put("model_gflops", round(r.modelGflops()));
            line.put("flops_fraction", Math.round(r.flopsFraction() * 1000) / 1000.0);
            System.out.println(Json.line(line));
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

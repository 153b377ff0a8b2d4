package org.latentexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.DataSource;
import org.latentexplorer.engine.ModelStore;
import org.latentexplorer.engine.Nd4jRuntime;
import org.latentexplorer.engine.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print one JSON object of a saved model's held-out metrics.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a saved model (path, with or without .zip/.json) or a bundled model's name")
    String model;

    @Option(names = "--data", description = "evaluate on this data instead of the one the model was trained on")
    String data;

    @Option(names = "--labels", description = "IDX labels file for --data")
    Path labels;

    @Option(names = "--held-out", defaultValue = "" + Split.DEFAULT_HELD_OUT, description = "held-out images (default: ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--split-seed", defaultValue = "" + Split.DEFAULT_SEED, description = "split seed (default: ${DEFAULT-VALUE})")
    long splitSeed;

    @Override
    public Integer call() throws Exception {
        Path path = Path.of(model);
        ModelStore.Loaded loaded = Files.exists(ModelStore.manifestFile(path)) || !ModelStore.bundledExists(model)
                ? ModelStore.load(path) : ModelStore.loadBundled(model);
        String dataSpec = data != null ? data : loaded.manifest().dataset();
        Split split = Split.of(DataSource.load(dataSpec, labels), heldOut, splitSeed);
        Nd4jRuntime.configureThreads(Nd4jRuntime.defaultThreads());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", loaded.manifest().kind());
        out.put("dataset", dataSpec);
        out.put("heldout_images", split.heldOut().size());
        Trainer.evaluate(loaded.model(), split.heldOut()).asMap().forEach((k, v) -> out.put("heldout_" + k, v));
        System.out.println(Json.line(out));
        return 0;
    }
}

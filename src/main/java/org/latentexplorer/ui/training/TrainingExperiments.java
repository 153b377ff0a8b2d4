package org.latentexplorer.ui.training;

import java.nio.file.Path;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.DataChoice;

/**
 * A model section's run as an experiment file: captured with its model and saved, or opened again with its data set,
 * settings, model, curves and view. The section's worker owns the model, so saving and opening run there.
 */
final class TrainingExperiments {
    private final TrainingViewModel vm;
    private final TrainingSettings settings;
    private final CurveStore curves;
    private final TrainingRun run;

    TrainingExperiments(TrainingViewModel vm, TrainingSettings settings, CurveStore curves, TrainingRun run) {
        this.vm = vm;
        this.settings = settings;
        this.curves = curves;
        this.run = run;
    }

    /** UI thread: the run as an experiment of the given section, without the model. */
    Experiment capture(String section) {
        DataChoice d = settings.datasetProperty().get();
        return Experiment.of(section, vm.kind().id(), d.spec(), d.labelsPath(), settings.stored(), vm.modelSettings(),
                curves.stored(), vm.viewState());
    }

    /** Saves the run with its model as one experiment file; refused while training, which owns the model. */
    void save(Path path, String section) {
        if (!readyToSave()) {
            return;
        }
        Experiment captured = capture(section);
        long s = settings.seedProperty().get();
        vm.runInBackground(() -> {
            GenerativeModel model = vm.slot.model();
            ModelManifest manifest = model == null ? null : vm.slot.manifest(vm.split.heldOut(), s);
            // The model's own kind: a section that trains more than one may show a model of the kind not chosen now.
            Experiment experiment = model == null ? captured : captured.withKind(model.kind().id());
            ExperimentFile.save(path, experiment, model, manifest);
            vm.background.ui(() -> run.info("experiment.saved", path));
        });
    }

    /** Whether the run can be saved now, and if not, says why. */
    boolean readyToSave() {
        if (run.isActive()) {
            run.errorText("experiment.error.training");
            return false;
        }
        if (run.busyProperty().get()) {
            run.errorText("experiment.error.busy");
            return false;
        }
        return true;
    }

    /** UI thread: reproduces a saved run; false, and nothing changes, while a model trains. */
    boolean restore(ExperimentFile.Loaded loaded, ImageSet data, String name) {
        if (run.isActive()) {
            return false;
        }
        Experiment e = loaded.experiment();
        DataChoice choice = settings.choiceFor(e.dataset(), e.labels());
        settings.chooseLoaded(choice);
        vm.runInBackground(() -> {
            vm.useData(choice, data);
            if (loaded.model() != null) {
                vm.adopt(loaded.model(), name);
            } else {
                vm.closeModel();
                vm.onInferenceChanged();
            }
            // Published and then posted, so it runs after the redraws and the updates the adoption above queued.
            vm.publish(() -> vm.background.ui(() -> {
                try {
                    apply(e);
                    run.info("experiment.opened", name);
                } catch (RuntimeException bad) {
                    vm.error(bad);
                }
            }));
        });
        return true;
    }

    /**
     * UI thread: the curves and view of the run that made a shipped model, so its section opens with full charts (and
     * a GAN with its timeline); the settings stay the learner's.
     */
    void showHistory(Experiment history) {
        curves.restore(history.curves());
        vm.applyViewState(history.view());
    }

    /** UI thread: an opened experiment's settings, curves and view, over what the adoption showed. */
    private void apply(Experiment e) {
        settings.restore(e.training());
        vm.applyModelSettings(ModelKind.byId(e.kind()), e.modelSettings());
        // The previous run's numbers go; the held-out ones the adoption measured on this model stay.
        curves.forgetLatest(k -> k.startsWith(TrainingViewModel.TRAIN + ":"));
        run.clearProgress();
        curves.restore(e.curves());
        vm.applyViewState(e.view());
    }
}

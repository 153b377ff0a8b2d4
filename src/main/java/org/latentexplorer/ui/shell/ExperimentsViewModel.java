package org.latentexplorer.ui.shell;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.engine.store.ModelFileException;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * Saves the run in view as one experiment file and opens one again in the section it came from. An opened file is
 * read whole, with its data set, in the background before anything changes, so a corrupt file or a missing data set
 * is reported and leaves every section as it was.
 */
public final class ExperimentsViewModel {
    private final I18n i18n;
    private final ObjectProperty<Section> section;
    private final Map<Section, TrainingViewModel> sections;
    private final GanLabViewModel lab;
    private final Background reader;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** The newest failure to open a file, in the user's language; the view shows it and clears it. */
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    /** @param lab the GAN problems lab, or null where there is none (tests of the model sections) */
    ExperimentsViewModel(I18n i18n, Background reader, ObjectProperty<Section> section,
            Map<Section, TrainingViewModel> sections, GanLabViewModel lab) {
        this.i18n = i18n;
        this.reader = reader;
        this.section = section;
        this.sections = Map.copyOf(sections);
        this.lab = lab;
    }

    /** Whether the section in view has a run to save: a model section or the lab. */
    public boolean canSave() {
        return current() != null || (lab != null && section.get() == Section.GAN_PROBLEMS);
    }

    /** The model section in view, whose run is saved; null for a section without one. */
    public TrainingViewModel current() {
        return sections.get(section.get());
    }

    /** Saves the run of the section in view; its message line reports the result. */
    public void save(Path path) {
        TrainingViewModel vm = current();
        if (vm != null) {
            vm.saveExperiment(path, section.get().id());
        } else if (canSave()) {
            lab.saveExperiment(path, section.get().id());
        }
    }

    public void open(Path path) {
        busy.set(true);
        reader.run(() -> {
            try {
                ExperimentFile.Loaded loaded = ExperimentFile.load(path);
                Experiment e = loaded.experiment();
                if (e.lab() != null) {
                    verifyLab(e, path);
                    reader.ui(() -> {
                        section.set(Section.GAN_PROBLEMS);
                        lab.restore(e, path.getFileName().toString());
                    });
                    return;
                }
                String labels = e.labels();
                ImageSet data = DataSource.load(e.dataset(), labels == null ? null : Path.of(labels));
                if (loaded.model() != null && loaded.model().model().inputSize() != data.pixelsPerImage()) {
                    throw new IllegalArgumentException(i18n.get("model.error.wrongSize",
                            loaded.model().model().inputSize(), data.pixelsPerImage()));
                }
                reader.ui(() -> show(loaded, data, path));
            } catch (Throwable e) {
                // Told before busy ends, so whoever waits for the end of the reading finds its message.
                reader.ui(() -> error.set(i18n.describe(e)));
            } finally {
                reader.ui(() -> busy.set(false));
            }
        });
    }

    private void verifyLab(Experiment e, Path path) throws ModelFileException {
        try {
            if (lab == null) {
                throw new IllegalStateException("no lab here");
            }
            GanLabViewModel.verify(e);
        } catch (RuntimeException mismatch) {
            throw new ModelFileException("experiment.error.corrupt", "Cannot open " + path + ": " + mismatch.getMessage(),
                    mismatch, path.toString());
        }
    }

    private void show(ExperimentFile.Loaded loaded, ImageSet data, Path path) {
        ModelKind kind = ModelKind.byId(loaded.experiment().kind());
        Map.Entry<Section, TrainingViewModel> target = sections.entrySet().stream()
                .filter(e -> e.getValue().accepts(kind)).findFirst().orElseThrow();
        if (target.getValue().restore(loaded, data, path.getFileName().toString())) {
            section.set(target.getKey());
        } else {
            error.set(i18n.get("experiment.error.training"));
        }
    }

    public void shutdown() {
        reader.close();
    }

    public BooleanProperty busyProperty() { return busy; }
    public StringProperty errorProperty() { return error; }
}

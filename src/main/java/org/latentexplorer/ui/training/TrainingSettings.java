package org.latentexplorer.ui.training;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.TrainingConfig;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.ui.base.DataChoice;

/** The training settings form every model section shows: the data set, the model's size and the run's settings. */
final class TrainingSettings {
    private final ObservableList<DataChoice> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DataChoice> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final IntegerProperty latentSize = new SimpleIntegerProperty(this, "latentSize", 2);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 5);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 128);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", Nd4jRuntime.defaultThreads());
    private final BooleanProperty continueTraining = new SimpleBooleanProperty(this, "continueTraining", false);
    /** True while a data set that has been read already is chosen; UI thread only. */
    private boolean choosingLoaded;
    /** How many such data sets (an experiment's) have been chosen; UI thread only. */
    private int loadedChoices;

    TrainingSettings() {
        for (BundledDataset d : BundledDataset.values()) {
            datasets.add(new DataChoice(d.id(), null, d.displayName()));
        }
        dataset.set(datasets.get(0));
    }

    /** Hands {@code load} each data set chosen that has not been read yet. */
    void onDatasetChosen(Consumer<DataChoice> load) {
        dataset.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old) && !choosingLoaded) {
                load.accept(now);
            }
        });
    }

    /** Chooses a data set that has been read already (an experiment's), joining the list if it is new. */
    void chooseLoaded(DataChoice choice) {
        loadedChoices++;
        choosingLoaded = true;
        try {
            offer(choice);
            dataset.set(choice);
        } finally {
            choosingLoaded = false;
        }
    }

    /** How many data sets {@link #chooseLoaded} has chosen; a data set opened meanwhile joins only the list. */
    int loadedChoices() {
        return loadedChoices;
    }

    /** Whether the learning rate is one Adam can take: in (0, 1]. */
    boolean learningRateValid() {
        double lr = learningRate.get();
        return lr > 0 && lr <= 1;
    }

    /** The Trainer's settings; IllegalArgumentException for a nonsense value. */
    TrainingConfig config() {
        return new TrainingConfig(epochs.get(), batchSize.get(), seed.get(), 50, 10);
    }

    /** The settings as an experiment file keeps them. */
    Experiment.Training stored() {
        return new Experiment.Training(latentSize.get(), epochs.get(), batchSize.get(), learningRate.get(), seed.get(),
                continueTraining.get());
    }

    /** Puts back settings an experiment file kept; the data set is chosen apart. */
    void restore(Experiment.Training t) {
        latentSize.set(t.latentSize());
        epochs.set(t.epochs());
        batchSize.set(t.batchSize());
        learningRate.set(t.learningRate());
        seed.set(t.seed());
        continueTraining.set(t.continueTraining());
    }

    /** The choice in the list with this spec, or a new one named after its file; the list does not change. */
    DataChoice choiceFor(String spec, String labels) {
        return datasets.stream().filter(c -> c.spec().equals(spec)).findFirst()
                .orElseGet(() -> new DataChoice(spec, labels, DataSource.displayName(spec)));
    }

    /** Adds a choice to the list unless it is there already. */
    void offer(DataChoice choice) {
        if (!datasets.contains(choice)) {
            datasets.add(choice);
        }
    }

    ObservableList<DataChoice> datasets() { return datasets; }
    ObjectProperty<DataChoice> datasetProperty() { return dataset; }
    IntegerProperty latentSizeProperty() { return latentSize; }
    IntegerProperty epochsProperty() { return epochs; }
    IntegerProperty batchSizeProperty() { return batchSize; }
    DoubleProperty learningRateProperty() { return learningRate; }
    LongProperty seedProperty() { return seed; }
    IntegerProperty threadsProperty() { return threads; }
    BooleanProperty continueTrainingProperty() { return continueTraining; }
}

package org.latentexplorer.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.FolderSet;
import org.latentexplorer.data.FolderSpec;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MnistStyle.Polarity;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;

/**
 * The data sets a section opens besides the bundled ones, and the names of the labels of the one in use. An IDX pair
 * joins the list at once; a folder of pictures (or a zip of one) is read first, with progress and a cancel, and shown
 * as a preview (sample images and counts per label, the files skipped and why, the inversion found) that the learner
 * accepts or discards before anything trains on it. Reading runs on the section's worker; properties change on the UI
 * thread only.
 */
public final class DataOpening {
    /** Where a folder's opening is: nothing asked, reading its pictures, its preview shown, or refused. */
    public enum Stage { IDLE, READING, PREVIEW, FAILED }

    /** One label of a previewed folder: its name, how many images it has, and the first few. */
    public record LabelRow(String name, int count, ImageGrid samples) {
    }

    /** Images shown per label in the preview. */
    static final int SAMPLES_PER_LABEL = 10;

    private final TrainingViewModel vm;
    private final TrainingSettings settings;
    private final I18n i18n;
    private final Background background;
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ObjectProperty<Polarity> polarity = new SimpleObjectProperty<>(this, "polarity", Polarity.AUTO);
    private final ObservableList<LabelRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames", List.of());
    private final Background.Throttle progressUpdate;
    /** The newest share read, handed from the reading thread to the throttled update. */
    private volatile double progressRead;
    /** The cancel of the newest read: each read has its own, so cancelling one never reaches the next. */
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    /** UI thread: the folder shown (or being read), and the set of its preview. */
    private FolderSpec folder;
    private FolderSet previewed;
    /** Which read is current: a newer one makes an older one's result stale. */
    private int reads;
    /** Worker thread: the set just previewed, which choosing it then uses instead of reading it again. */
    private FolderSet lastRead;
    /** UI thread: the set in use, whose label names the legends show. */
    private String namesSpec;
    private List<String> namesOfSet = List.of();

    DataOpening(TrainingViewModel vm, TrainingSettings settings, I18n i18n, Background background) {
        this.vm = vm;
        this.settings = settings;
        this.i18n = i18n;
        this.background = background;
        this.progressUpdate = background.throttle(1000 / TrainingViewModel.UPDATES_PER_SECOND,
                () -> progress.set(progressRead));
        polarity.addListener((o, a, b) -> {
            if (folder != null && b != null && b != folder.polarity() && stage.get() == Stage.PREVIEW) {
                read(folder.with(b));
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            showClassNames(namesSpec, namesOfSet);
            if (previewed != null) {
                showPreview(previewed);
            }
        });
    }

    /** Adds an IDX images file (with its labels) to the data sets and switches to it. */
    void openIdx(Path images, Path labels) {
        DataChoice choice = new DataChoice(images.toString(), labels == null ? null : labels.toString(),
                images.getFileName().toString());
        int asked = settings.loadedChoices();
        vm.runInBackground(() -> {
            // Read once here so a bad file is reported before it joins the list.
            DataSource.load(choice.spec(), labels);
            background.ui(() -> choose(choice, asked));
        });
    }

    /** Reads a folder of pictures or a zip of one for its preview; the grey levels as found, until switched. */
    public void openFolder(Path source) {
        folder = null;
        polarity.set(Polarity.AUTO);
        read(new FolderSpec(source, Polarity.AUTO));
    }

    /** A folder remembered from the last run, chosen again without a preview if it is still there. */
    public void reopen(String spec) {
        try {
            FolderSpec remembered = FolderSpec.parse(spec);
            if (remembered != null && Files.exists(remembered.source())) {
                choose(new DataChoice(spec, null, remembered.displayName()), settings.loadedChoices());
            }
        } catch (DataException e) {
            // Written on another system: nothing to reopen.
        }
    }

    private void read(FolderSpec spec) {
        folder = spec;
        int read = ++reads;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelRequested = cancelled;
        progressRead = 0;
        progress.set(0);
        error.set("");
        stage.set(Stage.READING);
        vm.runInBackground(() -> {
            try {
                FolderSet set = DataSource.loadFolder(spec, f -> {
                    progressRead = f;
                    progressUpdate.request();
                }, cancelled::get);
                lastRead = set;
                background.ui(() -> {
                    if (read == reads) {
                        previewed = set;
                        showPreview(set);
                        stage.set(Stage.PREVIEW);
                    }
                });
            } catch (CancellationException e) {
                background.ui(() -> stage.set(read == reads ? Stage.IDLE : stage.get()));
            } catch (DataException | RuntimeException e) {
                background.ui(() -> {
                    if (read == reads) {
                        error.set(i18n.describe(e));
                        stage.set(Stage.FAILED);
                    }
                });
            }
        });
    }

    /** Stops a folder's reading; nothing is kept or chosen. */
    public void cancel() {
        cancelRequested.set(true);
        discard();
    }

    /** Closes the preview without choosing the folder; the set read for it is let go. */
    public void discard() {
        close();
        vm.runQuietly(() -> lastRead = null);
    }

    private void close() {
        reads++;
        previewed = null;
        stage.set(Stage.IDLE);
    }

    /** Chooses the previewed folder, turned as shown: it joins the list of data sets and the section uses it. */
    public void accept() {
        if (stage.get() != Stage.PREVIEW || previewed == null) {
            return;
        }
        FolderSpec spec = previewed.spec();
        close();
        choose(new DataChoice(spec.spec(), null, spec.displayName()), settings.loadedChoices());
    }

    private void choose(DataChoice choice, int asked) {
        settings.offer(choice);
        // An experiment opened meanwhile brought its own data set: this one joins the list, not the view.
        if (settings.loadedChoices() == asked) {
            settings.datasetProperty().set(choice);
        }
    }

    /** Worker thread: the set just previewed if it is the one {@code spec} names, so choosing it reads nothing again. */
    ImageSet takeRead(String spec) {
        FolderSet set = lastRead;
        lastRead = null;
        return set != null && set.spec().spec().equals(spec) ? set.images() : null;
    }

    private void showPreview(FolderSet set) {
        List<LabelRow> shown = new ArrayList<>();
        int[] counts = set.counts();
        ImageSet images = set.images();
        for (int label = 0; label < counts.length; label++) {
            int[] samples = set.samples(set.labelled() ? label : -1, SAMPLES_PER_LABEL);
            String name = set.labelled() ? set.classNames().get(label) : i18n.get("folder.unlabelled");
            shown.add(new LabelRow(name, counts[label], ImageGrid.of(images.gather(samples), images.rows(),
                    images.cols())));
        }
        rows.setAll(shown);
        skipped.setAll(set.skipped().stream().map(s -> s.localized(i18n.getLocale())).toList());
        summary.set(i18n.get("folder.summary", images.size(), set.classNames().size(), set.skipped().size()) + "\n"
                + i18n.get("folder.polarity.found", set.darkOnLight(), images.size(), set.inverted() ? 1 : 0));
    }

    /** UI thread: the labels' names of the set in use: its folders', else the bundled set's (digits, garments). */
    void showClassNames(String spec, List<String> names) {
        namesSpec = spec;
        namesOfSet = names;
        classNames.set(names.isEmpty() && DataSource.isFolder(spec) ? List.of()
                : names.isEmpty() ? DataChoice.classNames(spec, i18n) : names);
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() { return stage.getReadOnlyProperty(); }
    public DoubleProperty progressProperty() { return progress; }
    /** The grey levels: AUTO as found, KEEP or INVERT; switching it reads the folder again (from the cache). */
    public ObjectProperty<Polarity> polarityProperty() { return polarity; }
    public ObservableList<LabelRow> rows() { return rows; }
    public ObservableList<String> skipped() { return skipped; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty errorProperty() { return error; }
    /** The legend's names for labels 0, 1, …; empty for a folder without labels. */
    public ObjectProperty<List<String>> classNamesProperty() { return classNames; }
}

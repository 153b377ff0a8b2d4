package org.latentexplorer.ui.widgets;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.FolderSpec;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The inspector every model section shares: data set and architecture, the training settings and
 * Start / Pause / Step / Stop, progress and live numbers, and the model's open / save. Sections add their own
 * settings and numbers rows.
 */
public final class TrainingPanel extends VBox {
    private final TrainingViewModel vm;
    private final I18n i18n;
    private final Controls c;
    private final GridPane settings = new GridPane();
    private final GridPane numbers = new GridPane();
    private int settingsRow;
    private int numbersRow;
    private final String defaultModelName;

    /**
     * What differs between sections: the latent size's range and name (a GAN calls it the noise size), whether the
     * single shared learning rate applies (a GAN has one per network), and the name offered when saving.
     */
    public record Options(int maxLatent, String latentKey, String latentTipKey, boolean sharedLearningRate,
            String defaultModelName) {
        public static Options of(int maxLatent, String defaultModelName) {
            return new Options(maxLatent, "train.latentSize", "train.latentSize.tip", true, defaultModelName);
        }
    }

    public TrainingPanel(TrainingViewModel vm, I18n i18n, Options options) {
        super(10);
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        this.defaultModelName = options.defaultModelName();
        int maxLatent = options.maxLatent();
        getStyleClass().add("training-panel");
        for (GridPane g : new GridPane[] {settings, numbers}) {
            g.setHgap(8);
            g.setVgap(6);
            // Labels keep their full text; the controls beside them take what width is left.
            javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
            labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
            controls.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().setAll(labels, controls);
        }

        ComboBox<DataChoice> data = new ComboBox<>(vm.datasets());
        data.setId("dataset");
        data.valueProperty().bindBidirectional(vm.datasetProperty());
        data.disableProperty().bind(vm.active().or(vm.busyProperty()));
        data.setMaxWidth(Double.MAX_VALUE);
        Button openData = c.button("train.openData", this::openDataset);
        openData.disableProperty().bind(data.disableProperty());
        Button openFolder = c.button("train.openFolder", this::openFolder);
        openFolder.setId("open-folder");
        openFolder.setTooltip(c.tooltip("train.openFolder.tip"));
        openFolder.disableProperty().bind(data.disableProperty());
        addSetting(c.label("train.dataset"), data);
        javafx.scene.layout.FlowPane openButtons = new javafx.scene.layout.FlowPane(6, 6, openData, openFolder);
        settings.add(openButtons, 1, settingsRow++);

        Spinner<Integer> latent = c.intSpinner("latent", 1, maxLatent, vm.latentSizeProperty(), 1);
        addSetting(c.tipped(c.label(options.latentKey()), options.latentTipKey()), latent);

        Spinner<Integer> epochs = c.intSpinner("epochs", 1, 1000, vm.epochsProperty(), 1);
        addSetting(c.label("train.epochs"), epochs);

        Spinner<Integer> batch = c.intSpinner("batch", 8, 1024, vm.batchSizeProperty(), 8);
        addSetting(c.tipped(c.label("train.batchSize"), "train.batchSize.tip"), batch);

        TextField lr = c.rateField("learning-rate", vm.learningRateProperty());
        if (options.sharedLearningRate()) {
            addSetting(c.tipped(c.label("train.learningRate"), "train.learningRate.tip"), lr);
        }

        Spinner<Integer> seed = c.intSpinner("seed", 0, Integer.MAX_VALUE, (int) vm.seedProperty().get(), 1);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        addSetting(c.tipped(c.label("train.seed"), "train.seed.tip"), seed);

        int cores = Runtime.getRuntime().availableProcessors();
        Spinner<Integer> threads = c.intSpinner("threads", 1, Math.max(cores, Nd4jRuntime.defaultThreads()),
                vm.threadsProperty(), 1);
        addSetting(c.tipped(c.label("train.threads"), "train.threads.tip"), threads);
        for (Node n : new Node[] {latent, epochs, batch, lr, seed, threads}) {
            n.disableProperty().bind(vm.active());
        }

        CheckBox cont = new CheckBox();
        cont.setId("continue");
        cont.textProperty().bind(i18n.text("train.continue"));
        cont.selectedProperty().bindBidirectional(vm.continueTrainingProperty());
        cont.disableProperty().bind(vm.active().or(vm.modelOpenProperty().not()));

        Button start = c.button("train.start", vm::start);
        start.setId("start");
        start.disableProperty().bind(vm.canStart().not());
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty().bind(Bindings.when(vm.paused()).then(i18n.text("train.resume")).otherwise(i18n.text("train.pause")));
        pause.setOnAction(e -> {
            if (vm.paused().get()) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        pause.disableProperty().bind(vm.active().not());
        Button step = c.button("train.step", vm::step);
        step.setId("step");
        step.disableProperty().bind(vm.paused().not().and(vm.canStart().not()));
        step.setTooltip(c.tooltip("train.step.tip"));
        Button stop = c.button("train.stop", vm::stop);
        stop.setId("stop");
        stop.disableProperty().bind(vm.active().not());
        HBox controls = new HBox(6, start, pause, step, stop);
        for (Button b : new Button[] {start, pause, step, stop}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label where = new Label();
        where.setId("where");
        where.textProperty().bind(i18n.text("train.where", vm.epochProperty(), vm.epochsProperty(), vm.stepProperty(),
                vm.totalStepsProperty()));
        addNumber(c.tipped(c.label("train.samplesPerSecond"), "train.samplesPerSecond.tip"),
                c.number("samples-per-second", "number.rate", vm.samplesPerSecondProperty()));

        Label model = new Label();
        model.setId("model-description");
        model.textProperty().bind(vm.modelDescriptionProperty());
        model.setWrapText(true);
        model.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button openModel = c.button("train.openModel", this::openModel);
        openModel.disableProperty().bind(vm.active().or(vm.busyProperty()));
        Button pretrained = c.button("train.openPretrained", vm::openPretrained);
        pretrained.setId("open-pretrained");
        pretrained.setTooltip(c.tooltip("train.openPretrained.tip"));
        pretrained.disableProperty().bind(openModel.disableProperty());
        Button saveModel = c.button("train.saveModel", this::saveModel);
        saveModel.setId("save-model");
        saveModel.disableProperty().bind(vm.canSave().not());

        // Wraps rather than cutting a label short where a language's words are longer than the panel is wide.
        javafx.scene.layout.FlowPane modelButtons = new javafx.scene.layout.FlowPane(6, 6, openModel, pretrained, saveModel);
        for (Button b : new Button[] {openModel, pretrained, saveModel}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("error"), b));

        getChildren().addAll(c.heading("train.inspector.data"), settings, cont, new Separator(),
                c.heading("train.inspector.train"), controls, LayoutRoot.of(progress), LayoutRoot.of(where), numbers,
                new Separator(), c.heading("train.inspector.model"), model, modelButtons, message);
        setPadding(new Insets(12));
    }

    public void addSetting(Node label, Node control) {
        settings.addRow(settingsRow++, label, control);
    }

    /** A live number: it changes with every update, so its relayout is kept to itself. */
    public void addNumber(Node label, Region value) {
        numbers.addRow(numbersRow++, label, LayoutRoot.of(value));
    }

    void openModel() {
        Path p = FileDialogs.openModel(getScene().getWindow(), i18n);
        if (p != null) {
            vm.openModel(p);
        }
    }

    void saveModel() {
        Path p = FileDialogs.saveModel(getScene().getWindow(), i18n, defaultModelName);
        if (p != null) {
            vm.saveModel(p);
        }
    }

    void openDataset() {
        Path images = FileDialogs.openImages(getScene().getWindow(), i18n);
        if (images == null) {
            return;
        }
        if (FolderSpec.isFolderOrZip(images)) {
            openFolder(images);
            return;
        }
        Path labels = IdxReader.labelsFileFor(images);
        if (labels == null) {
            labels = FileDialogs.openLabels(getScene().getWindow(), i18n);
        }
        vm.openDataset(images, labels);
    }

    void openFolder() {
        Path folder = FileDialogs.openFolder(getScene().getWindow(), i18n);
        if (folder != null) {
            openFolder(folder);
        }
    }

    /** Reads a folder of pictures (or a zip of one) and shows its preview, from which the learner chooses it. */
    public void openFolder(Path folder) {
        vm.data().openFolder(folder);
        FolderPreview.show(getScene().getWindow(), i18n, vm.data(), IdxReader.fileName(folder));
    }
}

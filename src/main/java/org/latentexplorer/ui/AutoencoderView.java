package org.latentexplorer.ui;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;
import org.latentexplorer.engine.Nd4jRuntime;

/** The autoencoder section: loss curves and held-out reconstructions in the middle, the inspector on the right. */
public final class AutoencoderView extends BorderPane {
    private final AutoencoderViewModel vm;
    private final I18n i18n;

    public AutoencoderView(AutoencoderViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("autoencoder-view");
        setCenter(center());
        ScrollPane inspector = new ScrollPane(inspector());
        inspector.setFitToWidth(true);
        inspector.setPrefWidth(320);
        inspector.getStyleClass().add("inspector");
        setRight(inspector);
    }

    private Node center() {
        Label title = label("section.autoencoder.title");
        title.getStyleClass().add("section-title");
        Label summary = label("section.autoencoder.summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label formula = label("ae.formula");
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        formula.setMinHeight(Region.USE_PREF_SIZE);
        Label structure = new Label();
        structure.textProperty().bind(i18n.text("ae.structure", vm.latentSizeProperty()));
        structure.getStyleClass().add("structure");
        structure.setWrapText(true);
        structure.setMinHeight(Region.USE_PREF_SIZE);

        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(i18n.text("ae.chart.step"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(i18n.text("ae.chart.loss"));
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("loss-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        XYChart.Series<Number, Number> train = new XYChart.Series<>(vm.trainCurve());
        train.nameProperty().bind(i18n.text("ae.chart.train"));
        XYChart.Series<Number, Number> heldOut = new XYChart.Series<>(vm.heldOutCurve());
        heldOut.nameProperty().bind(i18n.text("ae.chart.heldOut"));
        chart.getData().add(train);
        chart.getData().add(heldOut);
        chart.setMinHeight(220);
        VBox.setVgrow(chart, Priority.ALWAYS);

        ImageStrip originals = new ImageStrip(AutoencoderViewModel.PREVIEW_IMAGES);
        originals.setId("originals");
        originals.imagesProperty().bind(vm.originalsProperty());
        ImageStrip reconstructions = new ImageStrip(AutoencoderViewModel.PREVIEW_IMAGES);
        reconstructions.setId("reconstructions");
        reconstructions.imagesProperty().bind(vm.reconstructionsProperty());
        Label originalsLabel = label("ae.originals");
        Label reconLabel = label("ae.reconstructions");
        Tooltip.install(reconstructions, tooltip("ae.reconstructions.tip"));

        VBox box = new VBox(8, title, summary, formula, structure, chart, originalsLabel, originals, reconLabel,
                reconstructions);
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private Node inspector() {
        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        int row = 0;

        ComboBox<DataChoice> data = new ComboBox<>(vm.datasets());
        data.setId("dataset");
        data.valueProperty().bindBidirectional(vm.datasetProperty());
        data.disableProperty().bind(vm.active().or(vm.busyProperty()));
        data.setMaxWidth(Double.MAX_VALUE);
        Button openData = button("ae.openData", () -> openDataset());
        openData.disableProperty().bind(data.disableProperty());
        settings.addRow(row++, label("ae.dataset"), data);
        settings.add(openData, 1, row++);

        Spinner<Integer> latent = intSpinner("latent", 1, 32, vm.latentSizeProperty().get(), 1);
        latent.getValueFactory().valueProperty().addListener((o, a, b) -> vm.latentSizeProperty().set(b));
        vm.latentSizeProperty().addListener((o, a, b) -> latent.getValueFactory().setValue(b.intValue()));
        settings.addRow(row++, tipped(label("ae.latentSize"), "ae.latentSize.tip"), latent);

        Spinner<Integer> epochs = intSpinner("epochs", 1, 1000, vm.epochsProperty().get(), 1);
        epochs.getValueFactory().valueProperty().addListener((o, a, b) -> vm.epochsProperty().set(b));
        settings.addRow(row++, label("ae.epochs"), epochs);

        Spinner<Integer> batch = intSpinner("batch", 8, 1024, vm.batchSizeProperty().get(), 8);
        batch.getValueFactory().valueProperty().addListener((o, a, b) -> vm.batchSizeProperty().set(b));
        settings.addRow(row++, tipped(label("ae.batchSize"), "ae.batchSize.tip"), batch);

        TextField lr = new TextField();
        lr.setId("learning-rate");
        TextFormatter<Double> lrFormat = new TextFormatter<>(new DoubleStringConverter(), vm.learningRateProperty().get());
        lr.setTextFormatter(lrFormat);
        lrFormat.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.learningRateProperty().set(b);
            }
        });
        settings.addRow(row++, tipped(label("ae.learningRate"), "ae.learningRate.tip"), lr);

        Spinner<Integer> seed = intSpinner("seed", 0, Integer.MAX_VALUE, (int) vm.seedProperty().get(), 1);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        settings.addRow(row++, tipped(label("ae.seed"), "ae.seed.tip"), seed);

        int cores = Runtime.getRuntime().availableProcessors();
        Spinner<Integer> threads = intSpinner("threads", 1, Math.max(cores, Nd4jRuntime.defaultThreads()),
                vm.threadsProperty().get(), 1);
        threads.getValueFactory().valueProperty().addListener((o, a, b) -> vm.threadsProperty().set(b));
        settings.addRow(row++, tipped(label("ae.threads"), "ae.threads.tip"), threads);
        for (Node n : new Node[] {latent, epochs, batch, lr, seed, threads}) {
            n.disableProperty().bind(vm.active());
        }

        CheckBox cont = new CheckBox();
        cont.setId("continue");
        cont.textProperty().bind(i18n.text("ae.continue"));
        cont.selectedProperty().bindBidirectional(vm.continueTrainingProperty());
        cont.disableProperty().bind(vm.active().or(vm.modelOpenProperty().not()));

        Button start = button("ae.start", vm::start);
        start.setId("start");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canStart().not());
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty().bind(Bindings.when(vm.paused()).then(i18n.text("ae.resume")).otherwise(i18n.text("ae.pause")));
        pause.setOnAction(e -> {
            if (vm.paused().get()) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        pause.disableProperty().bind(vm.active().not());
        Button step = button("ae.step", vm::step);
        step.setId("step");
        step.disableProperty().bind(vm.paused().not().and(vm.canStart().not()));
        Tooltip.install(step, tooltip("ae.step.tip"));
        Button stop = button("ae.stop", vm::stop);
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
        where.textProperty().bind(i18n.text("ae.where", vm.epochProperty(), vm.epochsProperty(), vm.stepProperty(),
                vm.totalStepsProperty()));

        GridPane numbers = new GridPane();
        numbers.setHgap(8);
        numbers.setVgap(4);
        numbers.addRow(0, tipped(label("ae.samplesPerSecond"), "ae.samplesPerSecond.tip"),
                number("samples-per-second", "ae.number.rate", vm.samplesPerSecondProperty()));
        numbers.addRow(1, tipped(label("ae.trainLoss"), "ae.loss.tip"), number("train-loss", "ae.number.loss",
                vm.trainLossProperty()));
        numbers.addRow(2, tipped(label("ae.heldOutLoss"), "ae.loss.tip"), number("held-out-loss", "ae.number.loss",
                vm.heldOutLossProperty()));

        Label model = new Label();
        model.setId("model-description");
        model.textProperty().bind(vm.modelDescriptionProperty());
        model.setWrapText(true);
        Button openModel = button("ae.openModel", this::openModel);
        openModel.disableProperty().bind(vm.active().or(vm.busyProperty()));
        Button saveModel = button("ae.saveModel", this::saveModel);
        saveModel.setId("save-model");
        saveModel.disableProperty().bind(vm.canSave().not());
        HBox modelButtons = new HBox(6, openModel, saveModel);

        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b));

        VBox box = new VBox(10, heading("ae.inspector.data"), settings, cont, new Separator(), heading("ae.inspector.train"),
                controls, progress, where, numbers, new Separator(), heading("ae.inspector.model"), model, modelButtons,
                message);
        box.setPadding(new Insets(12));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    void openModel() {
        Path p = FileDialogs.openModel(getScene().getWindow(), i18n);
        if (p != null) {
            vm.openModel(p);
        }
    }

    void saveModel() {
        Path p = FileDialogs.saveModel(getScene().getWindow(), i18n);
        if (p != null) {
            vm.saveModel(p);
        }
    }

    void openDataset() {
        Path images = FileDialogs.openImages(getScene().getWindow(), i18n);
        if (images == null) {
            return;
        }
        Path labels = org.latentexplorer.data.IdxReader.labelsFileFor(images);
        if (labels == null) {
            labels = FileDialogs.openLabels(getScene().getWindow(), i18n);
        }
        vm.openDataset(images, labels);
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    private Label heading(String key) {
        Label l = label(key);
        l.getStyleClass().add("inspector-heading");
        return l;
    }

    private Label tipped(Label l, String tipKey) {
        l.setTooltip(tooltip(tipKey));
        return l;
    }

    private Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    private Label number(String id, String formatKey, javafx.beans.value.ObservableNumberValue value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("number");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            double v = value.doubleValue();
            return Double.isNaN(v) ? "–" : i18n.get(formatKey, v);
        }, value, i18n.localeProperty()));
        return l;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value, int stepBy) {
        Spinner<Integer> s = new Spinner<>(min, max, value, stepBy);
        var factory = s.getValueFactory();
        // Typed nonsense falls back to the last good value instead of throwing from the commit.
        factory.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        s.setId(id);
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }
}

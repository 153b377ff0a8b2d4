package org.latentexplorer.ui.gan;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.ImageFiles;
import org.latentexplorer.data.Raster;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.gan.Architecture;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.Noise;
import org.latentexplorer.engine.store.TrainingHistory;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LossChart;
import org.latentexplorer.ui.widgets.ModelSectionView;
import org.latentexplorer.ui.widgets.TrainingPanel;

/**
 * The GAN section: samples from fixed noise with a timeline, the D/G tug of war as curves, quality numbers
 * against real data, and every hyper-parameter of the chapter's loop in the inspector.
 */
public final class GanView extends BorderPane implements ModelSectionView {
    /** The timeline's GIF: each sample pixel a 2 x 2 block, frames 150 ms apart, the last held 1.5 s before the loop. */
    static final int GIF_SCALE = 2;
    static final int GIF_GAP = 4;
    static final int GIF_FRAME_MILLIS = 150;
    static final int GIF_LAST_FRAME_MILLIS = 1500;

    private final GanViewModel vm;
    private final I18n i18n;
    private final Controls c;
    private final TrainingPanel panel;

    public GanView(GanViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("gan-view");

        ScrollPane left = new ScrollPane(samplesBox());
        left.setFitToWidth(true);
        left.setMinWidth(330);
        left.setPrefWidth(410);
        HBox body = new HBox(14, left, curvesBox());
        setCenter(c.section("gan", GanFigures.lossPanel(vm, i18n).folding(GanFigures.diagram(vm, i18n), false),
                body));

        panel = new TrainingPanel(vm, i18n, new TrainingPanel.Options(512, "gan.noiseSize", "gan.noiseSize.tip", false, "gan"));
        addSettings();
        addNumbers();
        setRight(Controls.inspector(panel, 350));
        Export.install(this, i18n, "gan", Export.dataOf(vm));
    }

    private Node samplesBox() {
        ImageTiles tiles = ImageTiles.grid(GanViewModel.GRID_COLUMNS, GanViewModel.GRID);
        tiles.setId("gan-samples");
        tiles.imagesProperty().bind(vm.shownSamplesProperty());
        tiles.setPrefSize(380, 380);
        tiles.setMinSize(300, 300);
        Slider timeline = new Slider(0, 0, 0);
        timeline.setId("gan-timeline");
        timeline.setBlockIncrement(1);
        timeline.setMajorTickUnit(1);
        timeline.setSnapToTicks(true);
        timeline.maxProperty().bind(Bindings.max(0, Bindings.size(vm.timeline()).subtract(1)));
        timeline.valueProperty().addListener((o, a, b) -> {
            int i = (int) Math.round(b.doubleValue());
            if (i != vm.timelineIndexProperty().get()) {
                vm.timelineIndexProperty().set(i);
            }
        });
        vm.timelineIndexProperty().addListener((o, a, b) -> timeline.setValue(b.intValue()));
        timeline.disableProperty().bind(Bindings.size(vm.timeline()).lessThan(2));
        timeline.setTooltip(c.tooltip("gan.timeline.tip"));
        Export.Action gif = new Export.Action(Export.Format.GIF, "timeline", () -> !vm.timeline().isEmpty(),
                file -> saveTimeline(List.copyOf(vm.timeline()), file));
        Export.offer(tiles, gif);
        Button saveGif = c.button("export.gif.button", () -> Export.saveAs(tiles, gif));
        saveGif.setId("gan-save-timeline");
        saveGif.setTooltip(c.tooltip("export.gif.tip"));
        saveGif.disableProperty().bind(Bindings.isEmpty(vm.timeline()));
        saveGif.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        HBox scrub = new HBox(8, timeline, saveGif);
        scrub.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label when = new Label();
        when.setId("gan-shown-step");
        when.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                vm.followLiveProperty().get() ? "gan.shown.live" : "gan.shown.past", vm.shownStepProperty().get()),
                vm.followLiveProperty(), vm.shownStepProperty(), i18n.localeProperty()));
        VBox box = new VBox(6, c.heading("gan.samples"), tiles, scrub, when, c.paragraph("gan.samples.tip", "hint"),
                qualityBox());
        box.setMinWidth(300);
        box.setPrefWidth(390);
        return box;
    }

    /** Writes the timeline as a looping GIF, one frame per snapshot with its step under it, in the background. */
    static CompletableFuture<Path> saveTimeline(List<GanViewModel.Snapshot> timeline, Path file) {
        return Export.inBackground(file, f -> ImageFiles.writeGif(f, timeline.size(), i -> {
            GanViewModel.Snapshot s = timeline.get(i);
            ImageGrid g = s.samples();
            return Raster.tiles(g.images(), g.rows(), g.cols(), GanViewModel.GRID_COLUMNS, GIF_GAP, GIF_SCALE)
                    .withCaption("step " + s.step(), GIF_SCALE);
        }, GIF_FRAME_MILLIS, GIF_LAST_FRAME_MILLIS));
    }

    private Node curvesBox() {
        LossChart losses = new LossChart("gan-loss-chart", vm, i18n, "gan.chart.loss",
                new LossChart.Curve(TrainingViewModel.TRAIN, Gan.D_LOSS, "gan.curve.dLoss"),
                new LossChart.Curve(TrainingViewModel.TRAIN, Gan.G_LOSS, "gan.curve.gLoss"));
        LossChart outputs = new LossChart("gan-output-chart", vm, i18n, "gan.chart.outputs",
                new LossChart.Curve(TrainingViewModel.TRAIN, Gan.D_REAL, "gan.curve.dReal"),
                new LossChart.Curve(TrainingViewModel.TRAIN, Gan.D_FAKE, "gan.curve.dFake"));
        // Classes covered and the Inception score share a scale of 0 to 10; the Fréchet distance is in the table.
        LossChart quality = new LossChart("gan-quality-chart", vm, i18n, "gan.chart.quality",
                new LossChart.Curve(TrainingHistory.QUALITY, TrainingHistory.CLASSES_COVERED, "gan.quality.covered"),
                new LossChart.Curve(TrainingHistory.QUALITY, TrainingHistory.INCEPTION_SCORE, "gan.quality.is"));
        for (LossChart chart : List.of(losses, outputs, quality)) {
            chart.setMinHeight(150);
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
        VBox box = new VBox(6, losses, outputs, quality);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private Node qualityBox() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        g.addRow(0, new Label(), c.label("gan.quality.model"), c.label("gan.quality.real"));
        Label covered = new Label();
        covered.setId("gan-classes-covered");
        covered.getStyleClass().add("number");
        covered.textProperty().bind(Bindings.createStringBinding(() -> vm.classesCoveredProperty().get() < 0 ? "–"
                : vm.classesCoveredProperty().get() + " / 10", vm.classesCoveredProperty()));
        Label coveredReal = new Label();
        coveredReal.textProperty().bind(Bindings.when(vm.qualityMeasuredProperty()).then("10 / 10").otherwise("–"));
        coveredReal.getStyleClass().add("number");
        g.addRow(1, c.tipped(c.label("gan.quality.covered"), "gan.quality.covered.tip"), covered, coveredReal);
        g.addRow(2, c.tipped(c.label("gan.quality.is"), "gan.quality.is.tip"),
                c.number("gan-inception-score", "number.value", vm.inceptionScoreProperty()),
                c.number("gan-inception-score-real", "number.value", vm.realInceptionScoreProperty()));
        g.addRow(3, c.tipped(c.label("gan.quality.fd"), "gan.quality.fd.tip"),
                c.number("gan-frechet", "number.value", vm.frechetDistanceProperty()),
                c.number("gan-frechet-real", "number.value", vm.realFrechetDistanceProperty()));
        Label at = new Label();
        at.textProperty().bind(Bindings.createStringBinding(() -> vm.qualityStepProperty().get() < 0
                ? i18n.get("gan.quality.none") : vm.qualityStepProperty().get() == 0 ? i18n.get("gan.quality.opened")
                : i18n.get("gan.quality.at", vm.qualityStepProperty().get()),
                vm.qualityStepProperty(), i18n.localeProperty()));
        at.getStyleClass().add("hint");

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(i18n.text("gan.histogram.count"));
        BarChart<String, Number> bars = new BarChart<>(x, y);
        Export.offerImage(bars);
        bars.setId("gan-histogram");
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setMinHeight(130);
        bars.setPrefHeight(150);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        bars.getData().add(series);
        // The bars are named as the data set names its classes (Fashion-MNIST's garments), so a missing one is read off.
        Runnable showHistogram = () -> {
            int[] counts = vm.histogramProperty().get();
            List<String> names = vm.data().classNamesProperty().get();
            if (counts == null) {
                series.getData().clear();
                return;
            }
            List<String> categories = new java.util.ArrayList<>();
            List<XYChart.Data<String, Number>> data = new java.util.ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                categories.add(names.size() == counts.length ? names.get(i) : Integer.toString(i));
                data.add(new XYChart.Data<>(categories.get(i), counts[i]));
            }
            series.getData().clear();
            x.getCategories().setAll(categories);
            // Names stand upright under the bars: give the plot back the height they take.
            bars.setPrefHeight(categories.stream().anyMatch(c -> c.length() > 2) ? 240 : 150);
            series.getData().setAll(data);
        };
        vm.histogramProperty().addListener((o, a, b) -> showHistogram.run());
        vm.data().classNamesProperty().addListener((o, a, b) -> showHistogram.run());
        Label heading = c.heading("gan.quality");
        heading.setWrapText(true);
        // A user's own pictures have no classifier to score samples with: the figures stay blank, and this says why.
        Label unmeasured = c.paragraph("gan.quality.unmeasured", "hint");
        unmeasured.setId("gan-quality-unmeasured");
        unmeasured.visibleProperty().bind(vm.qualityMeasuredProperty().not());
        unmeasured.managedProperty().bind(unmeasured.visibleProperty());
        bars.visibleProperty().bind(vm.qualityMeasuredProperty());
        bars.managedProperty().bind(bars.visibleProperty());
        return new VBox(6, heading, unmeasured, g, at, bars, c.paragraph("gan.quality.explain", "hint"));
    }

    private Node tagged(String labelKey, String tipKey, boolean now) {
        return c.tagged(labelKey, tipKey, now ? "gan.tag.now" : "gan.tag.next", now);
    }

    private void addSettings() {
        ComboBox<Architecture> arch = c.enumBox("gan-architecture", Architecture.values(), vm.architectureProperty(),
                a -> "gan.architecture." + a.name().toLowerCase());
        arch.disableProperty().bind(vm.active().or(vm.busyProperty()));
        panel.addSetting(tagged("gan.architecture", "gan.architecture.tip", false), arch);

        ComboBox<Noise> noise = c.enumBox("gan-noise", Noise.values(), vm.noiseProperty(), n -> "gan.noise." + n.id());
        noise.disableProperty().bind(vm.active());
        panel.addSetting(tagged("gan.noise", "gan.noise.tip", false), noise);

        ComboBox<GeneratorLoss> loss = c.enumBox("gan-generator-loss", GeneratorLoss.values(),
                vm.generatorLossProperty(), l -> "gan.generatorLoss." + l.id());
        panel.addSetting(tagged("gan.generatorLoss", "gan.generatorLoss.tip", true), loss);

        Spinner<Integer> k = c.intSpinner("gan-k", 1, 20, vm.kProperty(), 1);
        panel.addSetting(tagged("gan.k", "gan.k.tip", true), k);

        panel.addSetting(tagged("gan.lrD", "gan.lr.tip", true),
                c.rateField("gan-lr-d", vm.learningRateDProperty()));
        panel.addSetting(tagged("gan.lrG", "gan.lr.tip", true),
                c.rateField("gan-lr-g", vm.learningRateGProperty()));

        Spinner<Double> dropout = c.doubleSpinner("gan-d-dropout", 0, 0.9, vm.dDropoutProperty(), 0.05);
        dropout.disableProperty().bind(vm.active());
        panel.addSetting(tagged("gan.dDropout", "gan.dDropout.tip", false), dropout);

        Spinner<Double> width = c.doubleSpinner("gan-d-width", 0.125, 4, vm.dWidthProperty(), 0.125);
        width.disableProperty().bind(vm.active());
        panel.addSetting(tagged("gan.dWidth", "gan.dWidth.tip", false), width);
    }

    private void addNumbers() {
        String train = TrainingViewModel.TRAIN;
        String held = TrainingViewModel.HELD_OUT;
        panel.addNumber(c.tipped(c.label("gan.number.dLoss"), "gan.dLoss.tip"),
                c.number("gan-d-loss", "number.value", vm.latest(train, Gan.D_LOSS)));
        panel.addNumber(c.tipped(c.label("gan.number.gLoss"), "gan.gLoss.tip"),
                c.number("gan-g-loss", "number.value", vm.latest(train, Gan.G_LOSS)));
        panel.addNumber(c.tipped(c.label("gan.number.dReal"), "gan.dReal.tip"),
                c.number("gan-d-real", "number.value", vm.latest(train, Gan.D_REAL)));
        panel.addNumber(c.tipped(c.label("gan.number.dFake"), "gan.dFake.tip"),
                c.number("gan-d-fake", "number.value", vm.latest(train, Gan.D_FAKE)));
        panel.addNumber(c.label("gan.number.heldOutDReal"),
                c.number("gan-held-out-d-real", "number.value", vm.latest(held, Gan.D_REAL)));
        panel.addNumber(c.label("gan.number.heldOutDFake"),
                c.number("gan-held-out-d-fake", "number.value", vm.latest(held, Gan.D_FAKE)));
    }



    @Override
    public TrainingPanel panel() {
        return panel;
    }
}

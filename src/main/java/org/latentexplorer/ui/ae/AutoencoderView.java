package org.latentexplorer.ui.ae;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.DrawAndPlacePane;
import org.latentexplorer.ui.widgets.DrawingPad;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LatentPlane;
import org.latentexplorer.ui.widgets.LossChart;
import org.latentexplorer.ui.widgets.ModelSectionView;
import org.latentexplorer.ui.widgets.TrainingPanel;

/**
 * The autoencoder section: training (loss curves, held-out reconstructions), the denoising autoencoder, and
 * clustering in the latent space, with the inspector on the right.
 */
public final class AutoencoderView extends BorderPane implements ModelSectionView {
    private final AutoencoderViewModel vm;
    private final I18n i18n;
    private final Controls c;
    private final TrainingPanel panel;

    public AutoencoderView(AutoencoderViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("autoencoder-view");

        setCenter(c.section("autoencoder", AutoencoderFigures.lossPanel(vm, i18n).folding(AutoencoderFigures.diagram(vm, i18n), false),
                Controls.tabs("ae-tabs", c.tab("ae.tab.training", trainingTab()), c.tab("ae.tab.plane", planeTab()),
                c.tab("ae.tab.denoising", denoisingTab()), c.tab("ae.tab.clustering", clusteringTab()))));

        panel = new TrainingPanel(vm, i18n, TrainingPanel.Options.of(32, "autoencoder"));
        addNoiseSettings();
        String term = AutoencoderViewModel.lossTerm();
        panel.addNumber(c.tipped(c.label("ae.trainLoss"), "ae.loss.tip"),
                c.number("train-loss", "number.nats", vm.latest(TrainingViewModel.TRAIN, term)));
        panel.addNumber(c.tipped(c.label("dae.trainLossNoisy"), "dae.trainLossNoisy.tip"),
                c.number("train-loss-noisy", "number.nats", vm.latest(TrainingViewModel.TRAIN, Autoencoder.RECON_BCE_NOISY)));
        panel.addNumber(c.tipped(c.label("ae.heldOutLoss"), "ae.loss.tip"),
                c.number("held-out-loss", "number.nats", vm.latest(TrainingViewModel.HELD_OUT, term)));
        setRight(Controls.inspector(panel, 320));
        Export.install(this, i18n, "ae", Export.dataOf(vm));
    }

    private Region trainingTab() {
        // A denoising autoencoder's training loss is on noisy inputs; its held-out loss, like a plain one's, on clean ones.
        LossChart chart = new LossChart("loss-chart", vm, i18n, "ae.chart.loss",
                new LossChart.Curve(TrainingViewModel.TRAIN, Autoencoder.RECON_BCE, "chart.train"),
                new LossChart.Curve(TrainingViewModel.HELD_OUT, Autoencoder.RECON_BCE, "chart.heldOut"),
                new LossChart.Curve(TrainingViewModel.TRAIN, Autoencoder.RECON_BCE_NOISY, "dae.chart.trainNoisy"));
        VBox.setVgrow(chart, Priority.ALWAYS);
        ImageTiles originals = tiles("originals", vm.originalsProperty());
        ImageTiles reconstructions = tiles("reconstructions", vm.reconstructionsProperty());
        Tooltip.install(reconstructions, c.tooltip("ae.reconstructions.tip"));
        VBox box = new VBox(8, chart, c.label("ae.originals"), originals, c.label("ae.reconstructions"),
                reconstructions);
        box.setPadding(new Insets(8));
        return box;
    }

    private ImageTiles tiles(String id, javafx.beans.property.ObjectProperty<ImageGrid> images) {
        ImageTiles t = ImageTiles.row(AutoencoderViewModel.PREVIEW_IMAGES);
        t.setId(id);
        t.imagesProperty().bind(images);
        return t;
    }

    private void addNoiseSettings() {
        var noise = c.enumBox("training-noise", AutoencoderViewModel.TrainingNoise.values(),
                vm.trainingNoiseProperty(), n -> "dae.trainingNoise." + n.name().toLowerCase());
        noise.disableProperty().bind(vm.active());
        panel.addSetting(c.tagged("dae.trainingNoise", "dae.trainingNoise.tip", "gan.tag.next", false), noise);
        Spinner<Double> level = c.doubleSpinner("training-noise-level", 0, ImageNoise.MAX_LEVEL,
                vm.trainingNoiseLevelProperty(), 0.05);
        level.disableProperty().bind(vm.active().or(vm.trainingNoiseProperty()
                .isEqualTo(AutoencoderViewModel.TrainingNoise.NONE)));
        panel.addSetting(c.tagged("dae.trainingNoiseLevel", "dae.noiseLevel.tip", "gan.tag.next", false), level);
    }

    private Region denoisingTab() {
        var type = c.enumBox("test-noise", ImageNoise.Type.values(), vm.testNoiseProperty(),
                t -> "dae.noise." + t.id());
        type.setMaxWidth(220);
        Slider level = new Slider(0, 0.8, vm.testNoiseLevelProperty().get());
        level.setId("test-noise-level");
        level.valueProperty().bindBidirectional(vm.testNoiseLevelProperty());
        level.setPrefWidth(200);
        level.setTooltip(c.tooltip("dae.noiseLevel.tip"));
        Label levelValue = new Label();
        levelValue.getStyleClass().add("number");
        levelValue.textProperty().bind(i18n.text("dae.level.value", vm.testNoiseLevelProperty()));
        HBox controls = new HBox(8, c.label("dae.testNoise"), type, c.label("dae.level"), level, levelValue);
        controls.setAlignment(Pos.CENTER_LEFT);

        VBox rows = new VBox(4, c.label("dae.noisy"), tiles("noisy", vm.noisyProperty()), c.label("dae.denoised"),
                tiles("denoised", vm.denoisedProperty()), c.label("dae.clean"), tiles("clean", vm.originalsProperty()));

        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(i18n.text("dae.chart.level"));
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(i18n.text("dae.chart.error"));
        y.setForceZeroInRange(false);
        LineChart<Number, Number> curve = new LineChart<>(x, y);
        curve.setId("noise-curve");
        curve.setAnimated(false);
        java.util.Map<String, XYChart.Series<Number, Number>> columns = new java.util.LinkedHashMap<>();
        for (var series : List.of(List.of(AutoencoderViewModel.CURVE_MODEL, "dae.curve.model"),
                List.of(AutoencoderViewModel.CURVE_PLAIN, "dae.curve.plain"),
                List.of(AutoencoderViewModel.CURVE_DENOISING, "dae.curve.denoising"))) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>(vm.noiseCurve(series.get(0)));
            s.nameProperty().bind(i18n.text(series.get(1)));
            curve.getData().add(s);
            columns.put(series.get(0), s);
        }
        Export.offerChart(curve, "noise_level", columns);
        curve.setMinHeight(220);
        curve.setMinWidth(220);
        HBox.setHgrow(curve, Priority.ALWAYS);

        DrawingPad pad = new DrawingPad(vm.scribbleProperty(), MnistStyle.SIDE, "scribble-pad");
        ImageTiles out = ImageTiles.row(1);
        out.setId("scribble-output");
        out.imagesProperty().bind(vm.scribbleOutputProperty());
        out.setPrefSize(196, 196);
        out.setMinSize(140, 140);
        Button reset = c.button("dae.scribble.reset", vm::resetScribble);
        reset.setId("scribble-reset");
        var tools = pad.tools(c);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        tools.getChildren().add(reset);
        VBox padBox = new VBox(6, c.heading("dae.scribble"), new HBox(10, pad, out), tools,
                c.paragraph("dae.scribble.tip", "hint"));
        padBox.setMinWidth(260);
        HBox lower = new HBox(14, curve, padBox);
        VBox box = new VBox(8, controls, rows, c.paragraph("dae.explain", "hint"), lower);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The held-out codes by label, a cursor to decode, and the learner's drawing placed among them. */
    private Region planeTab() {
        LatentPlane plane = new LatentPlane();
        plane.setId("ae-latent-plane");
        plane.pointsProperty().bind(vm.planePointsProperty());
        plane.classNamesProperty().bind(vm.data().classNamesProperty());
        plane.cursorXProperty().bindBidirectional(vm.cursorXProperty());
        plane.cursorYProperty().bindBidirectional(vm.cursorYProperty());
        // The first codes of a model frame the view once; later snapshots keep the learner's zoom.
        vm.planePointsProperty().addListener((o, a, b) -> {
            if (a == null && b != null) {
                plane.fitToPoints();
            }
        });
        DrawAndPlacePane drawing = new DrawAndPlacePane(vm.drawAndPlace(), plane, i18n, "ae-drawing");
        ImageTiles decoded = ImageTiles.row(1);
        decoded.setId("ae-decoded");
        decoded.imagesProperty().bind(vm.decodedProperty());
        decoded.setPrefSize(140, 140);
        decoded.setMinSize(100, 100);
        Label where = new Label();
        where.setId("ae-cursor-position");
        where.getStyleClass().add("number");
        where.textProperty().bind(i18n.text("vae.cursor", vm.cursorXProperty(), vm.cursorYProperty()));
        Label decodedHeading = c.heading("ae.plane.decoded");
        decodedHeading.setWrapText(true);
        decodedHeading.setMinHeight(Region.USE_PREF_SIZE);
        VBox side = new VBox(8, drawing, decodedHeading, decoded, where, c.paragraph("ae.plane.decoded.tip", "hint"),
                c.paragraph("ae.plane.help", "hint"));
        return Controls.planeWithSide(plane, side);
    }

    private Region clusteringTab() {
        Spinner<Integer> k = c.intSpinner("cluster-k", 2, 30, vm.clustersProperty(), 1);
        k.setPrefWidth(90);
        HBox controls = new HBox(8, c.tipped(c.label("cluster.k"), "cluster.k.tip"), k);
        controls.setAlignment(Pos.CENTER_LEFT);

        LatentPlane byCluster = plane("cluster-plane", vm.clusterPointsProperty());
        byCluster.classNamesProperty().bind(Bindings.createObjectBinding(() -> {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < vm.clustersProperty().get(); i++) {
                names.add(i18n.get("cluster.name", i + 1));
            }
            return names;
        }, vm.clustersProperty(), i18n.localeProperty()));
        LatentPlane byLabel = plane("label-plane", vm.labelPointsProperty());
        byLabel.classNamesProperty().bind(vm.data().classNamesProperty());
        VBox left = new VBox(4, c.heading("cluster.byCluster"), byCluster);
        VBox right = new VBox(4, c.heading("cluster.byLabel"), byLabel);
        for (VBox v : List.of(left, right)) {
            HBox.setHgrow(v, Priority.ALWAYS);
            VBox.setVgrow(v.getChildren().get(1), Priority.ALWAYS);
        }
        HBox planes = new HBox(12, left, right);
        VBox.setVgrow(planes, Priority.ALWAYS);

        GridPane scores = new GridPane();
        scores.setHgap(18);
        scores.setVgap(4);
        scores.addRow(0, new Label(), c.tipped(c.label("cluster.purity"), "cluster.purity.tip"),
                c.tipped(c.label("cluster.nmi"), "cluster.nmi.tip"));
        scores.addRow(1, c.label("cluster.latent"), c.number("latent-purity", "number.value", vm.latentPurityProperty()),
                c.number("latent-nmi", "number.value", vm.latentNmiProperty()));
        scores.addRow(2, c.label("cluster.pixels"), c.number("pixel-purity", "number.value", vm.pixelPurityProperty()),
                c.number("pixel-nmi", "number.value", vm.pixelNmiProperty()));
        VBox box = new VBox(8, controls, planes, scores, c.paragraph("cluster.explain", "hint"));
        box.setPadding(new Insets(8));
        return box;
    }

    private LatentPlane plane(String id, javafx.beans.property.ObjectProperty<LatentPoints> points) {
        LatentPlane p = new LatentPlane();
        p.setId(id);
        p.interactiveProperty().set(false);
        // Display only: no cursor to drag.
        p.cursorXProperty().set(Double.NaN);
        p.pointsProperty().bind(points);
        p.setMinSize(220, 220);
        points.addListener((o, a, b) -> {
            if (b != null) {
                p.fitToPoints();
            }
        });
        return p;
    }

    @Override
    public TrainingPanel panel() {
        return panel;
    }
}

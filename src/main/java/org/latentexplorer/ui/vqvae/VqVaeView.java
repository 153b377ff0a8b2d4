package org.latentexplorer.ui.vqvae;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.engine.vqvae.CodePrior;
import org.latentexplorer.engine.vqvae.VqVae;
import org.latentexplorer.engine.vqvae.VqVaeConfig;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.DrawingPad;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LossChart;
import org.latentexplorer.ui.widgets.ModelSectionView;
import org.latentexplorer.ui.widgets.TrainingPanel;

/**
 * The VQ-VAE section: an image, its map of code indices and its reconstruction; the codebook's use and what each code
 * draws; new images from a prior over code maps; the loss terms and the perplexity as curves.
 */
public final class VqVaeView extends BorderPane implements ModelSectionView {
    private final VqVaeViewModel vm;
    private final I18n i18n;
    private final Controls c;
    private final TrainingPanel panel;

    public VqVaeView(VqVaeViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("vqvae-view");

        setCenter(c.section("vqvae", VqVaeFigures.lossPanel(vm, i18n).folding(VqVaeFigures.diagram(vm, i18n), false),
                Controls.tabs("vqvae-tabs", c.tab("vqvae.tab.codes", codesTab()), c.tab("vqvae.tab.samples", samplesTab()),
                c.tab("vqvae.tab.curves", curvesTab()))));

        panel = new TrainingPanel(vm, i18n, new TrainingPanel.Options(VqVaeConfig.MAX_CODE_DIMENSION,
                "vqvae.codeDimension", "vqvae.codeDimension.tip", true, "vqvae"));
        addSettings();
        setRight(Controls.inspector(panel, 320));
        Export.install(this, i18n, "vqvae", Export.dataOf(vm));
    }

    private ImageTiles big(String id, javafx.beans.property.ObjectProperty<ImageGrid> images) {
        ImageTiles t = ImageTiles.row(1);
        t.setId(id);
        t.imagesProperty().bind(images);
        t.setPrefSize(168, 168);
        t.setMinSize(120, 120);
        return t;
    }

    private Region codesTab() {
        ImageTiles strip = ImageTiles.row(VqVaeViewModel.PREVIEW_IMAGES);
        strip.setId("vqvae-previews");
        strip.imagesProperty().bind(vm.previewsProperty());
        Slider which = new Slider(0, VqVaeViewModel.PREVIEW_IMAGES - 1, 0);
        which.setId("vqvae-image");
        which.setMajorTickUnit(1);
        which.setMinorTickCount(0);
        which.setSnapToTicks(true);
        which.setShowTickMarks(true);
        which.valueProperty().addListener((o, a, b) -> vm.selectedImageProperty().set((int) Math.round(b.doubleValue())));

        CodeMap map = new CodeMap(VqVae.GRID);
        map.setId("vqvae-code-map");
        vm.codeMapProperty().addListener((o, a, b) -> map.setCodes(b));
        map.setCodes(vm.codeMapProperty().get());
        map.setOnPick(k -> vm.selectedCodeProperty().set(k));
        // The input is a drawing pad: the chosen image to draw over, or a blank sheet for a drawing of one's own.
        DrawingPad input = new DrawingPad(vm.inputProperty(), MnistStyle.SIDE, "vqvae-input");
        input.placeholderProperty().bind(i18n.text("draw.placeholder"));
        input.setPrefWidth(168);
        HBox trio = new HBox(12, column("vqvae.input", new VBox(6, input, input.tools(c))),
                column("vqvae.codeMap", map), column("vqvae.reconstruction",
                        big("vqvae-reconstruction", vm.reconstructionProperty())));

        VBox left = new VBox(8, c.label("vqvae.choose"), strip, which, trio, c.paragraph("vqvae.draw.tip", "hint"),
                c.paragraph("vqvae.codeMap.tip", "hint"));
        left.setMinWidth(360);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label usageHeading = c.heading("vqvae.usage");
        usageHeading.setWrapText(true);
        VBox right = new VBox(8, usageHeading, usageChart(), numbers(), c.heading("vqvae.codeImage"),
                new HBox(10, big("vqvae-code-image", vm.codeImageProperty()), selectedCodeLabel()),
                c.paragraph("vqvae.codeImage.tip", "hint"));
        right.setMinWidth(300);
        right.setPrefWidth(360);
        HBox box = new HBox(14, left, right);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node column(String key, Node content) {
        VBox v = new VBox(4, c.label(key), content);
        v.setAlignment(Pos.TOP_CENTER);
        return v;
    }

    private Label selectedCodeLabel() {
        Label l = new Label();
        l.setId("vqvae-selected-code");
        l.getStyleClass().add("number");
        l.textProperty().bind(i18n.text("vqvae.selectedCode", vm.selectedCodeProperty()));
        return l;
    }

    private Node usageChart() {
        CategoryAxis x = new CategoryAxis();
        x.labelProperty().bind(i18n.text("vqvae.usage.code"));
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(i18n.text("vqvae.usage.count"));
        BarChart<String, Number> bars = new BarChart<>(x, y);
        Export.offerImage(bars);
        bars.setId("vqvae-usage");
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setBarGap(0);
        bars.setCategoryGap(1);
        bars.setMinHeight(200);
        bars.setPrefHeight(230);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        bars.getData().add(series);
        vm.usageProperty().addListener((o, a, counts) -> {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            if (counts != null) {
                for (int k = 0; k < counts.length; k++) {
                    data.add(new XYChart.Data<>(Integer.toString(k), counts[k]));
                }
            }
            series.getData().setAll(data);
            // Each bar in its code's colour, and a click on it shows what the code draws.
            for (int k = 0; k < data.size(); k++) {
                Node bar = data.get(k).getNode();
                int code = k;
                if (bar != null) {
                    bar.setStyle("-fx-bar-fill: " + web(CodeMap.colour(code)) + ";");
                    bar.setOnMouseClicked(e -> {
                        if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                            vm.selectedCodeProperty().set(code);
                        }
                    });
                }
            }
        });
        return bars;
    }

    private static String web(javafx.scene.paint.Color color) {
        return String.format("#%02x%02x%02x", (int) (color.getRed() * 255), (int) (color.getGreen() * 255),
                (int) (color.getBlue() * 255));
    }

    private Node numbers() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        Label used = new Label();
        used.setId("vqvae-codes-used");
        used.getStyleClass().add("number");
        used.textProperty().bind(Bindings.createStringBinding(() -> vm.codesUsedProperty().get() < 0 ? "–"
                : vm.codesUsedProperty().get() + " / " + vm.modelCodebookSizeProperty().get(), vm.codesUsedProperty(),
                vm.modelCodebookSizeProperty()));
        g.addRow(0, c.tipped(c.label("vqvae.codesUsed"), "vqvae.codesUsed.tip"), used);
        g.addRow(1, c.tipped(c.label("vqvae.perplexity"), "vqvae.perplexity.tip"),
                c.number("vqvae-perplexity", "number.value", vm.perplexityProperty()));
        return g;
    }

    private Region samplesTab() {
        var prior = c.enumBox("vqvae-prior", CodePrior.Kind.values(), vm.priorKindProperty(),
                k -> "vqvae.prior." + k.id());
        prior.setMaxWidth(280);
        Button again = c.button("vqvae.resample", vm::resample);
        again.setId("vqvae-resample");
        HBox controls = new HBox(8, c.label("vqvae.prior"), prior, again);
        controls.setAlignment(Pos.CENTER_LEFT);
        ImageTiles grid = ImageTiles.grid(4, VqVaeViewModel.SAMPLES);
        grid.setId("vqvae-samples");
        grid.imagesProperty().bind(vm.samplesProperty());
        grid.setPrefSize(320, 320);
        GridPane bits = new GridPane();
        bits.setHgap(12);
        bits.setVgap(4);
        bits.addRow(0, c.label("vqvae.nll.uniform"), c.number("vqvae-nll-uniform", "vqvae.bits", vm.uniformBitsProperty()));
        bits.addRow(1, c.label("vqvae.prior.per_position"),
                c.number("vqvae-nll-per-position", "vqvae.bits", vm.perPositionBitsProperty()));
        bits.addRow(2, c.label("vqvae.prior.autoregressive"),
                c.number("vqvae-nll-autoregressive", "vqvae.bits", vm.autoregressiveBitsProperty()));
        VBox side = new VBox(8, c.tipped(c.heading("vqvae.nll"), "vqvae.nll.tip"), bits,
                c.paragraph("vqvae.prior.explain", "hint"));
        side.setPrefWidth(340);
        HBox body = new HBox(16, grid, side);
        VBox box = new VBox(10, controls, body);
        box.setPadding(new Insets(8));
        return box;
    }

    private Region curvesTab() {
        LossChart terms = new LossChart("vqvae-loss-chart", vm, i18n, "vqvae.chart.terms",
                new LossChart.Curve(TrainingViewModel.TRAIN, VqVae.RECON, "vqvae.curve.recon"),
                new LossChart.Curve(TrainingViewModel.TRAIN, VqVae.CODEBOOK, "vqvae.curve.codebook"),
                new LossChart.Curve(TrainingViewModel.TRAIN, VqVae.COMMITMENT, "vqvae.curve.commitment"));
        LossChart perplexity = new LossChart("vqvae-perplexity-chart", vm, i18n, "vqvae.chart.perplexity",
                new LossChart.Curve(TrainingViewModel.TRAIN, VqVae.PERPLEXITY, "vqvae.curve.perplexity"));
        for (LossChart chart : List.of(terms, perplexity)) {
            VBox.setVgrow(chart, Priority.ALWAYS);
            chart.setMinHeight(170);
        }
        VBox box = new VBox(4, terms, perplexity);
        box.setPadding(new Insets(8));
        return box;
    }

    private void addSettings() {
        Spinner<Integer> k = c.intSpinner("vqvae-codebook-size", 2, VqVaeConfig.MAX_CODEBOOK_SIZE,
                vm.codebookSizeProperty(), 8);
        k.disableProperty().bind(vm.active());
        panel.addSetting(c.tagged("vqvae.codebookSize", "vqvae.codebookSize.tip", "gan.tag.next", false), k);
        Spinner<Double> beta = c.doubleSpinner("vqvae-beta", 0, 10, vm.betaProperty(), 0.05);
        panel.addSetting(c.tagged("vqvae.beta", "vqvae.beta.tip", "gan.tag.now", true), beta);
        CheckBox restart = new CheckBox();
        restart.setId("vqvae-restart");
        restart.textProperty().bind(i18n.text("vqvae.restart"));
        restart.selectedProperty().bindBidirectional(vm.restartProperty());
        panel.addSetting(c.tagged("vqvae.restart.label", "vqvae.restart.tip", "gan.tag.now", true), restart);
        panel.addNumber(c.tipped(c.label("vqvae.number.recon"), "vqvae.number.recon.tip"),
                c.number("vqvae-held-out-recon", "number.value", vm.latest(TrainingViewModel.HELD_OUT, VqVae.RECON)));
        panel.addNumber(c.label("vqvae.number.perplexity"),
                c.number("vqvae-train-perplexity", "number.value", vm.latest(TrainingViewModel.TRAIN, VqVae.PERPLEXITY)));
    }

    @Override
    public TrainingPanel panel() {
        return panel;
    }
}

package org.latentexplorer.ui.intro;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.intro.SkewedDie;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LossChart;
import org.latentexplorer.ui.widgets.Palette;

/**
 * Section 1, generative against discriminative. In the middle the generative model: the learner's skewed die, its
 * rolls, the categorical p(x) fitted to them and a pseudo die rolled from the fit, as three histograms side by side,
 * and how the fit's error falls as N grows. On the right the discriminative counterpart: the MNIST classifier's
 * q(y|x), which tells digits apart but has no p(x) to draw a new one from.
 */
public final class SkewedDieView extends BorderPane {
    /** The three histograms' colours: the app's bar colour applies to every series, so the chart sets its own. */
    private static final String BAR_COLOURS = """
            .default-color0.chart-bar { -fx-bar-fill: %1$s; }
            .default-color1.chart-bar { -fx-bar-fill: %2$s; }
            .default-color2.chart-bar { -fx-bar-fill: %3$s; }
            .default-color0.chart-legend-item-symbol { -fx-background-color: %1$s; }
            .default-color1.chart-legend-item-symbol { -fx-background-color: %2$s; }
            .default-color2.chart-legend-item-symbol { -fx-background-color: %3$s; }
            """.formatted(Palette.web(Palette.BLUE), Palette.web(Palette.ORANGE), Palette.web(Palette.GREEN));

    private final SkewedDieViewModel vm;
    private final I18n i18n;
    private final Controls c;

    public SkewedDieView(SkewedDieViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("generative-view");

        Label title = c.label("section.generative.title");
        title.getStyleClass().add("section-title");
        VBox center = new VBox(10, title, c.paragraph("section.generative.summary", null),
                new HBox(12, truthSliders(), histograms()), transport(), new HBox(12, errorChart(), numbers()),
                c.paragraph("generative.explain", null));
        center.setPadding(new Insets(12, 16, 12, 16));
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);

        ScrollPane right = new ScrollPane(discriminative());
        right.setFitToWidth(true);
        right.setPrefWidth(310);
        // Not an "inspector": it is half of the section's lesson, which classroom mode keeps when it hides settings.
        right.getStyleClass().add("side-panel");
        setRight(right);
        Export.install(this, i18n, "generative");
    }

    /** Six vertical sliders, one per face, that move together so the probabilities always sum to 1. */
    private Node truthSliders() {
        HBox bars = new HBox(6);
        bars.setAlignment(Pos.BOTTOM_CENTER);
        boolean[] syncing = {false};
        for (int k = 0; k < SkewedDie.FACES; k++) {
            int face = k;
            Slider s = new Slider(0, 1, vm.truthProperty(k).get());
            s.setId("generative-truth-" + (k + 1));
            s.setOrientation(Orientation.VERTICAL);
            s.setPrefHeight(190);
            s.setTooltip(c.tooltip("generative.truth.tip"));
            s.valueProperty().addListener((o, a, b) -> {
                if (!syncing[0]) {
                    vm.setProbability(face, b.doubleValue());
                }
            });
            vm.truthProperty(k).addListener((o, a, b) -> {
                syncing[0] = true;
                s.setValue(b.doubleValue());
                syncing[0] = false;
            });
            Label value = new Label();
            value.getStyleClass().add("hint");
            value.textProperty().bind(i18n.text("generative.probability", vm.truthProperty(k)));
            VBox column = new VBox(2, value, s, new Label(String.valueOf(k + 1)));
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setMinWidth(38);
            bars.getChildren().add(column);
        }
        Button fair = c.button("generative.preset.fair", vm::fair);
        fair.setId("generative-fair");
        Button skewed = c.button("generative.preset.skewed", vm::skewed);
        skewed.setId("generative-skewed");
        skewed.setTooltip(c.tooltip("generative.preset.skewed.tip"));
        HBox presets = new HBox(6, fair, skewed);
        VBox box = new VBox(6, c.tipped(c.heading("generative.truth"), "generative.truth.tip"), bars, presets);
        box.setMinWidth(250);
        return box;
    }

    /** True p(x), the observed frequencies and the pseudo die's, face by face in one chart. */
    private Node histograms() {
        CategoryAxis faces = new CategoryAxis();
        faces.labelProperty().bind(i18n.text("generative.chart.face"));
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.labelProperty().bind(i18n.text("generative.chart.histograms"));
        BarChart<String, Number> chart = new BarChart<>(faces, y);
        Export.offerImage(chart);
        chart.setId("generative-histograms");
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(10);
        chart.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(BAR_COLOURS.getBytes(StandardCharsets.UTF_8)));
        chart.getData().add(series("generative.series.truth", vm.truthValuesProperty()));
        chart.getData().add(series("generative.series.observed", vm.observedProperty()));
        chart.getData().add(series("generative.series.pseudo", vm.pseudoProperty()));
        // The axis grows with the tallest bar (a loaded die) but stays at least 0.5, so small bars keep their scale.
        y.setAutoRanging(false);
        Runnable range = () -> {
            double top = 0.5;
            for (XYChart.Series<String, Number> s : chart.getData()) {
                for (XYChart.Data<String, Number> d : s.getData()) {
                    top = Math.max(top, d.getYValue().doubleValue());
                }
            }
            y.setUpperBound(Math.min(1, Math.ceil(top * 10) / 10));
        };
        for (var p : List.of(vm.truthValuesProperty(), vm.observedProperty(), vm.pseudoProperty())) {
            p.addListener((o, a, b) -> range.run());
        }
        range.run();
        chart.setMinHeight(240);
        chart.setPrefHeight(260);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /** One histogram as a bar series whose six bars follow {@code values}. */
    private XYChart.Series<String, Number> series(String nameKey,
            ObservableValue<double[]> values) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.nameProperty().bind(i18n.text(nameKey));
        for (int k = 0; k < SkewedDie.FACES; k++) {
            s.getData().add(new XYChart.Data<>(String.valueOf(k + 1), 0));
        }
        Runnable update = () -> {
            double[] v = values.getValue();
            for (int k = 0; k < SkewedDie.FACES; k++) {
                s.getData().get(k).setYValue(v == null ? 0 : v[k]);
            }
        };
        values.addListener((o, a, b) -> update.run());
        update.run();
        return s;
    }

    private Node transport() {
        Spinner<Integer> n = c.intSpinner("generative-rolls", 1, SkewedDieViewModel.MAX_ROLLS,
                vm.rollsProperty(), 100);
        n.setPrefWidth(110);
        Button roll = c.button("generative.roll", vm::roll);
        roll.setId("generative-roll");
        roll.setTooltip(c.tooltip("generative.roll.tip"));
        roll.getStyleClass().add("accent");
        Button animate = new Button();
        animate.setId("generative-animate");
        animate.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.animatingProperty().get()
                ? "generative.stop" : "generative.animate"), vm.animatingProperty(), i18n.localeProperty()));
        animate.setTooltip(c.tooltip("generative.animate.tip"));
        animate.setOnAction(e -> {
            if (vm.animatingProperty().get()) {
                vm.stop();
            } else {
                vm.animate();
            }
        });
        // The speed slider works in log10(rolls/s), so 1, 10, 100 and 1,000 rolls a second are equally easy to pick.
        Slider speed = new Slider(Math.log10(SkewedDieViewModel.MIN_SPEED), Math.log10(SkewedDieViewModel.MAX_SPEED),
                Math.log10(vm.speedProperty().get()));
        speed.setId("generative-speed");
        speed.setPrefWidth(120);
        speed.setTooltip(c.tooltip("generative.speed.tip"));
        speed.valueProperty().addListener((o, a, b) -> vm.speedProperty().set(Math.pow(10, b.doubleValue())));
        Label speedValue = new Label();
        speedValue.textProperty().bind(i18n.text("generative.speed.value", vm.speedProperty()));
        speedValue.setMinWidth(70);

        FlowPane row = new FlowPane(8, 6, c.tipped(c.label("generative.rolls"), "generative.rolls.tip"), n, roll,
                animate, c.label("generative.speed"), speed, speedValue);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The fit's error against N on log-log axes, where the 1/√N fall of the error is a straight line. */
    private Node errorChart() {
        LossChart chart = new LossChart("generative-error-chart", vm, i18n, "generative.chart.error",
                new LossChart.Curve("", SkewedDieViewModel.MLE, "generative.curve.mle"),
                new LossChart.Curve("", SkewedDieViewModel.PRIOR, "generative.curve.prior"));
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.labelProperty().bind(i18n.text("generative.chart.rolls"));
        NumberAxis y = (NumberAxis) chart.getYAxis();
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setAutoRanging(false);
            axis.setTickUnit(1);
            axis.setMinorTickVisible(false);
            axis.setTickLabelFormatter(powersOfTen());
        }
        x.setLowerBound(0);
        y.setUpperBound(0);
        Runnable range = () -> {
            double maxX = 1;
            double minY = -1;
            for (var curve : List.of(vm.curve("", SkewedDieViewModel.MLE),
                    vm.curve("", SkewedDieViewModel.PRIOR))) {
                for (XYChart.Data<Number, Number> d : curve) {
                    maxX = Math.max(maxX, d.getXValue().doubleValue());
                    minY = Math.min(minY, d.getYValue().doubleValue());
                }
            }
            x.setUpperBound(Math.ceil(maxX));
            y.setLowerBound(Math.floor(minY));
        };
        ListChangeListener<XYChart.Data<Number, Number>> rerange = ch -> range.run();
        vm.curve("", SkewedDieViewModel.MLE).addListener(rerange);
        vm.curve("", SkewedDieViewModel.PRIOR).addListener(rerange);
        range.run();
        chart.setPrefHeight(230);
        chart.setPrefWidth(440);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /** Tick labels of a log10 axis: 1, 10, 100, … and 1, 0.1, 0.01, … */
    private static StringConverter<Number> powersOfTen() {
        return new StringConverter<>() {
            @Override
            public String toString(Number v) {
                double e = Math.rint(v.doubleValue());
                if (Math.abs(v.doubleValue() - e) > 1e-9) {
                    return "";
                }
                return new java.text.DecimalFormat(e >= 0 ? "#,##0" : "0.#########").format(Math.pow(10, e));
            }

            @Override
            public Number fromString(String s) {
                return Math.log10(Double.parseDouble(s.replace(",", "")));
            }
        };
    }

    /** The estimator's switch, beside the estimate it changes. */
    private Node priorControls() {
        CheckBox prior = new CheckBox();
        prior.setId("generative-prior");
        prior.textProperty().bind(i18n.text("generative.prior"));
        prior.setTooltip(c.tooltip("generative.prior.tip"));
        prior.selectedProperty().bindBidirectional(vm.priorProperty());
        Spinner<Double> alpha = c.doubleSpinner("generative-alpha", 0.01, 100, vm.alphaProperty(), 0.5);
        alpha.setPrefWidth(80);
        alpha.disableProperty().bind(vm.priorProperty().not());
        HBox row = new HBox(6, prior, c.tipped(c.label("generative.alpha"), "generative.alpha.tip"), alpha);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node numbers() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        Label shown = new Label();
        shown.setId("generative-shown");
        shown.getStyleClass().add("number");
        shown.textProperty().bind(i18n.text("generative.count", vm.shownProperty()));
        Label last = new Label();
        last.setId("generative-last-roll");
        last.getStyleClass().add("number");
        last.textProperty().bind(Bindings.createStringBinding(() -> vm.lastRollProperty().get() < 0 ? "–"
                : String.valueOf(vm.lastRollProperty().get() + 1), vm.lastRollProperty()));
        g.addRow(0, c.label("generative.number.shown"), shown);
        g.addRow(1, c.label("generative.number.last"), last);
        g.addRow(2, c.tipped(c.label("generative.number.error"), "generative.number.distance.tip"),
                c.number("generative-error", "generative.number.error.value", vm.errorProperty()));

        GridPane fit = new GridPane();
        fit.setId("generative-fit");
        fit.setHgap(8);
        fit.setVgap(2);
        for (int k = 0; k < SkewedDie.FACES; k++) {
            int face = k;
            Label p = new Label();
            p.setId("generative-fit-" + (k + 1));
            p.getStyleClass().add("number");
            p.textProperty().bind(Bindings.createStringBinding(() -> {
                double[] e = vm.estimateProperty().get();
                return e == null ? "–" : i18n.get("generative.probability", e[face]);
            }, vm.estimateProperty(), i18n.localeProperty()));
            fit.addRow(k, new Label(String.valueOf(k + 1)), p);
        }
        VBox box = new VBox(6, c.heading("generative.numbers"), g, priorControls(),
                c.tipped(c.label("generative.number.estimate"), "generative.number.estimate.tip"), fit);
        box.setMinWidth(250);
        return box;
    }

    /** The classifier's side: a held-out digit, its q(y|x) and why that is not a generative model. */
    private Node discriminative() {
        ImageTiles image = ImageTiles.grid(1, 1);
        image.setId("generative-digit-image");
        image.setMinSize(112, 112);
        image.setPrefSize(112, 112);
        image.setMaxSize(112, 112);
        image.imagesProperty().bind(vm.digitImageProperty());
        Slider digit = new Slider(0, SkewedDieViewModel.DIGITS - 1, 0);
        digit.setId("generative-digit");
        digit.setMajorTickUnit(1);
        digit.setMinorTickCount(0);
        digit.setSnapToTicks(true);
        digit.setBlockIncrement(1);
        digit.setTooltip(c.tooltip("generative.digit.tip"));
        digit.valueProperty().addListener((o, a, b) -> vm.digitProperty().set((int) Math.round(b.doubleValue())));
        vm.digitProperty().addListener((o, a, b) -> digit.setValue(b.intValue()));
        Label which = new Label();
        which.setId("generative-prediction");
        which.setWrapText(true);
        which.textProperty().bind(Bindings.createStringBinding(() -> vm.digitLabelProperty().get() < 0 ? ""
                : i18n.get("generative.digit.label", vm.digitLabelProperty().get(), vm.predictedProperty().get()),
                vm.digitLabelProperty(), vm.predictedProperty(), i18n.localeProperty()));
        Label message = new Label();
        message.setId("generative-classifier-message");
        message.setWrapText(true);
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.classifierMessageProperty());

        CategoryAxis classes = new CategoryAxis();
        classes.labelProperty().bind(i18n.text("generative.chart.class"));
        NumberAxis q = new NumberAxis(0, 1, 0.25);
        q.labelProperty().bind(i18n.text("generative.chart.classes"));
        BarChart<String, Number> chart = new BarChart<>(classes, q);
        Export.offerImage(chart);
        chart.setId("generative-classes");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int y = 0; y < Classifier.NUM_CLASSES; y++) {
            series.getData().add(new XYChart.Data<>(String.valueOf(y), 0));
        }
        chart.getData().add(series);
        vm.classProbabilitiesProperty().addListener((o, a, b) -> {
            for (int y = 0; y < Classifier.NUM_CLASSES; y++) {
                series.getData().get(y).setYValue(b == null ? 0 : b[y]);
            }
        });
        chart.setPrefHeight(220);
        chart.setMinHeight(180);

        HBox top = new HBox(10, image, new VBox(6, c.tipped(c.label("generative.digit"), "generative.digit.tip"),
                digit, which));
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        VBox box = new VBox(8, c.heading("generative.discriminative"), message, top, chart,
                c.paragraph("generative.discriminative.text", null));
        box.setPadding(new Insets(12));
        return box;
    }
}

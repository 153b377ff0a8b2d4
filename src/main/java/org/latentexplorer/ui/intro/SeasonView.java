package org.latentexplorer.ui.intro;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.data.MonthlyWeather;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.CanvasRegion;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.Palette;
import org.latentexplorer.ui.widgets.Presentation;

/**
 * Section 2, latent variables: Tokyo's twelve months in the temperature-humidity plane, the curve the 2-1-2
 * autoencoder's Decoder draws as its one latent value z (the season) runs, PCA's straight line beside it, and the
 * point generated from the z the learner drags, on the slider, on the latent axis or along the curve itself.
 */
public final class SeasonView extends BorderPane {
    static final Color CURVE = Palette.RED;
    static final Color PCA = Palette.BLUE;
    static final Font TICK_FONT = Font.font(11);
    static final Font LABEL_FONT = Font.font(12);
    static final Font AXIS_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    private final SeasonViewModel vm;
    private final I18n i18n;
    private final Controls c;

    public SeasonView(SeasonViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("latent-view");

        Label title = c.label("section.latent.title");
        title.getStyleClass().add("section-title");
        WeatherPlane plane = new WeatherPlane(vm, i18n);
        plane.setId("latent-plane");
        VBox.setVgrow(plane, Priority.ALWAYS);
        LatentAxis axis = new LatentAxis();
        axis.setId("latent-axis");
        Runnable redraw = () -> {
            plane.draw();
            axis.draw();
        };
        for (var p : List.of(vm.fitProperty(), vm.generatedProperty(), vm.showPcaProperty(),
                vm.showReconstructionsProperty(), i18n.localeProperty())) {
            p.addListener((o, a, b) -> redraw.run());
        }
        VBox center = new VBox(8, title, c.paragraph("section.latent.summary", null), plane, axis, seasonSlider(),
                legend());
        center.setPadding(new Insets(12, 16, 12, 16));
        setCenter(center);

        ScrollPane inspector = new ScrollPane(inspector());
        inspector.setFitToWidth(true);
        inspector.setPrefWidth(310);
        inspector.getStyleClass().add("inspector");
        setRight(inspector);
        Export.install(this, i18n, "weather");
    }

    private Node seasonSlider() {
        Slider season = new Slider(-1, 1, 0);
        season.setId("latent-season");
        season.setTooltip(c.tooltip("latent.season.tip"));
        vm.fitProperty().addListener((o, a, b) -> {
            if (b != null) {
                season.setMin(b.zMin());
                season.setMax(b.zMax());
            }
        });
        season.valueProperty().bindBidirectional(vm.seasonProperty());
        HBox.setHgrow(season, Priority.ALWAYS);
        Label value = new Label();
        value.setId("latent-generated");
        value.getStyleClass().add("number");
        value.textProperty().bind(Bindings.createStringBinding(() -> {
            double[] p = vm.generatedProperty().get();
            return p == null ? "–" : i18n.get("latent.generated.value", vm.seasonProperty().get(), p[0], p[1]);
        }, vm.generatedProperty(), vm.seasonProperty(), i18n.localeProperty()));
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, c.tipped(c.label("latent.season"), "latent.season.tip"), season, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node legend() {
        Label months = c.label("latent.legend.months");
        Circle month = new Circle(5);
        month.fillProperty().bind(Palette.themed(() -> Palette.grey(0.25)));
        months.setGraphic(month);
        Label curve = c.label("latent.legend.curve");
        curve.setGraphic(swatch(CURVE, false));
        Label pca = c.label("latent.legend.pca");
        pca.setGraphic(swatch(PCA, true));
        Label generated = c.label("latent.legend.generated");
        Circle dot = new Circle(6, CURVE);
        dot.strokeProperty().bind(Palette.themed(Palette::paper));
        dot.setStrokeWidth(2);
        generated.setGraphic(dot);
        FlowPane row = new FlowPane(16, 4, months, curve, pca, generated);
        row.getChildren().forEach(n -> ((Label) n).getStyleClass().add("hint"));
        return row;
    }

    private static Node swatch(Color colour, boolean dashed) {
        Line l = new Line(0, 0, 18, 0);
        l.setStroke(colour);
        l.setStrokeWidth(2.5);
        if (dashed) {
            l.getStrokeDashArray().addAll(5.0, 3.0);
        }
        return l;
    }

    private Node inspector() {
        GridPane numbers = new GridPane();
        numbers.setHgap(10);
        numbers.setVgap(4);
        numbers.addRow(0, c.tipped(c.label("latent.error.ae"), "latent.error.tip"),
                c.number("latent-ae-error", "latent.error.value", errorOf(true)));
        numbers.addRow(1, c.tipped(c.label("latent.error.pca"), "latent.error.tip"),
                c.number("latent-pca-error", "latent.error.value", errorOf(false)));
        numbers.addRow(2, c.label("latent.trainTime"), c.number("latent-train-time", "latent.trainTime.value",
                Bindings.createDoubleBinding(() -> vm.fitProperty().get() == null ? Double.NaN
                        : vm.fitProperty().get().trainMillis(), vm.fitProperty())));

        Spinner<Integer> seed = c.intSpinner("latent-seed", 0, Integer.MAX_VALUE, (int) vm.seedProperty().get(),
                1);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        seed.setPrefWidth(110);
        Button retrain = c.button("latent.retrain", vm::retrain);
        retrain.setId("latent-retrain");
        retrain.setTooltip(c.tooltip("latent.retrain.tip"));
        retrain.disableProperty().bind(vm.trainingProperty());
        HBox training = new HBox(8, c.tipped(c.label("latent.seed"), "latent.seed.tip"), seed, retrain);
        training.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("latent-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        CheckBox pca = new CheckBox();
        pca.setId("latent-show-pca");
        pca.textProperty().bind(i18n.text("latent.show.pca"));
        pca.selectedProperty().bindBidirectional(vm.showPcaProperty());
        CheckBox reconstructions = new CheckBox();
        reconstructions.setId("latent-show-reconstructions");
        reconstructions.textProperty().bind(i18n.text("latent.show.reconstructions"));
        reconstructions.setTooltip(c.tooltip("latent.show.reconstructions.tip"));
        reconstructions.selectedProperty().bindBidirectional(vm.showReconstructionsProperty());

        VBox box = new VBox(8, c.heading("latent.numbers"), numbers, c.paragraph("latent.architecture", "hint"),
                training, message, new Separator(), pca, reconstructions, new Separator(),
                c.heading("latent.explain.title"), c.paragraph("latent.explain", null),
                c.paragraph("latent.source", "source"));
        box.setPadding(new Insets(12));
        return box;
    }

    private DoubleBinding errorOf(boolean autoencoder) {
        return Bindings.createDoubleBinding(() -> {
            SeasonViewModel.Fit f = vm.fitProperty().get();
            return f == null ? Double.NaN : autoencoder ? f.error() : f.pcaError();
        }, vm.fitProperty());
    }

    static String month(I18n i18n, int m) {
        return i18n.get("latent.month." + (m + 1));
    }

    /** Blue for the coldest month to red for the warmest. */
    static Color warmth(double temperature, double coldest, double warmest) {
        double t = warmest > coldest ? (temperature - coldest) / (warmest - coldest) : 0.5;
        return Color.hsb(220 * (1 - t) + 5 * t, 0.75, 0.75);
    }

    /** The latent axis z: each month's code marked, the current z as a handle; a press or drag moves it. */
    private final class LatentAxis extends CanvasRegion {
        private static final double SIDE = 48;
        private final javafx.beans.InvalidationListener rescaled = Presentation.redrawOnChange(this::rescale);

        private static double side() {
            return SIDE * Presentation.scale();
        }

        /** Taller in classroom mode, for the larger month labels above and below the axis. */
        private void rescale() {
            setMinHeight(62 * Presentation.scale());
            setPrefHeight(62 * Presentation.scale());
            draw();
        }

        LatentAxis() {
            super(false);
            setMinHeight(62 * Presentation.scale());
            setPrefHeight(62 * Presentation.scale());
            canvas.setOnMousePressed(this::pick);
            canvas.setOnMouseDragged(this::pick);
        }

        private void pick(MouseEvent e) {
            // The secondary button opens the export menu; it must not move the season first.
            if (!e.isPrimaryButtonDown()) {
                return;
            }
            SeasonViewModel.Fit f = vm.fitProperty().get();
            if (f != null && getWidth() > 2 * side()) {
                double share = Math.max(0, Math.min(1, (e.getX() - side()) / (getWidth() - 2 * side())));
                vm.seasonProperty().set(f.zMin() + share * (f.zMax() - f.zMin()));
            }
        }

        private double toX(SeasonViewModel.Fit f, double z) {
            return side() + (z - f.zMin()) / (f.zMax() - f.zMin()) * (getWidth() - 2 * side());
        }

        @Override
        protected void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, getWidth(), getHeight());
            SeasonViewModel.Fit f = vm.fitProperty().get();
            if (f == null || getWidth() <= 2 * side()) {
                return;
            }
            double y = getHeight() / 2;
            g.setStroke(Palette.grey(0.45));
            g.setLineWidth(1.5 * Presentation.scale());
            g.strokeLine(side(), y, getWidth() - side(), y);
            g.setFont(Presentation.font(AXIS_FONT));
            g.setFill(Palette.grey(0.35));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("z", side() - 10 * Presentation.scale(), y);
            double[] m = f.months();
            double coldest = Double.POSITIVE_INFINITY;
            double warmest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m.length; i += 2) {
                coldest = Math.min(coldest, m[i]);
                warmest = Math.max(warmest, m[i]);
            }
            g.setFont(Presentation.font(TICK_FONT));
            g.setTextAlign(TextAlignment.CENTER);
            for (int k = 0; k < MonthlyWeather.MONTHS; k++) {
                double x = toX(f, f.codes()[k]);
                g.setStroke(warmth(m[2 * k], coldest, warmest));
                g.setLineWidth(2 * Presentation.scale());
                // The year goes up the axis in spring and comes back down in autumn: spring's labels above, autumn's
                // below, so months with the same season do not overlap.
                boolean autumn = k >= 7 || k == 0;
                double tick = 7 * Presentation.scale();
                g.strokeLine(x, y - (autumn ? 0 : tick), x, y + (autumn ? tick : 0));
                g.setFill(Palette.grey(0.2));
                g.setTextBaseline(autumn ? VPos.TOP : VPos.BOTTOM);
                g.fillText(month(i18n, k), x, autumn ? y + 9 * Presentation.scale() : y - 9 * Presentation.scale());
            }
            double z = vm.seasonProperty().get();
            double x = toX(f, Math.max(f.zMin(), Math.min(f.zMax(), z)));
            g.setFill(CURVE);
            double w = 7 * Presentation.scale();
            double h = 9 * Presentation.scale();
            g.fillPolygon(new double[] {x - w, x + w, x}, new double[] {y - h, y - h, y + 1}, 3);
            g.fillPolygon(new double[] {x - w, x + w, x}, new double[] {y + h, y + h, y - 1}, 3);
        }
    }
}

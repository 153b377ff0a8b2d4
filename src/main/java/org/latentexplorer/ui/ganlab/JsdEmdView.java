package org.latentexplorer.ui.ganlab;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.engine.ganlab.DivergenceDemo;
import org.latentexplorer.engine.ganlab.DivergenceDemo.Shape;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.Palette;
import org.latentexplorer.ui.widgets.Presentation;
import org.latentexplorer.ui.widgets.Viewport;

/**
 * JSD against the Earth Mover's distance: the learner slides P_g away from P_r and watches the JSD stop at log 2
 * while the EMD keeps growing, in a picture of the two distributions, a chart of both over θ, and live numbers.
 */
final class JsdEmdView extends BorderPane {
    private static final double LN2 = Math.log(2);
    // The chart's colours are set here rather than in CSS so its own legend below matches them.
    private static final String JSD_COLOUR = Palette.web(Palette.BLUE);
    private static final String EMD_COLOUR = Palette.web(Palette.RED);
    private static final String REFERENCE_COLOUR = "#7f7f7f";
    private static final String MARKER_COLOUR = "#444444";
    // The picture's colours differ from the chart's, which stand for the two distances, not the two distributions.
    private static final Color REAL = Palette.GREEN;
    private static final Color GENERATED = Palette.ORANGE;
    private static final Color OVERLAP = Color.web("#6f4e9c");

    private final JsdEmdViewModel vm;
    private final I18n i18n;
    private final Controls c;

    JsdEmdView(JsdEmdViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("jsdEmdView");

        Label title = c.heading("jsdEmd.title");
        title.setWrapText(true);
        VBox header = new VBox(6, title, GanLabFigures.divergencePanel(vm, i18n));

        Picture picture = new Picture();
        picture.setId("jsdEmdPicture");
        picture.setMinSize(320, 200);
        picture.setPrefSize(480, 300);
        VBox.setVgrow(picture, Priority.ALWAYS);
        VBox left = new VBox(10, picture, pictureLegend(), thetaRow(), settings(), numbers());
        left.setMinWidth(360);
        left.setPrefWidth(500);

        VBox right = new VBox(8, chart(), chartLegend(), c.paragraph("jsdEmd.explain", null));
        right.setMinWidth(360);
        // A modest preferred width lets the left column keep its own; the chart takes whatever is left over.
        right.setPrefWidth(400);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox body = new HBox(16, left, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox content = new VBox(10, header, body);
        content.setPadding(new Insets(12, 16, 12, 16));
        setCenter(content);
    }

    /** What the picture's colours mean, as labels, so they take the current language and its font. */
    private Node pictureLegend() {
        Label overlap = c.label("jsdEmd.picture.overlap");
        overlap.setTextFill(OVERLAP);
        // The segments never partly overlap.
        overlap.visibleProperty().bind(vm.shapeProperty().isEqualTo(Shape.BUMPS));
        overlap.managedProperty().bind(overlap.visibleProperty());
        FlowPane legend = new FlowPane(18, 4, swatched(REAL, "jsdEmd.picture.real"),
                swatched(GENERATED, "jsdEmd.picture.generated"), overlap);
        legend.setAlignment(Pos.CENTER_LEFT);
        return legend;
    }

    private Node swatched(Color colour, String key) {
        Rectangle swatch = new Rectangle(14, 14, colour.deriveColor(0, 1, 1, 0.6));
        swatch.setStroke(colour);
        HBox item = new HBox(6, swatch, c.label(key));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private Node thetaRow() {
        Slider slider = new Slider(JsdEmdViewModel.MIN_THETA, JsdEmdViewModel.MAX_THETA, vm.thetaProperty().get());
        slider.setId("jsdEmdTheta");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(3);
        slider.setBlockIncrement(0.05);
        slider.valueProperty().bindBidirectional(vm.thetaProperty());
        slider.setTooltip(c.tooltip("jsdEmd.theta.tip"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label value = c.number("jsdEmdThetaValue", "jsdEmd.number.theta", vm.thetaProperty());
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, c.tipped(c.label("jsdEmd.theta"), "jsdEmd.theta.tip"), slider, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node settings() {
        ComboBox<Shape> shape = c.enumBox("jsdEmdShape", Shape.values(), vm.shapeProperty(),
                s -> "jsdEmd.shape." + s.name().toLowerCase());
        Spinner<Double> width = c.doubleSpinner("jsdEmdWidth", JsdEmdViewModel.MIN_WIDTH, JsdEmdViewModel.MAX_WIDTH,
                vm.widthProperty(), 0.05);
        // The segments have no width to change.
        width.disableProperty().bind(vm.shapeProperty().isEqualTo(Shape.SEGMENTS));
        GridPane g = grid();
        g.addRow(0, c.tipped(c.label("jsdEmd.shape"), "jsdEmd.shape.tip"), shape);
        g.addRow(1, c.tipped(c.label("jsdEmd.width"), "jsdEmd.width.tip"), width);
        return g;
    }

    private Node numbers() {
        GridPane g = grid();
        g.addRow(0, c.tipped(c.label("jsdEmd.jsd"), "jsdEmd.jsd.tip"),
                c.number("jsdEmdJsd", "jsdEmd.number.nats", vm.jsdProperty()));
        g.addRow(1, c.tipped(c.label("jsdEmd.ln2"), "jsdEmd.ln2.tip"),
                c.number("jsdEmdLn2", "jsdEmd.number.nats", new SimpleDoubleProperty(LN2)));
        g.addRow(2, c.tipped(c.label("jsdEmd.emd"), "jsdEmd.emd.tip"),
                c.number("jsdEmdEmd", "jsdEmd.number.distance", vm.emdProperty()));
        g.addRow(3, c.tipped(c.label("jsdEmd.jsdSlope"), "jsdEmd.jsdSlope.tip"),
                c.number("jsdEmdJsdSlope", "jsdEmd.number.natsPerTheta", vm.jsdSlopeProperty()));
        g.addRow(4, c.tipped(c.label("jsdEmd.emdSlope"), "jsdEmd.emdSlope.tip"),
                c.number("jsdEmdEmdSlope", "jsdEmd.number.perTheta", vm.emdSlopeProperty()));
        return new VBox(6, c.heading("jsdEmd.numbers"), g);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().addAll(names, values);
        return g;
    }

    private Node chart() {
        NumberAxis x = new NumberAxis(JsdEmdViewModel.MIN_THETA, JsdEmdViewModel.MAX_THETA, 1);
        x.setAutoRanging(false);
        x.labelProperty().bind(i18n.text("jsdEmd.chart.theta"));
        // From 0 to the EMD's largest value, so both curves and log 2 fit at once.
        NumberAxis y = new NumberAxis(0, JsdEmdViewModel.MAX_THETA, 0.5);
        y.setAutoRanging(false);
        y.labelProperty().bind(i18n.text("jsdEmd.chart.value"));
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("jsdEmdChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        // The marker is the vertical line that matters; the one at θ = 0 would look like a second marker.
        chart.setVerticalZeroLineVisible(false);
        chart.setMinHeight(260);
        VBox.setVgrow(chart, Priority.ALWAYS);

        XYChart.Series<Number, Number> reference = new XYChart.Series<>();
        reference.getData().add(new XYChart.Data<>(JsdEmdViewModel.MIN_THETA, LN2));
        reference.getData().add(new XYChart.Data<>(JsdEmdViewModel.MAX_THETA, LN2));
        XYChart.Series<Number, Number> jsd = new XYChart.Series<>(vm.jsdCurve());
        XYChart.Series<Number, Number> emd = new XYChart.Series<>(vm.emdCurve());
        XYChart.Series<Number, Number> marker = new XYChart.Series<>(vm.marker());
        java.util.Map<String, XYChart.Series<Number, Number>> columns = new java.util.LinkedHashMap<>();
        columns.put("jsd", jsd);
        columns.put("emd", emd);
        Export.offerChart(chart, "theta", columns);
        // Dots where the current θ meets each curve; a one-point series draws only its dot. Replaced, not moved:
        // LineChart does not relayout a symbol whose data only changes value.
        XYChart.Series<Number, Number> dots = new XYChart.Series<>();
        Runnable placeDots = () -> dots.getData().setAll(List.of(
                dot(vm.thetaProperty().get(), vm.jsdProperty().get(), JSD_COLOUR),
                dot(vm.thetaProperty().get(), vm.emdProperty().get(), EMD_COLOUR)));
        placeDots.run();
        vm.marker().addListener((Observable o) -> placeDots.run());

        chart.getData().addAll(reference, marker, jsd, emd, dots);
        reference.getNode().setStyle(line(REFERENCE_COLOUR, 2) + "-fx-stroke-dash-array: 8 6;");
        marker.getNode().setStyle(line(MARKER_COLOUR, 1.5));
        jsd.getNode().setStyle(line(JSD_COLOUR, 3));
        emd.getNode().setStyle(line(EMD_COLOUR, 3));
        // The two dots are not to be joined by a line.
        dots.getNode().setStyle("-fx-stroke: transparent;");
        return chart;
    }

    /** A line {@code width} pixels wide at the normal 13 px font, in em so it thickens with classroom mode's larger font. */
    private static String line(String colour, double width) {
        return "-fx-stroke: " + colour + "; -fx-stroke-width: " + String.format(java.util.Locale.ROOT, "%.4f", width / 13)
                + "em;";
    }

    private static XYChart.Data<Number, Number> dot(double x, double y, String colour) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        Circle circle = new Circle(6, Color.web(colour));
        circle.strokeProperty().bind(Palette.themed(Palette::paper));
        circle.setStrokeWidth(2);
        d.setNode(circle);
        return d;
    }

    private Node chartLegend() {
        FlowPane legend = new FlowPane(18, 4, legendItem(JSD_COLOUR, 3, false, "jsdEmd.legend.jsd"),
                legendItem(EMD_COLOUR, 3, false, "jsdEmd.legend.emd"),
                legendItem(REFERENCE_COLOUR, 2, true, "jsdEmd.legend.ln2"),
                legendItem(MARKER_COLOUR, 1.5, false, "jsdEmd.legend.marker"));
        legend.setAlignment(Pos.CENTER);
        return legend;
    }

    private Node legendItem(String colour, double width, boolean dashed, String key) {
        Line swatch = new Line(0, 0, 28, 0);
        swatch.setStroke(Color.web(colour));
        swatch.setStrokeWidth(width);
        if (dashed) {
            swatch.getStrokeDashArray().addAll(8.0, 6.0);
        }
        HBox item = new HBox(6, swatch, c.label(key));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /** P_r and P_g drawn as they slide apart: bumps as filled curves with their overlap, segments as two bars. */
    private final class Picture extends Region {
        /** x runs over ±this, a little wider than the slider so a shifted bump's flank still shows. */
        private static final double X_HALF = 5;
        private static final double MARGIN = 28;
        private static final Font TICK_FONT = Font.font(12);
        private static final Font LABEL_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 15);

        private final Canvas canvas = new Canvas();
        private boolean dirty = true;
        /** x across the axis, y up from the baseline to 1 at the top of the drawing, fixed for one drawing. */
        private Viewport view;
        /** Redraws larger in classroom mode and in the theme's colours; held so app settings keep no closed view. */
        private final javafx.beans.InvalidationListener rescaled = Presentation.redrawOnChange(this::invalidate);

        Picture() {
            getChildren().add(canvas);
            for (Observable o : new Observable[] {vm.thetaProperty(), vm.shapeProperty(), vm.widthProperty(),
                    i18n.localeProperty(), widthProperty(), heightProperty()}) {
                o.addListener(x -> invalidate());
            }
        }

        /** Marks the picture stale; the next layout pass redraws it once, however many changes came first. */
        private void invalidate() {
            if (!dirty) {
                dirty = true;
                setNeedsLayout(true);
            }
        }

        @Override
        protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            if (dirty) {
                dirty = false;
                draw();
            }
        }

        /** The margins hold the tick labels and the θ arrow, so they grow with them in classroom mode. */
        private static double margin() {
            return MARGIN * Presentation.scale();
        }

        private static Color axis() {
            return Palette.grey(0.55);
        }

        private static Color text() {
            return Palette.grey(0.2);
        }

        private double toX(double x) {
            return view.toScreenX(x);
        }

        private void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = getWidth();
            double h = getHeight();
            g.setFill(Palette.paper());
            g.fillRect(0, 0, w, h);
            if (w < 4 * margin() || h < 4 * margin()) {
                return;
            }
            double baseline = h - 2 * margin();
            double top = margin() + 18 * Presentation.scale();
            view = Viewport.stretched(margin(), top, w - 2 * margin(), baseline - top, -X_HALF, X_HALF, 0, 1);
            g.setStroke(axis());
            g.setLineWidth(1 * Presentation.scale());
            g.strokeLine(toX(-X_HALF), baseline, toX(X_HALF), baseline);
            g.setFont(Presentation.font(TICK_FONT));
            g.setFill(text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (int t = (int) -X_HALF; t <= X_HALF; t++) {
                g.strokeLine(toX(t), baseline, toX(t), baseline + 5 * Presentation.scale());
                g.fillText(Integer.toString(t), toX(t), baseline + 7 * Presentation.scale());
            }
            if (vm.shapeProperty().get() == Shape.BUMPS) {
                drawBumps(g, top);
            } else {
                drawSegments(g, baseline, top);
            }
            drawShift(g, baseline);
        }

        private void drawBumps(GraphicsContext g, double top) {
            int n = (int) Math.max(2, getWidth() - 2 * margin());
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = -X_HALF + 2 * X_HALF * i / (n - 1);
            }
            double width = vm.widthProperty().get();
            double theta = vm.thetaProperty().get();
            double[] real = DivergenceDemo.density(Shape.BUMPS, 0, width, xs);
            double[] generated = DivergenceDemo.density(Shape.BUMPS, theta, width, xs);
            double[] overlap = new double[n];
            for (int i = 0; i < n; i++) {
                overlap[i] = Math.min(real[i], generated[i]);
            }
            // Scaled to the peak, so narrow and wide bumps both fill the height.
            double scale = Math.sqrt(2 * Math.PI) * width;
            fillCurve(g, xs, real, scale, REAL.deriveColor(0, 1, 1, 0.35), REAL);
            fillCurve(g, xs, generated, scale, GENERATED.deriveColor(0, 1, 1, 0.35), GENERATED);
            fillCurve(g, xs, overlap, scale, OVERLAP.deriveColor(0, 1, 1, 0.55), null);
            labels(g, theta, top - 4);
        }

        private void fillCurve(GraphicsContext g, double[] xs, double[] ys, double scale, Color fill, Color stroke) {
            int n = xs.length;
            double[] px = new double[n + 2];
            double[] py = new double[n + 2];
            for (int i = 0; i < n; i++) {
                px[i] = toX(xs[i]);
                py[i] = view.toScreenY(ys[i] * scale);
            }
            double baseline = view.toScreenY(0);
            px[n] = toX(xs[n - 1]);
            py[n] = baseline;
            px[n + 1] = toX(xs[0]);
            py[n + 1] = baseline;
            g.setFill(fill);
            g.fillPolygon(px, py, n + 2);
            if (stroke != null) {
                g.setStroke(stroke);
                g.setLineWidth(2.5 * Presentation.scale());
                g.strokePolyline(px, py, n);
            }
        }

        private void drawSegments(GraphicsContext g, double baseline, double top) {
            double theta = vm.thetaProperty().get();
            // A y axis up to the segments' height 1; P_g drawn second and narrower, so a coincident pair shows both.
            g.setStroke(axis());
            g.setLineWidth(1 * Presentation.scale());
            g.setFill(text());
            g.setFont(Presentation.font(TICK_FONT));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.strokeLine(toX(-X_HALF), top, toX(-X_HALF), baseline);
            g.strokeLine(toX(-X_HALF), top, toX(-X_HALF) + 5, top);
            g.fillText("y = 1", toX(-X_HALF) + 8, top);
            g.setLineWidth(10 * Presentation.scale());
            g.setStroke(REAL);
            g.strokeLine(toX(0), baseline, toX(0), top);
            g.setLineWidth(6 * Presentation.scale());
            g.setStroke(GENERATED);
            g.strokeLine(toX(theta), baseline, toX(theta), top);
            labels(g, theta, top - 6);
        }

        /** P_r and P_g over their centres, each leaning away from the other so the two never overprint. */
        private void labels(GraphicsContext g, double theta, double y) {
            boolean right = theta >= 0;
            g.setFont(Presentation.font(LABEL_FONT));
            g.setTextBaseline(VPos.BOTTOM);
            g.setFill(Palette.legible(REAL));
            g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText("P_r", toX(0) + (right ? -3 : 3), y);
            g.setFill(Palette.legible(GENERATED));
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText("P_g", toX(theta) + (right ? 3 : -3), y);
        }

        /** An arrow from P_r to P_g under the axis labels, marked with θ. */
        private void drawShift(GraphicsContext g, double baseline) {
            double theta = vm.thetaProperty().get();
            double y = baseline + 2 * margin() - 12 * Presentation.scale();
            double from = toX(0);
            double to = toX(theta);
            g.setStroke(text());
            g.setLineWidth(1.5 * Presentation.scale());
            g.strokeLine(from, y, to, y);
            if (Math.abs(to - from) > 8) {
                double d = Math.signum(to - from) * 7;
                g.strokeLine(to, y, to - d, y - 4);
                g.strokeLine(to, y, to - d, y + 4);
            }
            g.setFont(Presentation.font(TICK_FONT));
            g.setFill(text());
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(theta >= 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText(i18n.get("jsdEmd.number.theta", theta), to + (theta >= 0 ? 8 : -8), y);
        }
    }
}

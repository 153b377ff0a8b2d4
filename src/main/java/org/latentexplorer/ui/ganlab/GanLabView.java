package org.latentexplorer.ui.ganlab;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.LabStage;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.LossChart;

/**
 * The GAN problems section: a 2-D GAN lab where vanishing gradients and mode collapse can be seen and the chapter's
 * remedies switched on, with live numbers; and the JSD vs Earth Mover's distance comparison.
 */
public final class GanLabView extends BorderPane {
    private final GanLabViewModel vm;
    private final I18n i18n;
    private final Controls c;

    public GanLabView(GanLabViewModel vm, JsdEmdViewModel divergences, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("gan-lab-view");

        Tab lab = c.tab("lab.tab", labBody());
        TabPane tabs = Controls.tabs("gan-lab-tabs", lab, c.tab("lab.tab.divergences", new JsdEmdView(divergences, i18n)));
        setCenter(c.section("ganProblems", tabs));

        ScrollPane inspector = Controls.inspector(inspector(), 310);
        // The inspector belongs to the lab tab; the divergence tab has its own controls.
        // Not a visibility binding: classroom mode hides inspectors through CSS, which cannot set a bound property.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> setRight(b == lab ? inspector : null));
        setRight(inspector);
        Export.install(this, i18n, "lab");
    }

    private Region labBody() {
        LabPlane plane = new LabPlane();
        plane.setId("lab-plane");
        vm.snapshotProperty().addListener((o, a, b) -> plane.setSnapshot(b));
        plane.setSnapshot(vm.snapshotProperty().get());
        Runnable layers = () -> plane.setLayers(vm.showMapProperty().get(), vm.showArrowsProperty().get(),
                vm.showRealProperty().get(), vm.showGeneratedProperty().get());
        for (var p : java.util.List.of(vm.showMapProperty(), vm.showArrowsProperty(), vm.showRealProperty(),
                vm.showGeneratedProperty())) {
            p.addListener((o, a, b) -> layers.run());
        }
        layers.run();
        Runnable drawing = () -> plane.setDrawing(vm.distributionProperty().get() == Distribution2D.Kind.DRAWN,
                vm.drawing().stream().mapToDouble(Double::doubleValue).toArray(), vm::setDrawing);
        vm.distributionProperty().addListener((o, a, b) -> drawing.run());
        vm.drawing().addListener((javafx.collections.ListChangeListener<Double>) ch -> drawing.run());
        drawing.run();

        VBox left = new VBox(6, plane, legend(), transport(), layerSwitches());
        left.setMinWidth(300);
        left.setPrefWidth(300);
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = new VBox(8, numbers(), charts(), GanLabFigures.diagram(vm, i18n),
                GanLabFigures.lossPanel(vm, i18n), explanations());
        right.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rightScroll.setMinWidth(290);
        rightScroll.setPrefWidth(370); // the four chart tabs side by side
        rightScroll.getStyleClass().add("lab-side"); // widens with the text in classroom mode (app.css)
        return sideBySideOrStacked(left, right, rightScroll);
    }

    /**
     * The plane beside the numbers and charts, or above them, all in one scrolled column, where the section is too
     * narrow for both (a 1000-px window with the navigation and the inspector open): side by side, the numbers would
     * be cut off at the section's edge.
     */
    private Region sideBySideOrStacked(Region left, Region right, ScrollPane rightScroll) {
        HBox wide = new HBox(14);
        wide.setPadding(new Insets(8, 0, 0, 0));
        VBox column = new VBox(14);
        column.setPadding(new Insets(8, 8, 0, 0));
        ScrollPane stacked = new ScrollPane(column);
        stacked.setFitToWidth(true);
        stacked.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        StackPane body = new StackPane();
        body.setId("lab-body");
        body.setMinWidth(0);
        Runnable arrange = () -> {
            boolean narrow = body.getWidth() < left.getMinWidth() + wide.getSpacing() + rightScroll.getMinWidth();
            if (narrow == body.getChildren().contains(stacked) && !body.getChildren().isEmpty()) {
                return;
            }
            // A node has one parent: take both out of where they are before placing them.
            rightScroll.setContent(null);
            wide.getChildren().clear();
            column.getChildren().clear();
            if (narrow) {
                column.getChildren().addAll(left, right);
                body.getChildren().setAll(stacked);
            } else {
                rightScroll.setContent(right);
                wide.getChildren().addAll(left, rightScroll);
                body.getChildren().setAll(wide);
            }
        };
        body.widthProperty().addListener((o, a, b) -> arrange.run());
        arrange.run();
        return body;
    }

    private Node legend() {
        Label real = c.label("lab.legend.real");
        real.setGraphic(new Circle(5, LabPlane.REAL));
        Label generated = c.label("lab.legend.generated");
        generated.setGraphic(new Circle(5, LabPlane.GENERATED));
        Label map = new Label();
        map.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.wganProperty().get()
                ? "lab.legend.critic" : "lab.legend.map"), vm.wganProperty(), i18n.localeProperty()));
        map.getStyleClass().add("hint");
        map.setWrapText(true);
        HBox dots = new HBox(14, real, generated);
        dots.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, dots, map);
    }

    private Node transport() {
        Button play = new Button();
        play.setId("lab-play");
        play.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(vm.playingProperty().get()
                ? "lab.pause" : "lab.play"), vm.playingProperty(), i18n.localeProperty()));
        play.setOnAction(e -> {
            if (vm.playingProperty().get()) {
                vm.pause();
            } else {
                vm.play();
            }
        });
        play.getStyleClass().add("accent");
        play.setDefaultButton(false);
        Button step = c.button("lab.step", vm::step);
        step.setId("lab-step");
        step.setTooltip(c.tooltip("lab.step.tip"));
        Button dStep = c.button("lab.dStep", vm::discriminatorStep);
        dStep.setId("lab-d-step");
        Button gStep = c.button("lab.gStep", vm::generatorStep);
        gStep.setId("lab-g-step");
        Button reset = c.button("lab.reset", vm::reset);
        reset.setId("lab-reset");
        reset.setTooltip(c.tooltip("lab.reset.tip"));

        Slider speed = new Slider(1, 600, vm.speedProperty().get());
        speed.setId("lab-speed");
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setPrefWidth(140);
        speed.setTooltip(c.tooltip("lab.speed.tip"));
        Label speedValue = new Label();
        speedValue.textProperty().bind(i18n.text("lab.speed.value", vm.speedProperty()));
        FlowPane row = new FlowPane(6, 6, play, step, dStep, gStep, reset);
        for (Node n : row.getChildren()) {
            ((Button) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox row2 = new HBox(6, c.label("lab.speed"), speed, speedValue);
        row.setAlignment(Pos.CENTER_LEFT);
        row2.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, row2);
    }

    private Node layerSwitches() {
        FlowPane box = new FlowPane(12, 4, check("lab-show-map", "lab.show.map", vm.showMapProperty()),
                check("lab-show-arrows", "lab.show.arrows", vm.showArrowsProperty()),
                check("lab-show-real", "lab.show.real", vm.showRealProperty()),
                check("lab-show-generated", "lab.show.generated", vm.showGeneratedProperty()));
        return box;
    }

    private CheckBox check(String id, String key, javafx.beans.property.BooleanProperty p) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.textProperty().bind(i18n.text(key));
        box.selectedProperty().bindBidirectional(p);
        return box;
    }

    private Node numbers() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        int row = 0;
        Label step = new Label();
        step.setId("lab-step-count");
        step.getStyleClass().add("number");
        step.textProperty().bind(vm.stepProperty().asString());
        g.addRow(row++, c.label("lab.number.step"), step);
        // While D has its head start G stands still, which would otherwise look like a broken lab.
        Label headStart = new Label();
        headStart.setId("lab-head-start");
        headStart.getStyleClass().add("hint");
        headStart.textProperty().bind(i18n.text("lab.number.headStart", vm.dHeadStartProperty()));
        headStart.visibleProperty().bind(vm.stepProperty().lessThan(vm.dHeadStartProperty()));
        headStart.managedProperty().bind(headStart.visibleProperty());
        g.add(headStart, 0, row++, 2, 1);
        g.addRow(row++, c.tipped(c.label("lab.number.speed"), "lab.number.speed.tip"),
                c.number("lab-steps-per-second", "lab.number.stepsPerSecond", vm.stepsPerSecondProperty()));
        Label modes = new Label();
        modes.setId("lab-modes");
        modes.getStyleClass().add("number");
        modes.textProperty().bind(Bindings.createStringBinding(() -> vm.modesCoveredProperty().get() < 0 ? "–"
                : vm.modesCoveredProperty().get() + " / " + vm.modeCountProperty().get(), vm.modesCoveredProperty(),
                vm.modeCountProperty()));
        g.addRow(row++, c.tipped(c.label("lab.number.modes"), "lab.number.modes.tip"), modes);
        g.addRow(row++, c.tipped(c.label("lab.number.quality"), "lab.number.quality.tip"),
                c.number("lab-quality", "lab.number.percent", vm.highQualityProperty().multiply(100)));
        g.addRow(row++, c.tipped(c.label("lab.number.jsd"), "lab.number.jsd.tip"),
                c.number("lab-jsd", "number.nats", vm.jsdProperty()));
        g.addRow(row++, c.tipped(c.label("lab.number.emd"), "lab.number.emd.tip"),
                c.number("lab-emd", "number.value", vm.emdProperty()));
        g.addRow(row++, c.tipped(c.label("lab.number.dReal"), "lab.number.dReal.tip"),
                c.number("lab-d-real", "number.value", vm.dRealProperty()));
        g.addRow(row++, c.tipped(c.label("lab.number.dFake"), "lab.number.dFake.tip"),
                c.number("lab-d-fake", "number.value", vm.dFakeProperty()));
        g.addRow(row++, c.label("lab.number.dLoss"), c.number("lab-d-loss", "number.value", vm.dLossProperty()));
        g.addRow(row, c.label("lab.number.gLoss"), c.number("lab-g-loss", "number.value", vm.gLossProperty()));
        // Numbers keep their width; the names wrap in a narrow column (Japanese names are long).
        for (Node n : g.getChildren()) {
            Label l = (Label) n;
            if (GridPane.getColumnIndex(n) == 1) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else {
                l.setWrapText(true);
            }
        }
        Label message = new Label();
        message.setId("lab-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("lab-message");
        return new VBox(6, c.heading("lab.numbers"), g, message);
    }

    private Node charts() {
        LossChart losses = new LossChart("lab-loss-chart", vm, i18n, "lab.chart.loss",
                new LossChart.Curve("", GanLabViewModel.D_LOSS, "gan.curve.dLoss"),
                new LossChart.Curve("", GanLabViewModel.G_LOSS, "gan.curve.gLoss"));
        LossChart modes = new LossChart("lab-modes-chart", vm, i18n, "lab.chart.modes",
                new LossChart.Curve("", GanLabViewModel.MODES, "lab.curve.modes"));
        LossChart distances = new LossChart("lab-distance-chart", vm, i18n, "lab.chart.distance",
                new LossChart.Curve("", GanLabViewModel.JSD, "lab.curve.jsd"),
                new LossChart.Curve("", GanLabViewModel.EMD, "lab.curve.emd"));
        LossChart gradient = new LossChart("lab-gradient-chart", vm, i18n, "lab.chart.gradient",
                new LossChart.Curve("", GanLabViewModel.G_GRADIENT, "lab.curve.gGradient"),
                new LossChart.Curve("", GanLabViewModel.D_FAKE, "lab.curve.dFake"));
        javafx.scene.chart.NumberAxis modeAxis = (javafx.scene.chart.NumberAxis) modes.getYAxis();
        modeAxis.setAutoRanging(false);
        modeAxis.setLowerBound(0);
        modeAxis.upperBoundProperty().bind(Bindings.max(1, vm.modeCountProperty()));
        modeAxis.setTickUnit(1);
        TabPane tabs = new TabPane();
        tabs.setId("lab-charts");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (var entry : java.util.List.of(java.util.Map.entry("lab.chart.loss.tab", losses),
                java.util.Map.entry("lab.chart.modes.tab", modes), java.util.Map.entry("lab.chart.distance.tab", distances),
                java.util.Map.entry("lab.chart.gradient.tab", gradient))) {
            LossChart chart = entry.getValue();
            ((javafx.scene.chart.NumberAxis) chart.getXAxis()).labelProperty().bind(i18n.text("lab.chart.iteration"));
            chart.setMinHeight(200);
            chart.setPrefHeight(230);
            Tab tab = new Tab();
            tab.textProperty().bind(i18n.text(entry.getKey()));
            tab.setContent(chart);
            tabs.getTabs().add(tab);
        }
        return tabs;
    }

    private Node explanations() {
        Accordion a = new Accordion(pane("lab.explain.baseline"), pane("lab.explain.smallD"),
                pane("lab.explain.unrolled"), pane("lab.explain.minibatch"), pane("lab.explain.wgan"));
        a.setId("lab-explanations");
        a.setExpandedPane(a.getPanes().get(0));
        return new VBox(4, c.heading("lab.explain"), a);
    }

    private TitledPane pane(String key) {
        Label text = c.paragraph(key + ".text", null);
        text.setPadding(new Insets(4));
        TitledPane p = new TitledPane();
        p.textProperty().bind(i18n.text(key));
        // A long title is cut with an ellipsis rather than widening the column.
        p.setMinWidth(0);
        p.setContent(text);
        return p;
    }

    private Node inspector() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(12));

        GridPane data = grid();
        ComboBox<Distribution2D.Kind> kind = c.enumBox("lab-distribution", Distribution2D.Kind.values(),
                vm.distributionProperty(), k -> "lab.distribution." + k.name().toLowerCase());
        data.addRow(0, c.tipped(c.label("lab.distribution"), "lab.distribution.tip"), kind);
        Button clear = c.button("lab.clearDrawing", () -> vm.setDrawing(new double[0]));
        clear.setId("lab-clear-drawing");
        clear.visibleProperty().bind(vm.distributionProperty().isEqualTo(Distribution2D.Kind.DRAWN));
        clear.managedProperty().bind(clear.visibleProperty());

        GridPane generator = grid();
        int r = 0;
        generator.addRow(r++, reset("lab.noiseSize", "lab.noiseSize.tip"),
                c.intSpinner("lab-noise-size", 1, 64, vm.noiseSizeProperty(), 1));
        generator.addRow(r++, reset("lab.width", "lab.gWidth.tip"),
                c.intSpinner("lab-g-width", 1, 512, vm.gWidthProperty(), 8));
        generator.addRow(r++, reset("lab.depth", "lab.depth.tip"),
                c.intSpinner("lab-g-depth", 1, 6, vm.gDepthProperty(), 1));
        generator.addRow(r, now("lab.learningRate", "gan.lr.tip"),
                c.rateField("lab-lr-g", vm.learningRateGProperty()));

        GridPane discriminator = grid();
        r = 0;
        discriminator.addRow(r++, reset("lab.width", "lab.dWidth.tip"),
                c.intSpinner("lab-d-width", 1, 512, vm.dWidthProperty(), 8));
        discriminator.addRow(r++, reset("lab.depth", "lab.depth.tip"),
                c.intSpinner("lab-d-depth", 1, 6, vm.dDepthProperty(), 1));
        discriminator.addRow(r++, reset("gan.dDropout", "gan.dDropout.tip"),
                c.doubleSpinner("lab-d-dropout", 0, 0.9, vm.dDropoutProperty(), 0.05));
        discriminator.addRow(r++, now("lab.learningRate", "gan.lr.tip"),
                c.rateField("lab-lr-d", vm.learningRateDProperty()));
        discriminator.addRow(r++, now("gan.k", "gan.k.tip"), c.intSpinner("lab-k", 1, 50, vm.kProperty(), 1));
        discriminator.addRow(r, now("lab.dHeadStart", "lab.dHeadStart.tip"), c.intSpinner("lab-d-head-start", 0,
                LabSettings.MAX_HEAD_START, vm.dHeadStartProperty(), 100));

        GridPane baseline = grid();
        r = 0;
        // Under its label and as wide as the inspector, as the stage's box: the losses' names are long.
        baseline.add(now("gan.generatorLoss", "gan.generatorLoss.tip"), 0, r++, 2, 1);
        baseline.add(c.enumBox("lab-generator-loss", GeneratorLoss.values(), vm.generatorLossProperty(),
                l -> "gan.generatorLoss." + l.id()), 0, r++, 2, 1);
        baseline.add(remedy("lab-generator-sgd", "lab.generatorSgd", "lab.generatorSgd.tip",
                vm.generatorSgdProperty()), 0, r++, 2, 1);
        baseline.addRow(r++, now("train.batchSize", "train.batchSize.tip"),
                c.intSpinner("lab-batch", 2, 2048, vm.batchProperty(), 32));
        javafx.scene.control.Spinner<Integer> seed = c.intSpinner("lab-seed", 0, Integer.MAX_VALUE,
                (int) vm.seedProperty().get(), 1);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        baseline.addRow(r, reset("train.seed", "train.seed.tip"), seed);

        GridPane remedies = grid();
        r = 0;
        remedies.add(remedy("lab-unrolled", "lab.unrolled", "lab.unrolled.tip", vm.unrolledProperty()), 0, r++, 2, 1);
        javafx.scene.control.Spinner<Integer> unroll = c.intSpinner("lab-unroll-steps", 1, 50,
                vm.unrollStepsProperty(), 1);
        unroll.disableProperty().bind(vm.unrolledProperty().not());
        remedies.addRow(r++, now("lab.unrollSteps", "lab.unrollSteps.tip"), unroll);
        remedies.add(remedy("lab-minibatch", "lab.minibatch", "lab.minibatch.tip", vm.minibatchProperty()), 0, r++, 2,
                1);
        remedies.add(remedy("lab-wgan", "lab.wgan", "lab.wgan.tip", vm.wganProperty()), 0, r++, 2, 1);
        javafx.scene.control.Spinner<Double> clip = c.doubleSpinner("lab-clip", 0.001, 10, vm.clipProperty(),
                0.005);
        clip.disableProperty().bind(vm.wganProperty().not());
        remedies.addRow(r++, now("lab.clip", "lab.clip.tip"), clip);
        javafx.scene.control.Spinner<Integer> critic = c.intSpinner("lab-n-critic", 1, 50, vm.nCriticProperty(),
                1);
        critic.disableProperty().bind(vm.wganProperty().not());
        remedies.addRow(r, now("lab.nCritic", "lab.nCritic.tip"), critic);

        Button defaults = c.button("lab.defaults", vm::restoreDefaults);
        defaults.setId("lab-defaults");
        GridPane problem = grid();
        // The stages' names are long: the box takes the inspector's whole width, under its label.
        problem.add(c.tipped(c.label("lab.stage"), "lab.stage.tip"), 0, 0, 2, 1);
        problem.add(c.enumBox("lab-stage", LabStage.values(), vm.stageProperty(), s -> "lab.stage." + s.id()), 0, 1, 2,
                1);
        box.getChildren().addAll(c.heading("lab.inspector.stage"), problem, c.paragraph("lab.stage.hint", "hint"),
                new Separator(), c.heading("lab.inspector.data"), data, clear, c.paragraph("lab.drawing.tip", "hint"),
                new Separator(), c.heading("lab.inspector.generator"), generator, new Separator(),
                c.heading("lab.inspector.discriminator"), discriminator, new Separator(),
                c.heading("lab.inspector.baseline"), baseline, new Separator(), c.heading("lab.inspector.remedies"),
                remedies, c.paragraph("lab.remedies.tip", "hint"), defaults);
        return box;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, controls);
        return g;
    }

    private CheckBox remedy(String id, String key, String tipKey, javafx.beans.property.BooleanProperty p) {
        CheckBox box = check(id, key, p);
        box.setTooltip(c.tooltip(tipKey));
        box.setStyle("-fx-font-weight: bold;");
        return box;
    }

    private Node now(String labelKey, String tipKey) {
        return c.tagged(labelKey, tipKey, "gan.tag.now", true);
    }

    private Node reset(String labelKey, String tipKey) {
        return c.tagged(labelKey, tipKey, "lab.tag.restart", false);
    }
}

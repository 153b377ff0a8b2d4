package org.latentexplorer.ui.vae;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.DrawAndPlacePane;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LatentPlane;
import org.latentexplorer.ui.widgets.LossChart;
import org.latentexplorer.ui.widgets.ModelSectionView;
import org.latentexplorer.ui.widgets.TrainingPanel;

/**
 * The VAE section: the latent plane to drag through (with the decoded image beside it), the loss curves with
 * KL and reconstruction apart, and the AE-vs-VAE comparison; the inspector on the right.
 */
public final class VaeView extends BorderPane implements ModelSectionView {
    private final VaeViewModel vm;
    private final I18n i18n;
    private final Controls c;
    private final TrainingPanel panel;
    private final LatentPlane plane = new LatentPlane();

    public VaeView(VaeViewModel vm, CompareViewModel compare, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.c = new Controls(i18n);
        setId("vae-view");

        setCenter(c.section("vae", VaeFigures.lossPanel(vm, i18n).folding(VaeFigures.diagram(vm, i18n), false),
                Controls.tabs("vae-tabs", c.tab("vae.tab.plane", planeTab()), c.tab("vae.tab.curves", curvesTab()),
                c.tab("vae.tab.compare", new CompareView(compare, i18n)))));

        panel = new TrainingPanel(vm, i18n, TrainingPanel.Options.of(VariationalAutoencoder.Config.MAX_LATENT, "vae"));
        addInspectorRows();
        setRight(Controls.inspector(panel, 330));
        Export.install(this, i18n, "vae", Export.dataOf(vm));
    }

    private Region planeTab() {
        plane.setId("latent-plane");
        plane.pointsProperty().bind(vm.pointsProperty());
        plane.classNamesProperty().bind(vm.classNamesProperty());
        plane.cursorXProperty().bindBidirectional(vm.cursorXProperty());
        plane.cursorYProperty().bindBidirectional(vm.cursorYProperty());
        plane.manifoldProperty().bind(vm.manifoldProperty());
        plane.showManifoldProperty().bind(vm.showManifoldProperty());
        plane.selectedIndexProperty().bindBidirectional(vm.selectedIndexProperty());
        vm.visibleRangeProperty().bind(plane.visibleRangeProperty());
        plane.xAxisLabelProperty().bind(axisLabel(vm.dimXProperty(), "vae.axis.pc1"));
        plane.yAxisLabelProperty().bind(axisLabel(vm.dimYProperty(), "vae.axis.pc2"));
        // The first codes of a model frame the view once; later snapshots keep the learner's zoom.
        vm.pointsProperty().addListener((o, a, b) -> {
            if (a == null && b != null) {
                plane.fitToPoints();
            }
        });

        ImageTiles decoded = ImageTiles.row(1);
        decoded.setId("decoded");
        decoded.imagesProperty().bind(vm.decodedProperty());
        decoded.setPrefSize(168, 168);
        decoded.setMinSize(120, 120);
        Label where = new Label();
        where.setId("cursor-position");
        where.getStyleClass().add("number");
        where.textProperty().bind(i18n.text("vae.cursor", vm.cursorXProperty(), vm.cursorYProperty()));

        ImageTiles selected = ImageTiles.row(2);
        selected.setId("selected-pair");
        selected.imagesProperty().bind(vm.selectedPairProperty());
        selected.setPrefSize(168, 80);

        CheckBox manifold = new CheckBox();
        manifold.setId("show-manifold");
        manifold.textProperty().bind(i18n.text("vae.manifold"));
        manifold.selectedProperty().bindBidirectional(vm.showManifoldProperty());
        Spinner<Integer> n = c.intSpinner("manifold-size", 2, 30, vm.manifoldSizeProperty(), 1);
        n.disableProperty().bind(vm.showManifoldProperty().not());
        n.setPrefWidth(80);

        Label decodedHeading = c.heading("vae.decoded");
        Label selectedHeading = c.heading("vae.selected");
        for (Label l : List.of(decodedHeading, selectedHeading)) {
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        DrawAndPlacePane drawing = new DrawAndPlacePane(vm.drawAndPlace(), plane, i18n, "vae-drawing");
        VBox side = new VBox(8, drawing, decodedHeading, decoded, where, collapseBox(), c.paragraph("vae.decoded.tip", "hint"),
                selectedHeading, selected, c.paragraph("vae.selected.tip", "hint"),
                manifold, new HBox(6, c.label("vae.manifold.size"), n), projectionControls(),
                c.paragraph("vae.plane.help", "hint"));
        return Controls.planeWithSide(plane, side);
    }

    /** The posterior-collapse preset, and a live warning while the held-out KL says the code is ignored. */
    private Node collapseBox() {
        javafx.scene.control.Button preset = c.button("vae.collapse.preset", vm::showPosteriorCollapse);
        preset.setId("collapse-preset");
        preset.setTooltip(c.tooltip("vae.collapse.explain"));
        preset.disableProperty().bind(vm.active().or(vm.busyProperty()));
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setWrapText(true);
        Label warning = c.paragraph("vae.collapse.warning", "collapse-warning");
        warning.setId("collapse-warning");
        warning.visibleProperty().bind(vm.collapsed());
        warning.managedProperty().bind(warning.visibleProperty());
        return new VBox(4, preset, warning);
    }

    /** "z₁" for a slice through dimension 0; the principal axis' name in the PCA view. */
    private javafx.beans.binding.StringBinding axisLabel(javafx.beans.property.IntegerProperty dim, String pcaKey) {
        return Bindings.createStringBinding(() -> vm.projectionProperty().get() == VaeViewModel.Projection.PCA
                ? i18n.get(pcaKey) : "z" + subscript(dim.get() + 1), dim, vm.projectionProperty(), i18n.localeProperty());
    }

    private static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) {
            sb.append((char) ('₀' + (ch - '0')));
        }
        return sb.toString();
    }

    /** For d > 2: slice through two chosen dimensions (the others fixed at chosen values), or the PCA plane. */
    private Node projectionControls() {
        ToggleGroup group = new ToggleGroup();
        RadioButton slice = new RadioButton();
        slice.setId("projection-slice");
        slice.textProperty().bind(i18n.text("vae.projection.slice"));
        slice.setToggleGroup(group);
        RadioButton pca = new RadioButton();
        pca.setId("projection-pca");
        pca.textProperty().bind(i18n.text("vae.projection.pca"));
        pca.setToggleGroup(group);
        group.selectToggle(vm.projectionProperty().get() == VaeViewModel.Projection.PCA ? pca : slice);
        group.selectedToggleProperty().addListener((o, a, b) -> vm.projectionProperty().set(
                b == pca ? VaeViewModel.Projection.PCA : VaeViewModel.Projection.SLICE));

        Spinner<Integer> dx = new Spinner<>();
        Spinner<Integer> dy = new Spinner<>();
        GridPane dims = new GridPane();
        dims.setHgap(6);
        dims.setVgap(4);
        dims.addRow(0, c.label("vae.dimX"), dx);
        dims.addRow(1, c.label("vae.dimY"), dy);
        VBox sliders = new VBox(4);
        Runnable rebuild = () -> {
            int d = vm.modelLatentSizeProperty().get();
            dx.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, d, vm.dimXProperty().get() + 1));
            dy.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, d, vm.dimYProperty().get() + 1));
            dx.getValueFactory().valueProperty().addListener((o, a, b) -> vm.dimXProperty().set(b - 1));
            dy.getValueFactory().valueProperty().addListener((o, a, b) -> vm.dimYProperty().set(b - 1));
            sliders.getChildren().clear();
            List<javafx.beans.property.DoubleProperty> values = vm.sliceValues();
            for (int i = 0; i < values.size(); i++) {
                Slider s = new Slider(-4, 4, values.get(i).get());
                s.valueProperty().bindBidirectional(values.get(i));
                s.setId("slice-" + i);
                Label l = new Label("z" + subscript(i + 1));
                final int dim = i;
                // The two drawn dimensions take the cursor's value, so their sliders would do nothing.
                s.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.dimXProperty().get() == dim
                        || vm.dimYProperty().get() == dim, vm.dimXProperty(), vm.dimYProperty()));
                HBox row = new HBox(6, l, s);
                HBox.setHgrow(s, Priority.ALWAYS);
                sliders.getChildren().add(row);
            }
        };
        rebuild.run();
        vm.modelLatentSizeProperty().addListener((o, a, b) -> rebuild.run());
        VBox sliceBox = new VBox(6, dims, c.label("vae.slice.values"), sliders);
        sliceBox.visibleProperty().bind(slice.selectedProperty());
        sliceBox.managedProperty().bind(sliceBox.visibleProperty());
        VBox box = new VBox(6, c.heading("vae.projection"), slice, pca, sliceBox, c.paragraph("draw.projection.tip", "hint"));
        box.setId("projection-controls");
        box.visibleProperty().bind(vm.modelLatentSizeProperty().greaterThan(2));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Region curvesTab() {
        LossChart loss = new LossChart("vae-loss-chart", vm, i18n, VariationalAutoencoder.LOSS, "vae.chart.loss");
        LossChart kl = new LossChart("vae-kl-chart", vm, i18n, VariationalAutoencoder.KL, "vae.chart.kl");
        LossChart recon = new LossChart("vae-recon-chart", vm, i18n, VariationalAutoencoder.RECON, "vae.chart.recon");
        for (LossChart chart : List.of(loss, kl, recon)) {
            VBox.setVgrow(chart, Priority.ALWAYS);
            chart.setMinHeight(150);
        }
        VBox box = new VBox(4, loss, kl, recon);
        box.setPadding(new Insets(8));
        return box;
    }

    private void addInspectorRows() {
        Spinner<Double> beta = c.doubleSpinner("beta", 0.0, 100.0, vm.betaProperty().get(), 0.1);
        beta.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.betaProperty().set(b);
            }
        });
        vm.betaProperty().addListener((o, a, b) -> beta.getValueFactory().setValue(b.doubleValue()));
        panel.addSetting(c.tipped(c.label("vae.beta"), "vae.beta.tip"), beta);

        ComboBox<Reconstruction> recon = c.enumBox("reconstruction",
                Reconstruction.values(), vm.reconstructionProperty(), r -> "vae.reconstruction." + r.id());
        recon.disableProperty().bind(vm.active());
        panel.addSetting(c.tipped(c.label("vae.reconstruction"), "vae.reconstruction.tip"), recon);

        String train = TrainingViewModel.TRAIN;
        String held = TrainingViewModel.HELD_OUT;
        panel.addNumber(c.tipped(c.label("vae.number.trainLoss"), "vae.loss.tip"),
                c.number("vae-train-loss", "number.nats", vm.latest(train, VariationalAutoencoder.LOSS)));
        panel.addNumber(c.label("vae.number.trainKl"),
                c.number("vae-train-kl", "number.nats", vm.latest(train, VariationalAutoencoder.KL)));
        panel.addNumber(c.label("vae.number.trainRecon"),
                c.number("vae-train-recon", "number.value", vm.latest(train, VariationalAutoencoder.RECON)));
        panel.addNumber(c.tipped(c.label("vae.number.heldOutKl"), "vae.kl.tip"),
                c.number("vae-held-out-kl", "number.nats", vm.latest(held, VariationalAutoencoder.KL)));
        panel.addNumber(c.label("vae.number.heldOutRecon"),
                c.number("vae-held-out-recon", "number.value", vm.latest(held, VariationalAutoencoder.RECON)));
        panel.addNumber(c.tipped(c.label("vae.number.negElbo"), "vae.negElbo.tip"),
                c.number("vae-neg-elbo", "number.nats", vm.latest(held, VariationalAutoencoder.NEG_ELBO)));
    }



    LatentPlane plane() {
        return plane;
    }

    @Override
    public TrainingPanel panel() {
        return panel;
    }
}

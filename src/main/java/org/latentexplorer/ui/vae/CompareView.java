package org.latentexplorer.ui.vae;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.widgets.Controls;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.ImageTiles;
import org.latentexplorer.ui.widgets.LatentPlane;

/** AE and VAE side by side: planes, reconstructions, samples from N(0, I), interpolations. */
final class CompareView extends ScrollPane {
    private final Controls c;

    CompareView(CompareViewModel vm, I18n i18n) {
        c = new Controls(i18n);
        setId("compare-view");
        setFitToWidth(true);

        ComboBox<BundledDataset> data = new ComboBox<>(vm.datasets());
        data.setId("compare-dataset");
        data.valueProperty().bindBidirectional(vm.datasetProperty());
        data.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BundledDataset d) {
                return d == null ? "" : d.displayName();
            }

            @Override
            public BundledDataset fromString(String s) {
                return null;
            }
        });
        Button sample = c.button("compare.sample", vm::sample);
        sample.setId("compare-sample");
        sample.disableProperty().bind(vm.readyProperty().not());
        sample.setTooltip(c.tooltip("compare.sample.tip"));
        HBox top = new HBox(10, c.label("train.dataset"), data, sample);
        top.setAlignment(Pos.CENTER_LEFT);

        HBox planes = new HBox(12, side("compare.ae", "compare-ae", vm.ae(), vm), side("compare.vae", "compare-vae", vm.vae(), vm));

        Spinner<Integer> a = c.intSpinner("endpoint-a", 0, 999, vm.endpointAProperty(), 1);
        Spinner<Integer> b = c.intSpinner("endpoint-b", 0, 999, vm.endpointBProperty(), 1);
        a.setPrefWidth(90);
        b.setPrefWidth(90);
        ImageTiles ends = strip("compare-endpoints", 2, vm.endpointsProperty());
        ends.setPrefSize(100, 48);
        HBox endpoints = new HBox(8, c.label("compare.endpointA"), a, c.label("compare.endpointB"), b, ends);
        endpoints.setAlignment(Pos.CENTER_LEFT);

        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(6);
        int r = 0;
        rows.addRow(r++, c.label("compare.inputs"), strip("compare-inputs", CompareViewModel.IMAGES, vm.inputsProperty()));
        rows.addRow(r++, c.label("compare.aeRecon"),
                strip("compare-ae-recon", CompareViewModel.IMAGES, vm.ae().reconstructionsProperty()));
        rows.addRow(r++, c.label("compare.vaeRecon"),
                strip("compare-vae-recon", CompareViewModel.IMAGES, vm.vae().reconstructionsProperty()));
        rows.addRow(r++, c.label("compare.aeSamples"),
                strip("compare-ae-samples", CompareViewModel.IMAGES, vm.ae().samplesProperty()));
        rows.addRow(r++, c.label("compare.vaeSamples"),
                strip("compare-vae-samples", CompareViewModel.IMAGES, vm.vae().samplesProperty()));
        rows.addRow(r++, c.label("compare.aeInterpolation"),
                strip("compare-ae-interpolation", CompareViewModel.INTERPOLATION_STEPS, vm.ae().interpolationProperty()));
        rows.addRow(r++, c.label("compare.vaeInterpolation"),
                strip("compare-vae-interpolation", CompareViewModel.INTERPOLATION_STEPS, vm.vae().interpolationProperty()));
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), grow);

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        VBox box = new VBox(10, top, c.paragraph("compare.explain", "hint"), planes, endpoints,
                c.paragraph("compare.pick", "hint"), rows, message);
        box.setPadding(new Insets(8));
        setContent(box);
        Export.install(this, i18n, "vae", () -> vm.datasetProperty().get() == null ? null : vm.datasetProperty().get().id());
    }

    private Node side(String titleKey, String id, CompareViewModel.Side side, CompareViewModel vm) {
        LatentPlane plane = new LatentPlane();
        plane.setId(id + "-plane");
        plane.pointsProperty().bind(side.pointsProperty());
        plane.classNamesProperty().bind(vm.classNamesProperty());
        plane.cursorXProperty().bindBidirectional(side.cursorXProperty());
        plane.cursorYProperty().bindBidirectional(side.cursorYProperty());
        plane.selectedIndexProperty().bindBidirectional(side.selectedIndexProperty());
        side.pointsProperty().addListener((o, a, b) -> {
            if (b != null) {
                plane.fitToPoints();
            }
        });
        plane.setPrefSize(330, 300);
        plane.setMinSize(220, 220);
        ImageTiles decoded = strip(id + "-decoded", 1, side.decodedProperty());
        decoded.setPrefSize(72, 72);
        decoded.setMinSize(72, 72);
        HBox under = new HBox(8, decoded, c.paragraph("compare.decoded", "hint"));
        under.setAlignment(Pos.CENTER_LEFT);
        Label title = c.heading(titleKey);
        VBox box = new VBox(6, title, plane, under);
        HBox.setHgrow(box, Priority.ALWAYS);
        VBox.setVgrow(plane, Priority.ALWAYS);
        return box;
    }

    private static ImageTiles strip(String id, int slots, javafx.beans.value.ObservableValue<ImageGrid> images) {
        ImageTiles s = ImageTiles.row(slots);
        s.setId(id);
        s.imagesProperty().bind(images);
        s.setPrefHeight(52);
        s.setMinHeight(36);
        return s;
    }
}

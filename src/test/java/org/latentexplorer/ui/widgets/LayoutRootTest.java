package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A live node's changes are laid out within it; its ancestors are laid out again only when its size changes. */
@ExtendWith(ApplicationExtension.class)
class LayoutRootTest {
    private VBox section;
    private HBox row;
    private Label live;
    private Label plain;

    @Start
    void start(Stage stage) {
        live = new Label("step 1 of 355");
        live.setStyle("-fx-font-family: Monospaced;");
        plain = new Label("step 1 of 355");
        row = new HBox(8, new Label("Where"), LayoutRoot.of(live));
        section = new VBox(8, new Label("A wrapped explanation that would be measured again"), row, plain);
        stage.setScene(new Scene(section, 600, 300));
        stage.show();
    }

    @Test
    void aChangeOfTheSameSizeStaysInsideAndALargerOneReachesTheAncestors() throws Exception {
        waitUntil(10, () -> !section.isNeedsLayout() && !live.isNeedsLayout());

        // Same width (monospaced digits): the label lays itself out; its ancestors stay clean.
        fx(() -> {
            live.setText("step 2 of 355");
            assertThat(live.isNeedsLayout()).isTrue();
            assertThat(row.isNeedsLayout()).isFalse();
            assertThat(section.isNeedsLayout()).isFalse();
        });
        // The same change to a label that is not wrapped marks every ancestor (what the wrapper avoids).
        fx(() -> {
            plain.setText("step 2 of 355");
            assertThat(section.isNeedsLayout()).isTrue();
        });
        waitUntil(10, () -> !section.isNeedsLayout() && live.getText().equals(displayed(live)));

        // Longer text: after the layout pass the wrapper sees the new size and its row gives it the room.
        fx(() -> live.setText("epoch 12 of 100 · step 4,321 of 35,500"));
        waitUntil(10, () -> live.getWidth() >= live.prefWidth(-1) && live.getText().equals(displayed(live)));
        assertThat(onFx(() -> live.getParent().getLayoutBounds().getWidth())).isGreaterThanOrEqualTo(
                onFx(() -> live.prefWidth(-1)));
    }

    /** The text the label shows now: its own when it fits, an ellipsis when cut. */
    private static String displayed(Label label) {
        return label.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
    }
}

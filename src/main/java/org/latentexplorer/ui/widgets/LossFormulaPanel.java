package org.latentexplorer.ui.widgets;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.i18n.Messages;
import org.latentexplorer.ui.base.I18n;

/**
 * A model's loss as the chapter writes it, typeset, with the live value of each of its terms in a table below: the
 * learner reads the formula and watches its parts move while training. Where a setting changes the loss (the VAE's
 * reconstruction term, the Generator's loss, WGAN), the factories bind {@link #lossProperty()} to it.
 */
public final class LossFormulaPanel extends VBox {
    /**
     * One live number of the loss.
     *
     * @param nameKey its name in the bundles; {@code nameKey + ".tip"}, when the bundle has it, is its tooltip
     * @param symbol its LaTeX symbol, or null for none
     * @param formatKey the bundle pattern that shows the value with its unit, e.g. "number.nats"
     */
    public record Term(String nameKey, String symbol, ObservableNumberValue value, String formatKey) {
        public Term {
            Objects.requireNonNull(nameKey, "nameKey");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(formatKey, "formatKey");
        }

        public Term(String nameKey, ObservableNumberValue value, String formatKey) {
            this(nameKey, null, value, formatKey);
        }
    }

    /** One formula, with a bundle key (or null) for the sentence that says what it is. */
    public record Equation(String labelKey, String latex) {
    }

    /** What the panel shows. */
    public record Loss(List<Equation> equations, List<Term> terms) {
        public Loss {
            equations = List.copyOf(equations);
            terms = List.copyOf(terms);
        }
    }

    private final I18n i18n;
    private final Controls c;
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(this, "loss");
    private final VBox equations = new VBox(6);
    private final GridPane terms = new GridPane();

    public LossFormulaPanel(I18n i18n, String latex, List<Term> terms) {
        this(i18n, new Loss(List.of(new Equation(null, latex)), terms));
    }

    public LossFormulaPanel(I18n i18n, Loss initial) {
        super(8);
        this.i18n = i18n;
        this.c = new Controls(i18n);
        getStyleClass().add("loss-formula");
        terms.setHgap(10);
        terms.setVgap(4);
        terms.setId("loss-terms");
        terms.setAlignment(Pos.CENTER_LEFT);
        Label termsHeading = c.label("formula.terms");
        termsHeading.getStyleClass().add("hint");
        getChildren().addAll(c.heading("formula.heading"), equations, termsHeading, terms);
        loss.addListener((o, a, b) -> show(b));
        loss.set(initial);
    }

    /** The loss shown; bind it to follow a setting. */
    public ObjectProperty<Loss> lossProperty() {
        return loss;
    }

    private void show(Loss l) {
        equations.getChildren().clear();
        terms.getChildren().clear();
        if (l == null) {
            return;
        }
        for (Equation e : l.equations()) {
            if (e.labelKey() != null) {
                equations.getChildren().add(c.paragraph(e.labelKey(), "hint"));
            }
            equations.getChildren().add(new Formula(e.latex()));
        }
        int row = 0;
        for (Term t : l.terms()) {
            Label name = c.label(t.nameKey());
            String tip = t.nameKey() + ".tip";
            if (Messages.bundle(i18n.getLocale()).containsKey(tip)) {
                c.tipped(name, tip);
            }
            // In a narrow column the name wraps; the number keeps its width.
            name.setWrapText(true);
            Label value = c.number(t.nameKey().replace('.', '-'), t.formatKey(), t.value());
            value.setMinWidth(Region.USE_PREF_SIZE);
            if (t.symbol() != null) {
                Formula symbol = new Formula(t.symbol(), Formula.TEXT_MATCHING_SIZE, false);
                GridPane.setHalignment(symbol, HPos.CENTER);
                terms.add(symbol, 0, row);
            }
            terms.add(name, 1, row);
            // A live number: its changes are laid out within it, not through the whole section.
            terms.add(LayoutRoot.of(value), 2, row);
            row++;
        }
    }

    /**
     * The model's diagram and this panel in a pane the learner can fold away: folded, its title still shows the main
     * loss as the chapter writes it, so the plane or the samples below get the height.
     */
    public TitledPane folding(Node diagram, boolean expanded) {
        Formula main = new Formula(mainLatex(loss.get()), Formula.TEXT_MATCHING_SIZE, false);
        loss.addListener((o, a, b) -> main.setLatex(mainLatex(b)));
        Label heading = c.label("formula.fold");
        HBox title = new HBox(12, heading, main);
        title.setAlignment(Pos.CENTER_LEFT);
        HBox body = new HBox(16, diagram, this);
        HBox.setHgrow(this, Priority.ALWAYS);
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(title);
        pane.setExpanded(expanded);
        pane.getStyleClass().add("model-and-loss");
        return pane;
    }

    private static String mainLatex(Loss l) {
        return l == null || l.equations().isEmpty() ? "" : l.equations().get(0).latex();
    }

    /** Keeps the panel's loss in step with the settings that change it. */
    public static void bind(LossFormulaPanel panel, Callable<Loss> loss, ObservableValue<?>... settings) {
        panel.lossProperty().bind(Bindings.createObjectBinding(loss, settings));
    }

    /** The Generator loss chosen, as the chapter writes it: the minimax form or the non-saturating one. */
    public static Equation generatorEquation(GeneratorLoss g) {
        return g == GeneratorLoss.MINIMAX ? new Equation("formula.gan.g.minimax", Formulas.GAN_G_MINIMAX)
                : new Equation("formula.gan.g.non_saturating", Formulas.GAN_G_NON_SATURATING);
    }
}

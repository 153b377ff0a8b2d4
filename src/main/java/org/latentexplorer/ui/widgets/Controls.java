package org.latentexplorer.ui.widgets;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.latentexplorer.ui.base.I18n;

/** Small builders every view uses: texts bound to the current language, numbers with units, safe spinners. */
public final class Controls {
    private final I18n i18n;

    public Controls(I18n i18n) {
        this.i18n = i18n;
    }

    public Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    /**
     * A label that wraps and never shrinks below its text, for paragraphs in a VBox. Plain and hint paragraphs explain,
     * and classroom mode may hide them (style class "explanation"); warnings and sources stay.
     */
    public Label paragraph(String key, String styleClass) {
        Label l = label(key);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        if (styleClass == null || styleClass.equals("hint")) {
            l.getStyleClass().add("explanation");
        }
        return l;
    }

    public Label heading(String key) {
        Label l = label(key);
        l.getStyleClass().add("inspector-heading");
        return l;
    }

    public Label tipped(Label l, String tipKey) {
        l.setTooltip(tooltip(tipKey));
        return l;
    }

    public Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    /** A live number through a bundle pattern that carries its unit; a dash while there is none. */
    public Label number(String id, String formatKey, ObservableNumberValue value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("number");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            double v = value.doubleValue();
            return Double.isNaN(v) ? "–" : i18n.get(formatKey, v);
        }, value, i18n.localeProperty()));
        return l;
    }

    /** A setting's label with a tag under it saying when a change takes effect: now, or later ({@code now} false). */
    public javafx.scene.Node tagged(String labelKey, String tipKey, String tagKey, boolean now) {
        Label tag = label(tagKey);
        tag.getStyleClass().add(now ? "tag-now" : "tag-next");
        // The tag sits under the label so the label keeps the column's width.
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, tipped(label(labelKey), tipKey), tag);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** A section's centre, padded alike everywhere: its title and summary, then {@code below} (the model pane, tabs). */
    public javafx.scene.layout.VBox section(String sectionId, javafx.scene.Node... below) {
        Label title = label("section." + sectionId + ".title");
        title.getStyleClass().add("section-title");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, title, paragraph("section." + sectionId + ".summary",
                null));
        box.getChildren().addAll(below);
        // The last part (the tabs, or the body) takes the height left.
        javafx.scene.layout.VBox.setVgrow(below[below.length - 1], javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(12, 16, 12, 16));
        // In a narrow window (the smallest is 1000 px, a projector's 1024) the section gives up width, clipped,
        // rather than pushing the inspector with Start and Stop off the window's edge.
        box.setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        return box;
    }

    /** Tabs that stay open, each made by {@link #tab}. */
    public static javafx.scene.control.TabPane tabs(String id, javafx.scene.control.Tab... tabs) {
        javafx.scene.control.TabPane pane = new javafx.scene.control.TabPane(tabs);
        pane.setId(id);
        pane.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    /**
     * A tab titled in the current language, its id the key with dashes. What changes inside it while training
     * (charts, images) is laid out within the tab, without re-measuring the section around it.
     */
    public javafx.scene.control.Tab tab(String key, javafx.scene.layout.Region content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab();
        t.textProperty().bind(i18n.text(key));
        t.setContent(LayoutRoot.of(content));
        t.setId(key.replace('.', '-'));
        return t;
    }

    /** The inspector column on the right of a section: scrolls, fills its width. */
    public static javafx.scene.control.ScrollPane inspector(javafx.scene.Node content, double width) {
        javafx.scene.control.ScrollPane inspector = new javafx.scene.control.ScrollPane(content);
        inspector.setFitToWidth(true);
        inspector.setPrefWidth(width);
        inspector.getStyleClass().add("inspector");
        return inspector;
    }

    /**
     * A latent plane with a column beside it (what lies under the cursor, the drawing pad, hints) that scrolls and
     * gives up width to the plane first; the tab of a section that explores a latent space.
     */
    public static javafx.scene.layout.HBox planeWithSide(LatentPlane plane, javafx.scene.layout.VBox side) {
        javafx.scene.layout.HBox.setHgrow(plane, javafx.scene.layout.Priority.ALWAYS);
        side.setPrefWidth(240);
        side.setMinWidth(150);
        side.getStyleClass().add("plane-side"); // widens with the text in classroom mode (app.css)
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(160);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(10, plane, scroll);
        box.setPadding(new javafx.geometry.Insets(8));
        return box;
    }

    public Button button(String key, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** An editable spinner of whole numbers from {@code min} to {@code max}. */
    public Spinner<Integer> intSpinner(String id, int min, int max, int value, int stepBy) {
        return editable(new Spinner<>(min, max, value, stepBy), id, min, max, Object::toString, Integer::valueOf,
                "input.error.wholeNumber");
    }

    /** An editable spinner of decimals from {@code min} to {@code max}. */
    public Spinner<Double> doubleSpinner(String id, double min, double max, double value, double stepBy) {
        return editable(new Spinner<>(min, max, value, stepBy), id, min, max, Controls::decimal, Double::valueOf,
                "input.error.number");
    }

    /** An editable spinner of whole numbers that follows {@code property} both ways. */
    public Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty property,
            int stepBy) {
        Spinner<Integer> s = intSpinner(id, min, max, property.get(), stepBy);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    /** An editable spinner of decimals that follows {@code property} both ways. */
    public Spinner<Double> doubleSpinner(String id, double min, double max, javafx.beans.property.DoubleProperty property,
            double stepBy) {
        Spinner<Double> s = doubleSpinner(id, min, max, property.get(), stepBy);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.doubleValue()));
        return s;
    }

    private static String decimal(double v) {
        return new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(v);
    }

    /**
     * Typed nonsense (not a number, NaN, infinite, out of range) keeps the last good value, and the field says so in
     * the user's language until the next good value: a setting never changes to something the model cannot use.
     */
    private <T extends Number & Comparable<T>> Spinner<T> editable(Spinner<T> s, String id, T min, T max,
            java.util.function.Function<T, String> show, java.util.function.Function<String, T> parse, String errorKey) {
        SpinnerValueFactory<T> factory = s.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public T fromString(String text) {
                T typed;
                try {
                    typed = parse.apply(text.trim());
                } catch (NumberFormatException e) {
                    typed = null;
                }
                boolean good = typed != null && Double.isFinite(typed.doubleValue()) && typed.compareTo(min) >= 0
                        && typed.compareTo(max) <= 0;
                T kept = factory.getValue();
                judge(s, good ? null : i18n.get(errorKey, text.trim(), show.apply(min), show.apply(max),
                        show.apply(kept)));
                if (!good) {
                    // The value stays, so the spinner would leave the nonsense in its editor: put the kept value back.
                    javafx.application.Platform.runLater(() -> s.getEditor().setText(show.apply(factory.getValue())));
                }
                return good ? typed : kept;
            }
        });
        s.setId(id);
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    /**
     * A text field for a learning rate, above 0 and at most 1: the property changes on each good commit; nonsense keeps
     * the last good value and the field says why.
     */
    public javafx.scene.control.TextField rateField(String id, javafx.beans.property.DoubleProperty property) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId(id);
        // Plain decimals (0.0003), not Double.toString's 3.0E-4.
        java.text.DecimalFormat plain = new java.text.DecimalFormat("0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        javafx.scene.control.TextFormatter<Double> format = new javafx.scene.control.TextFormatter<>(
                new StringConverter<Double>() {
                    @Override
                    public String toString(Double v) {
                        return v == null ? "" : plain.format(v);
                    }

                    /** Nonsense throws, and the formatter puts the last good value back. */
                    @Override
                    public Double fromString(String text) {
                        double typed;
                        try {
                            typed = Double.parseDouble(text.trim());
                        } catch (NumberFormatException e) {
                            typed = Double.NaN;
                        }
                        boolean good = typed > 0 && typed <= 1;
                        judge(field, good ? null : i18n.get("input.error.rate", text.trim(), plain.format(property.get())));
                        if (!good) {
                            throw new IllegalArgumentException(text);
                        }
                        return typed;
                    }
                }, property.get());
        field.setTextFormatter(format);
        format.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                property.set(b);
            }
        });
        property.addListener((o, a, b) -> format.setValue(b.doubleValue()));
        return field;
    }

    /**
     * Marks a field (a text field, or a spinner and its editor) as holding nonsense and says why below it, or
     * ({@code complaint} null) clears both. The note is a tooltip shown at once, so it needs no room in the layout; it
     * goes by itself after a few seconds and stays on hover until the next good value.
     */
    static void judge(javafx.scene.control.Control field, String complaint) {
        if (field.getProperties().containsKey(COMPLAINT)) {
            // The field's own tooltip, if it had one, comes back.
            field.getTooltip().hide();
            field.setTooltip((Tooltip) field.getProperties().remove(COMPLAINT));
        }
        field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, complaint != null);
        if (field instanceof Spinner<?> spinner) {
            spinner.getEditor().pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, complaint != null);
        }
        if (complaint == null) {
            return;
        }
        Tooltip note = new Tooltip(complaint);
        note.setWrapText(true);
        note.setMaxWidth(360);
        note.getStyleClass().add("complaint");
        field.getProperties().put(COMPLAINT, field.getTooltip());
        field.setTooltip(note);
        javafx.geometry.Bounds b = field.localToScreen(field.getLayoutBounds());
        if (b != null && field.getScene() != null && field.getScene().getWindow() != null
                && field.getScene().getWindow().isShowing()) {
            note.show(field, b.getMinX(), b.getMaxY() + 2);
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
            later.setOnFinished(e -> note.hide());
            later.play();
        }
    }

    /** Present while {@link #judge} shows a complaint: the field's own tooltip (or null), put back when it goes. */
    static final String COMPLAINT = Controls.class.getName() + ".complaint";

    /** A choice among an enum's values, each shown by its text in the current language. */
    public <E> javafx.scene.control.ComboBox<E> enumBox(String id, E[] values, javafx.beans.property.ObjectProperty<E> property,
            java.util.function.Function<E, String> key) {
        javafx.scene.control.ComboBox<E> box = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(values));
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        java.util.function.Supplier<javafx.scene.control.ListCell<E>> cell = () -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(i18n.text(key.apply(item)));
                }
            }
        };
        box.setCellFactory(v -> cell.get());
        box.setButtonCell(cell.get());
        return box;
    }}

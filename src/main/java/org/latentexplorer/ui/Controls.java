package org.latentexplorer.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Small builders every view uses: texts bound to the current language, numbers with units, safe spinners. */
final class Controls {
    private final I18n i18n;

    Controls(I18n i18n) {
        this.i18n = i18n;
    }

    Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    /**
     * A label that wraps and never shrinks below its text, for paragraphs in a VBox. Plain and hint paragraphs explain,
     * and classroom mode may hide them (style class "explanation"); warnings and sources stay.
     */
    Label paragraph(String key, String styleClass) {
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

    Label heading(String key) {
        Label l = label(key);
        l.getStyleClass().add("inspector-heading");
        return l;
    }

    Label tipped(Label l, String tipKey) {
        l.setTooltip(tooltip(tipKey));
        return l;
    }

    Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    /** A live number through a bundle pattern that carries its unit; a dash while there is none. */
    Label number(String id, String formatKey, ObservableNumberValue value) {
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
    javafx.scene.Node tagged(String labelKey, String tipKey, String tagKey, boolean now) {
        Label tag = label(tagKey);
        tag.getStyleClass().add(now ? "tag-now" : "tag-next");
        // The tag sits under the label so the label keeps the column's width.
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, tipped(label(labelKey), tipKey), tag);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** A section's centre, padded alike everywhere: its title and summary, then {@code below} (the model pane, tabs). */
    javafx.scene.layout.VBox section(String sectionId, javafx.scene.Node... below) {
        Label title = label("section." + sectionId + ".title");
        title.getStyleClass().add("section-title");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, title, paragraph("section." + sectionId + ".summary",
                null));
        box.getChildren().addAll(below);
        // The last part (the tabs, or the body) takes the height left.
        javafx.scene.layout.VBox.setVgrow(below[below.length - 1], javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(12, 16, 12, 16));
        return box;
    }

    /** Tabs that stay open, each made by {@link #tab}. */
    static javafx.scene.control.TabPane tabs(String id, javafx.scene.control.Tab... tabs) {
        javafx.scene.control.TabPane pane = new javafx.scene.control.TabPane(tabs);
        pane.setId(id);
        pane.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    /** A tab titled in the current language, its id the key with dashes. */
    javafx.scene.control.Tab tab(String key, javafx.scene.Node content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab();
        t.textProperty().bind(i18n.text(key));
        t.setContent(content);
        t.setId(key.replace('.', '-'));
        return t;
    }

    /** The inspector column on the right of a section: scrolls, fills its width. */
    static javafx.scene.control.ScrollPane inspector(javafx.scene.Node content, double width) {
        javafx.scene.control.ScrollPane inspector = new javafx.scene.control.ScrollPane(content);
        inspector.setFitToWidth(true);
        inspector.setPrefWidth(width);
        inspector.getStyleClass().add("inspector");
        return inspector;
    }

    Button button(String key, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** An editable spinner of whole numbers. */
    static Spinner<Integer> intSpinner(String id, int min, int max, int value, int stepBy) {
        return editable(new Spinner<>(min, max, value, stepBy), id, Object::toString, Integer::valueOf);
    }

    /** An editable spinner of decimals. */
    static Spinner<Double> doubleSpinner(String id, double min, double max, double value, double stepBy) {
        return editable(new Spinner<>(min, max, value, stepBy), id, v -> new java.text.DecimalFormat("0.###").format(v),
                Double::valueOf);
    }

    /** An editable spinner of whole numbers that follows {@code property} both ways. */
    static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty property,
            int stepBy) {
        Spinner<Integer> s = intSpinner(id, min, max, property.get(), stepBy);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    /** An editable spinner of decimals that follows {@code property} both ways. */
    static Spinner<Double> doubleSpinner(String id, double min, double max, javafx.beans.property.DoubleProperty property,
            double stepBy) {
        Spinner<Double> s = doubleSpinner(id, min, max, property.get(), stepBy);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> s.getValueFactory().setValue(b.doubleValue()));
        return s;
    }

    /** Typed nonsense falls back to the last good value instead of throwing from the spinner's commit. */
    private static <T> Spinner<T> editable(Spinner<T> s, String id, java.util.function.Function<T, String> show,
            java.util.function.Function<String, T> parse) {
        SpinnerValueFactory<T> factory = s.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        s.setId(id);
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }


    /** A text field for a decimal such as a learning rate: the property changes on each valid commit. */
    static javafx.scene.control.TextField doubleField(String id, javafx.beans.property.DoubleProperty property) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId(id);
        javafx.scene.control.TextFormatter<Double> format = new javafx.scene.control.TextFormatter<>(
                new StringConverter<Double>() {
                    // Plain decimals (0.0003), not Double.toString's 3.0E-4.
                    private final java.text.DecimalFormat plain = new java.text.DecimalFormat("0.##########",
                            java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

                    @Override
                    public String toString(Double v) {
                        return v == null ? "" : plain.format(v);
                    }

                    /** Nonsense throws, and the formatter puts the last good value back. */
                    @Override
                    public Double fromString(String text) {
                        return Double.valueOf(text.trim());
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

    /** A choice among an enum's values, each shown by its text in the current language. */
    <E> javafx.scene.control.ComboBox<E> enumBox(String id, E[] values, javafx.beans.property.ObjectProperty<E> property,
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

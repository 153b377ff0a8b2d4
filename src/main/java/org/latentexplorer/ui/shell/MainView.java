package org.latentexplorer.ui.shell;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.FileDialogs;
import org.latentexplorer.ui.widgets.ModelSectionView;
import org.latentexplorer.ui.widgets.Presentation;

/**
 * The window: menu, the chapter's sections on the left, the section in the middle, a status bar below. In classroom
 * mode the root's font size grows (every em-based size follows), a pseudo-class on the root thickens chart lines and
 * hides the parts the teacher chose (app.css), and canvases draw larger through {@link Presentation}.
 */
public final class MainView extends BorderPane {
    /** The root's font size outside classroom mode, as app.css sets it. */
    private static final double BASE_FONT_SIZE = 13;
    private static final PseudoClass CLASSROOM = PseudoClass.getPseudoClass("classroom");
    private final MainViewModel vm;
    private final I18n i18n;
    private final SectionViews sectionViews;
    private final StackPane content = new StackPane();
    /** Every shortcut and what it does, caught before the focused control sees the key. */
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
    private final javafx.event.EventHandler<KeyEvent> keyFilter = this::onKey;
    private String fontFamily;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        setId("main-view");
        sectionViews = new SectionViews(vm, this::prepare);
        vm.experiments().errorProperty().addListener((o, a, b) -> experimentError(b));
        setTop(menuBar());
        setLeft(navigation());
        setCenter(content);
        setBottom(statusBar());
        vm.sectionProperty().addListener((o, a, b) -> show(b));
        show(vm.sectionProperty().get());

        ClassroomMode classroom = vm.classroom();
        InvalidationListener restyle = o -> applyClassroom();
        classroom.onProperty().addListener(restyle);
        classroom.scaleProperty().addListener(restyle);
        classroom.hidden().addListener((SetChangeListener<ClassroomPart>) c -> applyClassroom());
        applyClassroom();

        // The menus show the shortcuts, but a focused control may take a key first (a list takes Ctrl+PageDown):
        // a filter on the scene acts before it, so the shortcuts work wherever the focus is.
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            }
        });
    }

    private void onKey(KeyEvent e) {
        for (Map.Entry<KeyCombination, Runnable> s : shortcuts.entrySet()) {
            if (s.getKey().match(e)) {
                e.consume();
                s.getValue().run();
                return;
            }
        }
    }

    /** The font every text uses; the window sets it once it has loaded the bundled font. */
    void setFontFamily(String family) {
        fontFamily = family;
        applyClassroom();
    }

    private void applyClassroom() {
        ClassroomMode classroom = vm.classroom();
        double scale = classroom.presentationScale().get();
        StringBuilder style = new StringBuilder();
        if (fontFamily != null) {
            style.append("-fx-font-family: \"").append(fontFamily).append("\"; ");
        }
        if (classroom.onProperty().get()) {
            style.append(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_SIZE * scale));
        }
        setStyle(style.toString());
        pseudoClassStateChanged(CLASSROOM, classroom.onProperty().get());
        for (ClassroomPart part : ClassroomPart.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(part.pseudoClass()), classroom.hides(part));
        }
        Presentation.scaleProperty().set(scale);
    }

    private void show(Section s) {
        Node view = sectionViews.view(s);
        view.setVisible(true);
        content.getChildren().setAll(view);
    }

    /**
     * Styles and lays out a section built in the background: attached out of sight for one pulse, so the CSS and
     * layout of its first showing (110-370 ms on two cores) are paid while the window idles after start-up, and a
     * first switch to it costs what a later one does.
     */
    private void prepare(Node view) {
        Scene scene = getScene();
        if (scene == null || content.getChildren().contains(view)) {
            return;
        }
        view.setVisible(false);
        content.getChildren().add(view);
        Runnable[] detach = new Runnable[1];
        detach[0] = () -> {
            scene.removePostLayoutPulseListener(detach[0]);
            // Unless the learner switched to it meanwhile, which made it visible.
            if (!view.isVisible()) {
                content.getChildren().remove(view);
                view.setVisible(true);
            }
        };
        scene.addPostLayoutPulseListener(detach[0]);
    }

    /** Builds the sections not shown yet, after the window is up. */
    void buildHiddenSections() {
        sectionViews.buildHidden();
    }

    private Node navigation() {
        ListView<Section> list = new ListView<>();
        list.setId("sections");
        list.getItems().setAll(Section.values());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(i18n.text(item.titleKey()));
                }
            }
        });
        list.getSelectionModel().select(vm.sectionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sectionProperty().set(b);
            }
        });
        vm.sectionProperty().addListener((o, a, b) -> list.getSelectionModel().select(b));
        list.setPrefWidth(230);
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("nav.chapter"));
        heading.getStyleClass().add("inspector-heading");
        VBox box = new VBox(6, heading, list);
        box.setId("navigation");
        box.setPadding(new Insets(8));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.statusText());
        bar.progressProperty().bind(vm.statusProgress());
        return bar;
    }

    private MenuBar menuBar() {
        MenuItem openData = item("menu.file.openData", () -> onModelSection(v -> v.openDataset()));
        MenuItem openFolder = item("menu.file.openFolder", () -> onModelSection(v -> v.openFolder()));
        MenuItem openModel = item("menu.file.openModel", () -> onModelSection(v -> v.openModel()));
        MenuItem saveModel = item("menu.file.saveModel", () -> onModelSection(v -> v.saveModel()));
        MenuItem openExperiment = shortcut(Shortcut.OPEN_EXPERIMENT, "menu.file.openExperiment", this::openExperiment);
        MenuItem saveExperiment = shortcut(Shortcut.SAVE_EXPERIMENT, "menu.file.saveExperiment", this::saveExperiment);
        Menu file = menu("menu.file", openExperiment, saveExperiment, new SeparatorMenuItem(), openData, openFolder, openModel,
                saveModel, new SeparatorMenuItem(), item("menu.file.quit", () -> getScene().getWindow().hide()));
        // The File menu acts on the section in view; it opens the autoencoder section from one without a model.
        file.setOnShowing(e -> {
            TrainingViewModel current = vm.current() != null ? vm.current() : vm.autoencoder();
            saveModel.setDisable(!current.canSave().get());
            openModel.setDisable(current.active().get());
            openData.setDisable(current.active().get());
            openFolder.setDisable(current.active().get());
            // A model being trained belongs to its trainer: a run is saved once training has stopped.
            saveExperiment.setDisable(!vm.experiments().canSave() || (vm.current() != null
                    && (vm.current().active().get() || vm.current().busyProperty().get())));
        });

        MenuBar bar = new MenuBar(file, viewMenu(), runMenu(), languageMenu(), helpMenu());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu viewMenu() {
        CheckMenuItem classroom = check("menu.view.classroom", vm.classroom().onProperty());
        bind(classroom, Shortcut.CLASSROOM.keys(), vm.classroom()::toggle);
        CheckMenuItem fullScreen = check("menu.view.fullScreen", vm.fullScreenProperty());
        bind(fullScreen, Shortcut.FULL_SCREEN.keys(), vm::toggleFullScreen);

        MenuItem previous = shortcut(Shortcut.PREVIOUS_SECTION, "menu.view.previousSection", vm::previousSection);
        MenuItem next = shortcut(Shortcut.NEXT_SECTION, "menu.view.nextSection", vm::nextSection);
        Menu goTo = menu("menu.view.goTo");
        for (Section s : Section.values()) {
            Runnable show = () -> vm.sectionProperty().set(s);
            MenuItem item = item(s.titleKey(), show);
            item.setId("go-to-" + s.name().toLowerCase(Locale.ROOT));
            bind(item, Shortcut.section(s), show);
            goTo.getItems().add(item);
        }

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("menu.view.light", themes, !vm.darkThemeProperty().get(),
                () -> vm.darkThemeProperty().set(false));
        RadioMenuItem dark = radio("menu.view.dark", themes, vm.darkThemeProperty().get(),
                () -> vm.darkThemeProperty().set(true));
        vm.darkThemeProperty().addListener((o, a, b) -> (b ? dark : light).setSelected(true));
        return menu("menu.view", classroom, classroomSettings(), fullScreen, new SeparatorMenuItem(), previous, next,
                goTo, new SeparatorMenuItem(), light, dark);
    }

    /** What classroom mode hides, and how large it draws; each choice applies at once and is remembered. */
    private Menu classroomSettings() {
        Menu settings = menu("menu.view.classroomSettings");
        MenuItem heading = item("classroom.hide", () -> { });
        heading.setDisable(true);
        settings.getItems().add(heading);
        ClassroomMode classroom = vm.classroom();
        for (ClassroomPart part : ClassroomPart.values()) {
            CheckMenuItem item = new CheckMenuItem();
            item.textProperty().bind(i18n.text(part.labelKey()));
            item.setId("classroom-hide-" + part.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setSelected(classroom.hidden().contains(part));
            item.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    classroom.hidden().add(part);
                } else {
                    classroom.hidden().remove(part);
                }
            });
            classroom.hidden().addListener((SetChangeListener<ClassroomPart>) c -> item.setSelected(
                    classroom.hidden().contains(part)));
            settings.getItems().add(item);
        }
        settings.getItems().add(new SeparatorMenuItem());
        ToggleGroup sizes = new ToggleGroup();
        for (double scale : Settings.Classroom.SCALES) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(i18n.text("classroom.scale", Math.round(scale * 100)));
            item.setId("classroom-scale-" + Math.round(scale * 100));
            item.setToggleGroup(sizes);
            item.setSelected(classroom.scaleProperty().get() == scale);
            item.setOnAction(e -> classroom.scaleProperty().set(scale));
            classroom.scaleProperty().addListener((o, a, b) -> item.setSelected(b.doubleValue() == scale));
            settings.getItems().add(item);
        }
        return settings;
    }

    private Menu runMenu() {
        return menu("menu.run", shortcut(Shortcut.PLAY_PAUSE, "menu.run.playPause", vm::playPause),
                shortcut(Shortcut.STEP, "menu.run.step", vm::step),
                shortcut(Shortcut.STOP, "menu.run.stop", vm::stop));
    }

    private Menu languageMenu() {
        ToggleGroup languages = new ToggleGroup();
        Menu language = menu("menu.language");
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(l.getDisplayLanguage(l));
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(languages);
            item.setSelected(l.equals(i18n.getLocale()));
            item.setOnAction(e -> vm.setLanguage(l));
            language.getItems().add(item);
        }
        i18n.localeProperty().addListener((o, a, b) -> languages.getToggles().forEach(t ->
                t.setSelected(((MenuItem) t).getId().equals("language-" + b.getLanguage()))));
        return language;
    }

    private Menu helpMenu() {
        return menu("menu.help", item("menu.help.shortcuts", () -> HelpDialogs.shortcuts(this, i18n)),
                item("menu.help.about", () -> HelpDialogs.about(this, i18n, vm.aboutText())));
    }

    private void openExperiment() {
        java.nio.file.Path path = FileDialogs.openExperiment(getScene().getWindow(), i18n);
        if (path != null) {
            vm.experiments().open(path);
        }
    }

    /** Saves the run of the section in view (a model section or the lab); elsewhere there is none to save. */
    private void saveExperiment() {
        if (!vm.experiments().canSave()) {
            return;
        }
        TrainingViewModel current = vm.current();
        if (current != null && !current.readyToSave()) {
            return;
        }
        // Named as exports are: the section, then the data set's short name.
        String section = vm.sectionProperty().get().id().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String name = section + (current == null ? "" : "-" + Export.stem(current.datasetProperty().get().spec()));
        java.nio.file.Path path = FileDialogs.saveExperiment(getScene().getWindow(), i18n, name);
        if (path != null) {
            vm.experiments().save(path);
        }
    }

    /** An experiment that cannot be opened: one clear message; nothing open has changed. */
    private void experimentError(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR);
        alert.initOwner(getScene().getWindow());
        alert.setTitle(i18n.get("dialog.openExperiment"));
        alert.setHeaderText(null);
        alert.setContentText(text);
        alert.getDialogPane().setId("experiment-error");
        vm.experiments().errorProperty().set("");
        alert.show();
    }

    /** The model section's panel in view, or the autoencoder's when the section in view has no model. */
    private void onModelSection(java.util.function.Consumer<ModelSectionView> action) {
        if (vm.current() == null) {
            vm.sectionProperty().set(Section.AUTOENCODER);
        }
        Section s = vm.sectionProperty().get();
        action.accept((ModelSectionView) sectionViews.view(switch (s) {
            case VAE, GAN, VQVAE -> s;
            default -> Section.AUTOENCODER;
        }));
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.text(key));
        m.setId(key.replace('.', '-'));
        m.getItems().addAll(items);
        return m;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.text(key));
        m.setId(key.replace('.', '-'));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** A menu item with its shortcut. */
    private MenuItem shortcut(Shortcut s, String key, Runnable action) {
        MenuItem m = item(key, action);
        bind(m, s.keys(), action);
        return m;
    }

    /** Shows the keys in the menu and acts on them wherever the focus is (the filter takes them before the menu bar). */
    private void bind(MenuItem item, KeyCombination keys, Runnable action) {
        item.setAccelerator(keys);
        shortcuts.put(keys, action);
    }

    private CheckMenuItem check(String key, javafx.beans.property.BooleanProperty property) {
        CheckMenuItem m = new CheckMenuItem();
        m.textProperty().bind(i18n.text(key));
        m.setId(key.replace('.', '-'));
        m.selectedProperty().bindBidirectional(property);
        return m;
    }

    private RadioMenuItem radio(String key, ToggleGroup group, boolean selected, Runnable action) {
        RadioMenuItem m = new RadioMenuItem();
        m.textProperty().bind(i18n.text(key));
        m.setId(key.replace('.', '-'));
        m.setToggleGroup(group);
        m.setSelected(selected);
        m.setOnAction(e -> action.run());
        return m;
    }
}

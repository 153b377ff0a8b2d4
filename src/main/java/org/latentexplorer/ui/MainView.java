package org.latentexplorer.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.latentexplorer.engine.AppInfo;

/** The window: menu, the chapter's sections on the left, the section in the middle, a status bar below. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final I18n i18n;
    private final AutoencoderView autoencoderView;
    private final VaeView vaeView;
    private final GanView ganView;
    private final VqVaeView vqvaeView;
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
        setId("main-view");
        autoencoderView = new AutoencoderView(vm.autoencoder(), i18n);
        vaeView = new VaeView(vm.vae(), vm.compare(), i18n);
        ganView = new GanView(vm.gan(), i18n);
        vqvaeView = new VqVaeView(vm.vqvae(), i18n);
        for (Section s : Section.values()) {
            views.put(s, switch (s) {
                case AUTOENCODER -> autoencoderView;
                case VAE -> vaeView;
                case GAN -> ganView;
                case VQVAE -> vqvaeView;
                case GAN_PROBLEMS -> new GanLabView(vm.lab(), vm.divergences(), i18n);
                case GENERATIVE -> new GenerativeView(vm.generative(), i18n);
                case LATENT -> new LatentView(vm.latent(), i18n);
            });
        }
        setTop(menuBar());
        setLeft(navigation());
        setCenter(content);
        setBottom(statusBar());
        vm.sectionProperty().addListener((o, a, b) -> show(b));
        show(vm.sectionProperty().get());
    }

    private void show(Section s) {
        content.getChildren().setAll(views.get(s));
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
        box.setPadding(new Insets(8));
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
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
        MenuItem openModel = item("menu.file.openModel", () -> onModelSection(v -> v.openModel()));
        MenuItem saveModel = item("menu.file.saveModel", () -> onModelSection(v -> v.saveModel()));
        Menu file = menu("menu.file", openData, openModel, saveModel, new SeparatorMenuItem(),
                item("menu.file.quit", () -> getScene().getWindow().hide()));
        // The File menu acts on the section in view; it opens the autoencoder section from one without a model.
        file.setOnShowing(e -> {
            TrainingViewModel current = vm.current() != null ? vm.current() : vm.autoencoder();
            saveModel.setDisable(!current.canSave().get());
            openModel.setDisable(current.active().get());
            openData.setDisable(current.active().get());
        });

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("menu.view.light", themes, !vm.darkThemeProperty().get(),
                () -> vm.darkThemeProperty().set(false));
        RadioMenuItem dark = radio("menu.view.dark", themes, vm.darkThemeProperty().get(),
                () -> vm.darkThemeProperty().set(true));
        Menu view = menu("menu.view", light, dark);

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

        Menu help = menu("menu.help", item("menu.help.about", this::about));
        MenuBar bar = new MenuBar(file, view, language, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** The model section's panel in view, or the autoencoder's when the section in view has no model. */
    private void onModelSection(java.util.function.Consumer<ModelSectionView> action) {
        if (vm.current() == null) {
            vm.sectionProperty().set(Section.AUTOENCODER);
        }
        action.accept(switch (vm.sectionProperty().get()) {
            case VAE -> vaeView;
            case GAN -> ganView;
            case VQVAE -> vqvaeView;
            default -> autoencoderView;
        });
    }

    private void about() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle(i18n.get("menu.help.about"));
        alert.setHeaderText(i18n.get("app.title") + " " + AppInfo.version());
        alert.setContentText(i18n.get("about.text"));
        alert.show();
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

package org.latentexplorer.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.EventTarget;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.latentexplorer.data.CurvesCsv;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.ImageFiles;
import org.latentexplorer.data.Raster;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * Saving what a view shows: an image grid, plane or chart as PNG, a chart's curves as CSV, the GAN timeline as GIF.
 * A view calls {@link #install} once, saying what it is called and which data it shows; each part that can be saved
 * offers its formats ({@link #offer}); a right click on the part opens a menu of them. Files are written on a
 * background thread and the user is told when each is saved, or why not, in their language.
 */
public final class Export {
    /** The file formats, each with its menu text, chooser title and filter under {@code export.<extension>...}. */
    public enum Format {
        PNG, CSV, GIF;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Writes a file on the export thread. */
    @FunctionalInterface
    public interface FileWrite {
        void write(Path file) throws DataException;
    }

    /** Gathers what to save (on the FX thread) and writes it in the background; the future completes with the file. */
    @FunctionalInterface
    public interface Save {
        CompletableFuture<Path> to(Path file);
    }

    /**
     * One entry of a part's menu: its format, a name for the file ({@code null}: the part's id), whether there is
     * anything to save now, and how.
     */
    public record Action(Format format, String name, BooleanSupplier available, Save save) {
    }

    /** What an installed view tells every part inside it: the language, the files' prefix and the data shown. */
    private record Context(I18n i18n, String prefix, Supplier<String> dataset) {
    }

    private static final String ACTIONS = Export.class.getName() + ".actions";
    private static final String CONTEXT = Export.class.getName() + ".context";
    /** One file at a time, for the app's whole life, so encoding never holds up the window. */
    private static final Background WRITER = Background.thread("export", Platform::runLater);

    private Export() {
    }

    /**
     * Gives the saveable parts inside {@code view} their right-click menu. Files are named {@code prefix-part-data}
     * (e.g. {@code vae-latent-plane-mnist.png}), the data's part left out when {@code dataset} is null or gives null.
     */
    public static void install(Node view, I18n i18n, String prefix, Supplier<String> dataset) {
        view.getProperties().put(CONTEXT, new Context(i18n, prefix, dataset));
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            Node part = offering(e.getTarget());
            if (part != null && showMenu(part, e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
    }

    public static void install(Node view, I18n i18n, String prefix) {
        install(view, i18n, prefix, null);
    }

    /** The data set a training view shows, for its files' names. */
    public static Supplier<String> dataOf(TrainingViewModel vm) {
        return () -> vm.datasetProperty().get() == null ? null : vm.datasetProperty().get().spec();
    }

    /** Adds an entry to the part's menu. */
    public static void offer(Node part, Action action) {
        actions(part).add(action);
    }

    /** Offers the part as a PNG picture of what it shows. */
    public static void offerImage(Node part) {
        offerImage(part, null);
    }

    /**
     * Offers as PNG only the area of the part that holds its picture ({@code area} gives it in the part's own
     * coordinates, or null for all of it), for a part that leaves room around what it draws.
     */
    public static void offerImage(Node part, Supplier<Rectangle2D> area) {
        offer(part, new Action(Format.PNG, null, () -> true, file -> png(part, area == null ? null : area.get(), file)));
    }

    /**
     * Offers a chart as PNG and some of its series as CSV, one column each under a name that stays the same in every
     * language, beside the x values' column.
     */
    public static void offerChart(javafx.scene.chart.XYChart<Number, Number> chart, String xColumn,
            Map<String, javafx.scene.chart.XYChart.Series<Number, Number>> columns) {
        offerImage(chart);
        offer(chart, new Action(Format.CSV, null, () -> true, file -> {
            List<CurvesCsv.Curve> data = new ArrayList<>();
            columns.forEach((name, series) -> data.add(curve(name, series.getData())));
            return inBackground(file, f -> CurvesCsv.write(f, xColumn, data));
        }));
    }

    /** A series' points as they are now, as a CSV column. UI thread. */
    static CurvesCsv.Curve curve(String column, List<javafx.scene.chart.XYChart.Data<Number, Number>> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).getXValue().doubleValue();
            y[i] = points.get(i).getYValue().doubleValue();
        }
        return new CurvesCsv.Curve(column, x, y);
    }

    /** The entries a part offers, in menu order. */
    @SuppressWarnings("unchecked")
    public static List<Action> actions(Node part) {
        return (List<Action>) part.getProperties().computeIfAbsent(ACTIONS, k -> new ArrayList<Action>());
    }

    /** The nearest node from the event's target up that offers something to save. */
    private static Node offering(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getProperties().get(ACTIONS) instanceof List<?> offered && !offered.isEmpty()) {
                return n;
            }
        }
        return null;
    }

    private static Context context(Node part) {
        for (Node n = part; n != null; n = n.getParent()) {
            if (n.getProperties().get(CONTEXT) instanceof Context c) {
                return c;
            }
        }
        return null;
    }

    /** The part's menu, or null when it offers nothing or sits in no installed view. */
    static ContextMenu menu(Node part) {
        Context c = context(part);
        List<Action> actions = actions(part);
        if (c == null || actions.isEmpty()) {
            return null;
        }
        ContextMenu menu = new ContextMenu();
        for (Action a : actions) {
            MenuItem item = new MenuItem(c.i18n().get("export." + a.format().extension()));
            item.setId("export-" + a.format().extension());
            item.setDisable(!a.available().getAsBoolean());
            item.setOnAction(e -> saveAs(part, a));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Opens the part's menu at a point on the screen; false when it has none. */
    static boolean showMenu(Node part, double screenX, double screenY) {
        ContextMenu menu = menu(part);
        if (menu == null) {
            return false;
        }
        menu.show(part, screenX, screenY);
        return true;
    }

    /** Asks where to save (suggesting a name that says what it is), saves, and tells the user how it went. */
    public static void saveAs(Node part, Action action) {
        Context c = context(part);
        Window owner = part.getScene() == null ? null : part.getScene().getWindow();
        if (c == null || owner == null) {
            return;
        }
        Path file = FileDialogs.saveExport(owner, c.i18n(), action.format().extension(), fileName(part, action));
        if (file != null) {
            action.save().to(file).whenComplete((saved, error) -> WRITER.ui(() -> report(owner, c.i18n(), file, error)));
        }
    }

    private static void report(Window owner, I18n i18n, Path file, Throwable error) {
        if (error == null) {
            toast(owner, i18n.get("export.saved", file.getFileName()));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("export.failed"));
        alert.setHeaderText(null);
        alert.setContentText(i18n.describe(error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error));
        alert.show();
    }

    /**
     * A short note at the foot of the window that goes by itself (or on a click), in fixed colours that read on the
     * light and the dark theme alike.
     */
    private static void toast(Window owner, String text) {
        Label note = new Label(text);
        note.setId("export-toast");
        note.setStyle("-fx-background-color: rgba(32, 32, 32, 0.92); -fx-text-fill: white; -fx-padding: 10 18;"
                + " -fx-background-radius: 6;");
        Popup popup = new Popup();
        popup.getContent().add(note);
        popup.setAutoHide(true);
        note.setOnMouseClicked(e -> popup.hide());
        popup.show(owner);
        popup.setX(owner.getX() + (owner.getWidth() - popup.getWidth()) / 2);
        popup.setY(owner.getY() + owner.getHeight() - popup.getHeight() - 56);
        PauseTransition linger = new PauseTransition(Duration.seconds(4));
        linger.setOnFinished(e -> popup.hide());
        linger.play();
    }

    /** {@code prefix-part-data.extension}, the prefix not repeated when the part's id already starts with it. */
    public static String fileName(Node part, Action action) {
        Context c = context(part);
        String what = action.name() != null ? action.name() : part.getId() != null ? part.getId() : "image";
        String prefix = c == null ? "" : c.prefix();
        StringBuilder name = new StringBuilder(prefix.isEmpty() || what.startsWith(prefix + "-") ? what : prefix + "-" + what);
        String data = c == null || c.dataset() == null ? null : c.dataset().get();
        if (data != null && !stem(data).isEmpty()) {
            name.append('-').append(stem(data));
        }
        return name.append('.').append(action.format().extension()).toString();
    }

    /** A data set's short name for a file name: a bundled set's id, or an opened file's name without its extensions. */
    public static String stem(String spec) {
        String name = spec.substring(Math.max(spec.lastIndexOf('/'), spec.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Runs a write on the export thread, one file at a time, so encoding never holds up the window. */
    public static CompletableFuture<Path> inBackground(Path file, FileWrite write) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        WRITER.run(() -> {
            try {
                write.write(file);
                done.complete(file);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Saves a PNG of the node as it looks now, axes and legend included. FX thread. */
    static CompletableFuture<Path> png(Node node, Path file) {
        return png(node, null, file);
    }

    /** Saves a PNG of an area of the node (in its own coordinates; null: all of it). FX thread. */
    static CompletableFuture<Path> png(Node node, Rectangle2D area, Path file) {
        Raster picture = snapshot(node, area);
        return inBackground(file, f -> ImageFiles.writePng(f, picture));
    }

    /**
     * The node's pixels, or those of an area of it, at the screen's scale (crisp on a high-DPI display), over the
     * colour behind it. FX thread.
     */
    static Raster snapshot(Node node, Rectangle2D area) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(backdrop(node));
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        double sx = w == null ? 1 : w.getOutputScaleX();
        double sy = w == null ? 1 : w.getOutputScaleY();
        params.setTransform(Transform.scale(sx, sy));
        WritableImage image = node.snapshot(params, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        Raster whole = new Raster(width, height, argb);
        if (area == null || area.getWidth() < 1 || area.getHeight() < 1) {
            return whole;
        }
        // The snapshot starts at the node's top left, as the area does; the crop keeps within the picture.
        return whole.crop((int) Math.floor(area.getMinX() * sx), (int) Math.floor(area.getMinY() * sy),
                (int) Math.ceil(area.getWidth() * sx), (int) Math.ceil(area.getHeight() * sy));
    }

    /** The first opaque background colour from the node up, so a transparent chart is saved on what it is seen on. */
    private static Paint backdrop(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color colour && colour.isOpaque()) {
                        return colour;
                    }
                }
            }
        }
        return Color.WHITE;
    }
}

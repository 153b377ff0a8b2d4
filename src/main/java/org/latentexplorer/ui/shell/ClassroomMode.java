package org.latentexplorer.ui.shell;

import java.util.EnumSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Classroom mode, for a projector: everything drawn larger ({@link #scaleProperty()} times the usual text, lines and
 * points), and the parts the teacher chose hidden so the section in view gets the room. No Node: the window reads it.
 */
public final class ClassroomMode {
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", Settings.Classroom.DEFAULT_SCALE);
    private final ObservableSet<ClassroomPart> hidden = FXCollections.observableSet(
            EnumSet.copyOf(Settings.Classroom.DEFAULT.hidden()));
    private final DoubleBinding presentationScale = Bindings.createDoubleBinding(() -> on.get() ? scale.get() : 1.0,
            on, scale);

    public ClassroomMode() {
        // Only the offered sizes: the layout was checked at those on a 1280 x 720 projector.
        scale.addListener((o, a, b) -> {
            if (!Settings.Classroom.SCALES.contains(b.doubleValue())) {
                scale.set(Settings.Classroom.DEFAULT_SCALE);
            }
        });
    }

    public BooleanProperty onProperty() { return on; }
    public DoubleProperty scaleProperty() { return scale; }
    /** What classroom mode hides; shown again outside it. */
    public ObservableSet<ClassroomPart> hidden() { return hidden; }

    /** How much larger things are drawn now: the scale in classroom mode, 1 outside it. */
    public DoubleBinding presentationScale() {
        return presentationScale;
    }

    /** Whether a part is hidden now (in classroom mode, and chosen). */
    public boolean hides(ClassroomPart part) {
        return on.get() && hidden.contains(part);
    }

    public void toggle() {
        on.set(!on.get());
    }

    Settings.Classroom settings() {
        return new Settings.Classroom(on.get(), scale.get(), hidden);
    }

    void restore(Settings.Classroom s) {
        on.set(s.on());
        scale.set(s.scale());
        hidden.retainAll(s.hidden());
        hidden.addAll(s.hidden());
    }
}

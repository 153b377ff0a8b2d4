package org.latentexplorer.ui.shell;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the app remembers between runs. A field that is null was not remembered (first run, or a value the file got
 * wrong): the app keeps its default for it.
 *
 * @param language the UI language's code, e.g. "ja"
 * @param threads the ND4J thread count every model section trains with
 * @param section the section in view
 * @param darkTheme the dark theme rather than the light one
 * @param datasets each model section's data set, by its model kind's id
 * @param window the window's place and size
 * @param classroom classroom mode and the teacher's choices for it
 */
public record Settings(String language, Integer threads, Section section, Boolean darkTheme,
        Map<String, Data> datasets, Window window, Classroom classroom) {
    public static final Settings NONE = new Settings(null, null, null, null, null, null, null);

    public Settings {
        Map<String, Data> valid = new LinkedHashMap<>();
        if (datasets != null) {
            datasets.forEach((kind, data) -> {
                if (kind != null && data != null && data.spec() != null && !data.spec().isBlank()) {
                    valid.put(kind, data);
                }
            });
        }
        datasets = java.util.Collections.unmodifiableMap(valid);
        window = window != null && window.isValid() ? window : null;
        threads = threads != null && threads >= 1 ? threads : null;
    }

    /** A data set: a bundled one's id, or an IDX images file's path with its labels file's path (or null). */
    public record Data(String spec, String labels) {
    }

    /** The window's bounds while neither maximized nor full screen, and whether it was maximized. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
        boolean isValid() {
            return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                    && width > 0 && height > 0;
        }
    }

    /**
     * @param on whether classroom mode is on
     * @param scale how much larger text, lines and points are drawn in classroom mode
     * @param hidden what classroom mode hides
     */
    public record Classroom(boolean on, double scale, Set<ClassroomPart> hidden) {
        /** The sizes offered: larger than 1.75 and a 1280 x 720 projector runs out of room. */
        public static final java.util.List<Double> SCALES = java.util.List.of(1.25, 1.5, 1.75);
        public static final double DEFAULT_SCALE = 1.5;
        public static final Classroom DEFAULT = new Classroom(false, DEFAULT_SCALE,
                EnumSet.of(ClassroomPart.NAVIGATION, ClassroomPart.INSPECTOR, ClassroomPart.EXPLANATIONS));

        public Classroom {
            scale = SCALES.contains(scale) ? scale : DEFAULT_SCALE;
            EnumSet<ClassroomPart> parts = EnumSet.noneOf(ClassroomPart.class);
            if (hidden != null) {
                hidden.stream().filter(Objects::nonNull).forEach(parts::add);
            }
            hidden = java.util.Collections.unmodifiableSet(parts);
        }
    }
}

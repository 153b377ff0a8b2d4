package org.latentexplorer.ui.shell;

/**
 * What the teacher may hide in classroom mode. Each part is found by its style class or id in app.css, where a
 * pseudo-class on the window's root hides it (not visible and not managed, so the section gets the room).
 */
public enum ClassroomPart {
    /** The chapter's sections on the left. */
    NAVIGATION("navigation"),
    /** The settings and training panels on the right of each section. */
    INSPECTOR("inspector"),
    /** The explanatory paragraphs and tips. */
    EXPLANATIONS("explanations"),
    /** The model diagrams and the loss formulas with their live terms. */
    FORMULAS("formulas"),
    /** The status bar at the bottom. */
    STATUS_BAR("statusBar"),
    /** The menu bar: its shortcuts keep working. */
    MENU_BAR("menuBar");

    private final String id;

    ClassroomPart(String id) {
        this.id = id;
    }

    /** The root's pseudo-class that hides this part, e.g. "hide-navigation". */
    public String pseudoClass() {
        return "hide-" + id.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
        return "classroom.hide." + id;
    }
}

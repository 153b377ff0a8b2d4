package org.latentexplorer.ui.widgets;

import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.latentexplorer.ui.base.LatentPoints;

/**
 * The latent plane's mouse and keys: a left press or drag moves the cursor and a left click picks a point, a left drag
 * that starts on the drawing's marker moves the marker with the cursor on it (so its code is decoded), a right or
 * middle drag pans, the wheel zooms about the mouse, a double click fits the points, the arrow keys nudge the cursor.
 * Nothing happens while the plane is not interactive.
 */
final class LatentPlaneGestures {
    private static final double ZOOM_PER_NOTCH = 1.15;
    private static final double PICK_RADIUS = 6;
    private static final double CLICK_SLOP = 4;
    private static final double NUDGE = 0.01;
    /** How near (in pixels at scale 1) a press must be to the marker to grab it. */
    private static final double MARKER_GRAB = 12;

    private enum Gesture { CURSOR, MARKER, PAN }

    private final LatentPlane plane;
    private Gesture gesture;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean movedSincePress;
    /** Where the marker sat from the mouse when grabbed (pixels), so it does not jump under the mouse. */
    private double grabX;
    private double grabY;

    private LatentPlaneGestures(LatentPlane plane) {
        this.plane = plane;
    }

    static void install(LatentPlane plane) {
        LatentPlaneGestures g = new LatentPlaneGestures(plane);
        plane.addEventHandler(MouseEvent.MOUSE_PRESSED, g::pressed);
        plane.addEventHandler(MouseEvent.MOUSE_DRAGGED, g::dragged);
        plane.addEventHandler(MouseEvent.MOUSE_RELEASED, g::released);
        plane.addEventHandler(MouseEvent.MOUSE_CLICKED, g::clicked);
        plane.addEventHandler(ScrollEvent.SCROLL, g::scrolled);
        plane.addEventHandler(KeyEvent.KEY_PRESSED, g::keyPressed);
        plane.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, g::menuRequested);
    }

    private boolean interactive() {
        return plane.interactiveProperty().get();
    }

    private void pressed(MouseEvent e) {
        if (!interactive()) {
            return;
        }
        plane.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        movedSincePress = false;
        if (e.getButton() == MouseButton.PRIMARY && onMarker(e.getX(), e.getY())) {
            gesture = Gesture.MARKER;
            grabX = plane.toScreenX(plane.markerXProperty().get()) - e.getX();
            grabY = plane.toScreenY(plane.markerYProperty().get()) - e.getY();
            moveMarkerTo(e.getX(), e.getY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.CURSOR;
            moveCursorTo(e.getX(), e.getY());
        } else {
            // Every press starts afresh, so a release lost outside the window cannot leave a gesture stuck.
            boolean pan = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE;
            gesture = pan ? Gesture.PAN : null;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!interactive() || gesture == null) {
            return;
        }
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= CLICK_SLOP) {
            movedSincePress = true;
        }
        if (gesture == Gesture.CURSOR) {
            moveCursorTo(e.getX(), e.getY());
        } else if (gesture == Gesture.MARKER) {
            moveMarkerTo(e.getX(), e.getY());
        } else {
            // The latent point under the mouse travels with it.
            Viewport moved = plane.view().panned(e.getX() - lastX, e.getY() - lastY);
            plane.centerXProperty().set(moved.centerX());
            plane.centerYProperty().set(moved.centerY());
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void released(MouseEvent e) {
        if (gesture == null || !gestureButton(e.getButton())) {
            return;
        }
        if (gesture == Gesture.CURSOR && !movedSincePress && interactive()) {
            plane.selectedIndexProperty().set(nearestPoint(pressX, pressY));
        }
        if (gesture == Gesture.PAN && e.getButton() == MouseButton.SECONDARY && !movedSincePress) {
            Export.showMenu(plane, e.getScreenX(), e.getScreenY());
        }
        gesture = null;
        e.consume();
    }

    private boolean gestureButton(MouseButton b) {
        return gesture != Gesture.PAN ? b == MouseButton.PRIMARY
                : b == MouseButton.SECONDARY || b == MouseButton.MIDDLE;
    }

    /**
     * A right drag pans an interactive plane, so its export menu opens on a right click that did not move (see
     * {@link #released}) rather than on the platform's request at the press; the keyboard's menu key still opens it.
     */
    private void menuRequested(ContextMenuEvent e) {
        if (interactive() && !e.isKeyboardTrigger()) {
            e.consume();
        }
    }

    private void clicked(MouseEvent e) {
        if (interactive() && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                && e.isStillSincePress()) {
            plane.fitToPoints();
            e.consume();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (!interactive() || e.getDeltaY() == 0) {
            return;
        }
        // Wheel up (positive delta) zooms in, as in map viewers; the latent point under the mouse stays put.
        // Delta over multiplier counts wheel notches (fractions from touchpads) whatever pixels a platform uses.
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
        double span = LatentPlane.clampSpan(plane.span() * Math.pow(ZOOM_PER_NOTCH, -notches));
        Viewport zoomed = plane.view().zoomedAbout(e.getX(), e.getY(), plane.span() / span);
        plane.setView(zoomed.centerX(), zoomed.centerY(), span);
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (!interactive()) {
            return;
        }
        double step = NUDGE * plane.span();
        switch (e.getCode()) {
            case LEFT -> nudge(-step, 0);
            case RIGHT -> nudge(step, 0);
            case UP -> nudge(0, step);
            case DOWN -> nudge(0, -step);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(double dx, double dy) {
        // A hidden (NaN) cursor reappears at the centre of the view.
        double x = plane.cursorXProperty().get();
        double y = plane.cursorYProperty().get();
        plane.cursorXProperty().set((Double.isFinite(x) ? x : plane.centerXProperty().get()) + dx);
        plane.cursorYProperty().set((Double.isFinite(y) ? y : plane.centerYProperty().get()) + dy);
    }

    private void moveCursorTo(double px, double py) {
        Viewport v = plane.view();
        plane.cursorXProperty().set(v.toPlaneX(px));
        plane.cursorYProperty().set(v.toPlaneY(py));
    }

    private boolean onMarker(double px, double py) {
        double x = plane.toScreenX(plane.markerXProperty().get());
        double y = plane.toScreenY(plane.markerYProperty().get());
        return Math.hypot(x - px, y - py) <= MARKER_GRAB * Presentation.scale();
    }

    /** The marker to where it was grabbed from the mouse, and the cursor onto it: its code is decoded as it moves. */
    private void moveMarkerTo(double px, double py) {
        Viewport v = plane.view();
        double x = v.toPlaneX(px + grabX);
        double y = v.toPlaneY(py + grabY);
        plane.markerXProperty().set(x);
        plane.markerYProperty().set(y);
        plane.cursorXProperty().set(x);
        plane.cursorYProperty().set(y);
    }

    /** The point nearest to the screen position within the pick radius, or -1. */
    private int nearestPoint(double px, double py) {
        LatentPoints p = plane.pointsProperty().get();
        Viewport v = plane.view();
        int best = -1;
        double bestDist = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0, n = p == null ? 0 : p.size(); i < n; i++) {
            double dx = v.toScreenX(p.x()[i]) - px;
            double dy = v.toScreenY(p.y()[i]) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestDist) {
                bestDist = d;
                best = i;
            }
        }
        return best;
    }
}

package org.latentexplorer.ui.widgets;

import javafx.scene.layout.Region;

/**
 * Holds a node that changes many times a second while training (a live chart, the step counter, the speed) so
 * that its relayout stays inside it. The node is unmanaged, which makes it a layout root: JavaFX lays it out on
 * its own instead of re-measuring every ancestor and their wrapped text on each change (measured under Xvfb with
 * the pulse logger: such passes took 30-130 ms of a pulse while the autoencoder trained). Its size is still the
 * node's own: after each layout pass the wrapper checks whether the node's minimum or preferred size changed
 * (a longer number, another language) and only then lays out its ancestors again.
 */
final class LayoutRoot extends Region {
    private final Region content;
    private final Runnable sizeCheck = this::checkSize;
    /** The node's sizes at the last check. */
    private double seenMinWidth = -1;
    private double seenPrefWidth = -1;
    private double seenPrefHeight = -1;

    private LayoutRoot(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        // Layout constraints (grow, margins) set on the node before it was wrapped apply to the wrapper.
        getProperties().putAll(content.getProperties());
        setMaxWidth(Double.MAX_VALUE);
        sceneProperty().addListener((o, before, after) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(sizeCheck);
            }
            if (after != null) {
                after.addPostLayoutPulseListener(sizeCheck);
            }
        });
    }

    private void checkSize() {
        double mw = content.minWidth(-1);
        double pw = content.prefWidth(-1);
        double ph = content.prefHeight(-1);
        if (mw != seenMinWidth || pw != seenPrefWidth || ph != seenPrefHeight) {
            seenMinWidth = mw;
            seenPrefWidth = pw;
            seenPrefHeight = ph;
            requestLayout();
        }
    }

    /** The node, laid out on its own. */
    static LayoutRoot of(Region content) {
        return new LayoutRoot(content);
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}

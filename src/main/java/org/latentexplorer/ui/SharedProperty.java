package org.latentexplorer.ui;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A property the UI thread writes and a background worker reads. JavaFX properties belong to the UI thread, so the
 * value is also kept in a volatile field for {@link #seen()}; it is refreshed before any listener hears of a change,
 * so a job that a listener hands to the worker already reads the new value.
 */
final class SharedProperty<T> extends SimpleObjectProperty<T> {
    private volatile T seen;

    SharedProperty(Object bean, String name, T initial) {
        super(bean, name, initial);
        seen = initial;
    }

    @Override
    protected void invalidated() {
        seen = get();
    }

    /** The value; callable from any thread. */
    T seen() {
        return seen;
    }

    /** The same for a whole number. */
    static final class OfInt extends SimpleIntegerProperty {
        private volatile int seen;

        OfInt(Object bean, String name, int initial) {
            super(bean, name, initial);
            seen = initial;
        }

        @Override
        protected void invalidated() {
            seen = get();
        }

        /** The value; callable from any thread. */
        int seen() {
            return seen;
        }
    }

    /** The same for a decimal. */
    static final class OfDouble extends SimpleDoubleProperty {
        private volatile double seen;

        OfDouble(Object bean, String name, double initial) {
            super(bean, name, initial);
            seen = initial;
        }

        @Override
        protected void invalidated() {
            seen = get();
        }

        /** The value; callable from any thread. */
        double seen() {
            return seen;
        }
    }
}

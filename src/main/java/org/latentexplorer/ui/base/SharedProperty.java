package org.latentexplorer.ui.base;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A property the UI thread writes and a background worker reads. JavaFX properties belong to the UI thread, so the
 * value is also kept in a volatile field for {@link #seen()}; it is refreshed before any listener hears of a change,
 * so a job that a listener hands to the worker already reads the new value.
 */
public final class SharedProperty<T> extends SimpleObjectProperty<T> {
    private volatile T seen;

    public SharedProperty(Object bean, String name, T initial) {
        super(bean, name, initial);
        seen = initial;
    }

    @Override
    protected void invalidated() {
        seen = get();
    }

    /** The value; callable from any thread. */
    public T seen() {
        return seen;
    }

    /** The same for a whole number. */
    public static final class OfInt extends SimpleIntegerProperty {
        private volatile int seen;

        public OfInt(Object bean, String name, int initial) {
            super(bean, name, initial);
            seen = initial;
        }

        @Override
        protected void invalidated() {
            seen = get();
        }

        /** The value; callable from any thread. */
        public int seen() {
            return seen;
        }
    }

    /** The same for a decimal. */
    public static final class OfDouble extends SimpleDoubleProperty {
        private volatile double seen;

        public OfDouble(Object bean, String name, double initial) {
            super(bean, name, initial);
            seen = initial;
        }

        @Override
        protected void invalidated() {
            seen = get();
        }

        /** The value; callable from any thread. */
        public double seen() {
            return seen;
        }
    }
}

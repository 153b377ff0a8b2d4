package org.latentexplorer.ui.base;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import org.latentexplorer.i18n.Messages;

/** The UI's current language as a property: every text binds to it, so switching language relabels the window at once. */
public final class I18n {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    /** Shared: background work formats messages too. */
    private final SharedProperty<Locale> locale = new SharedProperty<>(this, "locale", Locale.ENGLISH);

    public I18n(Locale initial) {
        setLocale(initial);
    }

    /** Japanese when the system is Japanese, English otherwise. */
    public static Locale systemDefault() {
        return Locale.getDefault().getLanguage().equals(Locale.JAPANESE.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The language in use; callable from any thread. */
    public Locale getLocale() {
        return locale.seen();
    }

    public void setLocale(Locale l) {
        locale.set(SUPPORTED.stream().filter(s -> s.getLanguage().equals(l.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH));
    }

    /** A message in the language in use; callable from any thread. */
    public String get(String key, Object... args) {
        return Messages.format(locale.seen(), key, args);
    }

    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A text whose arguments are live values, e.g. "epoch {0} of {1}". */
    public StringBinding text(String key, ObservableValue<?>... args) {
        ObservableValue<?>[] deps = new ObservableValue<?>[args.length + 1];
        System.arraycopy(args, 0, deps, 0, args.length);
        deps[args.length] = locale;
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].getValue();
            }
            return get(key, values);
        }, deps);
    }

    public String describe(Throwable error) {
        return Messages.describe(locale.seen(), error);
    }
}

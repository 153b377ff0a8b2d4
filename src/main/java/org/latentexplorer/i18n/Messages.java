package org.latentexplorer.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The app's resource bundles (English and Japanese), shared by the UI and the command line. */
public final class Messages {
    public static final String BUNDLE = "org.latentexplorer.i18n.messages";
    public static final Locale JAPANESE = Locale.JAPANESE;

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        // Without this control an English user on a Japanese system would get Japanese: the root bundle is English.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        // Always through MessageFormat, so quoting rules ('') are the same with or without arguments.
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    /** The user-facing text of any error: localized where the error knows its key, else its own message. */
    public static String describe(Locale locale, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Localizable l) {
                return l.localized(locale);
            }
        }
        String detail = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        // Settings are checked where they are used and refused with IllegalArgumentException: a bad value, not a fault.
        return format(locale, error instanceof IllegalArgumentException ? "error.invalidSetting" : "error.unexpected", detail);
    }
}

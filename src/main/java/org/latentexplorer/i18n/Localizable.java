package org.latentexplorer.i18n;

/** An error or message the user reads: a bundle key and its arguments, so each layer can say it in the user's language. */
public interface Localizable {
    String messageKey();

    Object[] args();

    /** The message in the given locale, falling back to English. */
    default String localized(java.util.Locale locale) {
        return Messages.format(locale, messageKey(), args());
    }
}

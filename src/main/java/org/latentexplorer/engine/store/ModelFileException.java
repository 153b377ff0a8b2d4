package org.latentexplorer.engine.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.latentexplorer.i18n.Localizable;
import org.latentexplorer.i18n.Messages;

/**
 * A model file that cannot be opened or written: one clear message that names the file. An argument that is itself
 * {@link Localizable} (the model error inside an experiment file's) is shown in the same language as the message.
 */
public final class ModelFileException extends IOException implements Localizable {
    private final String messageKey;
    private final Object[] args;

    public ModelFileException(String messageKey, String englishMessage, Throwable cause, Object... args) {
        super(englishMessage, cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** An error whose English message is the root bundle's text for the key. */
    static ModelFileException of(String messageKey, Throwable cause, Object... args) {
        return new ModelFileException(messageKey, format(Locale.ENGLISH, messageKey, args), cause, args);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String localized(Locale locale) {
        return format(locale, messageKey, args);
    }

    private static String format(Locale locale, String key, Object[] args) {
        Object[] shown = Arrays.stream(args).map(a -> a instanceof Localizable l ? l.localized(locale) : a).toArray();
        return Messages.format(locale, key, shown);
    }
}

package org.latentexplorer.data;

import java.io.IOException;
import java.util.Locale;
import org.latentexplorer.i18n.Localizable;
import org.latentexplorer.i18n.Messages;

/**
 * A data file that cannot be used, with a message the user can act on. The key and arguments let
 * the UI show the message in its own language ({@link #localized(Locale)}); {@link #getMessage()} is
 * the English text, from the root bundle.
 */
public final class DataException extends IOException implements Localizable {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    /**
     * @param messageKey resource-bundle key in {@link Messages#BUNDLE}, e.g. {@code data.error.badMagic}
     * @param args       pattern arguments; the first is always the file name
     */
    public DataException(String messageKey, Object... args) {
        super(Messages.format(Locale.ENGLISH, messageKey, args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}

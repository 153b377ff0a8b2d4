package org.latentexplorer.engine;

import java.io.IOException;
import org.latentexplorer.i18n.Localizable;

/** A model file that cannot be opened or written: one clear message that names the file. */
public final class ModelFileException extends IOException implements Localizable {
    private final String messageKey;
    private final Object[] args;

    public ModelFileException(String messageKey, String englishMessage, Throwable cause, Object... args) {
        super(englishMessage, cause);
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

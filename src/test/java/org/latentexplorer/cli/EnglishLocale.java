package org.latentexplorer.cli;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class with English as the default locale, so messages can be compared, then puts the old one back. */
final class EnglishLocale implements BeforeAllCallback, AfterAllCallback {
    private Locale saved;

    @Override
    public void beforeAll(ExtensionContext context) {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(saved);
    }
}

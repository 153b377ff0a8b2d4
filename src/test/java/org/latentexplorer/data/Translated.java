package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.latentexplorer.i18n.Localizable;
import org.latentexplorer.i18n.Messages;

/** Checks that a message the user reads exists in both languages and says what it must in each. */
public final class Translated {
    private Translated() {
    }

    /**
     * The UI and the command line show the message in the user's language from the resource bundles: the key must be
     * in both, the English text is the exception's own message, and both name what the first argument names (the file
     * or the option), the Japanese one in a real translation.
     */
    public static <T extends Throwable & Localizable> T inBothLanguages(T e) {
        assertThat(e).isNotNull();
        String named = String.valueOf(e.args()[0]);
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle japanese = Messages.bundle(Locale.JAPANESE);
        assertThat(english.containsKey(e.messageKey())).as("%s in the English bundle", e.messageKey()).isTrue();
        assertThat(japanese.containsKey(e.messageKey())).as("%s in the Japanese bundle", e.messageKey()).isTrue();
        // Differing from the root bundle's text rules out the Japanese bundle just inheriting the English.
        assertThat(japanese.getString(e.messageKey())).isNotEqualTo(english.getString(e.messageKey()));

        assertThat(e.getMessage()).isEqualTo(e.localized(Locale.ENGLISH)).contains(named);
        assertThat(e.localized(Locale.JAPANESE)).contains(named).isNotEqualTo(e.getMessage());
        return e;
    }
}

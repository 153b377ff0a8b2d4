package org.latentexplorer.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.DataException;

/** Checks over every key of both bundles, so it keeps holding as keys are added. */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");
    /** A lower-case word: a value holding one is a sentence to translate, not a name like "MNIST". */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{3,}\\b");

    /** One language's file alone, without the root bundle as parent, so its key set is its own keys only. */
    private static ResourceBundle ownBundle(Locale locale) throws IOException, ReflectiveOperationException {
        ResourceBundle bundle = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)
                .newBundle(Messages.BUNDLE, locale, "java.properties", MessagesTest.class.getClassLoader(), false);
        assertThat(bundle).as("bundle file for locale '%s'", locale).isNotNull();
        return bundle;
    }

    private static ResourceBundle english() throws Exception {
        return ownBundle(Locale.ROOT);
    }

    private static ResourceBundle japanese() throws Exception {
        return ownBundle(Locale.JAPANESE);
    }

    private static Set<String> arguments(String pattern) {
        Set<String> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            indices.add(m.group(1));
        }
        return indices;
    }

    private static boolean hasJapanese(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HAN;
        });
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Set<String> englishKeys = english().keySet();
        Set<String> japaneseKeys = japanese().keySet();
        assertThat(englishKeys).isNotEmpty();
        assertThat(japaneseKeys).as("keys of the English bundle missing from the Japanese one")
                .containsAll(englishKeys);
        assertThat(englishKeys).as("keys of the Japanese bundle missing from the English one")
                .containsAll(japaneseKeys);
    }

    @Test
    void everyValueIsAValidPattern() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            ResourceBundle bundle = ownBundle(locale == Locale.ENGLISH ? Locale.ROOT : locale);
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                assertThat(value).as("%s (%s)", key, locale).isNotBlank();
                assertThatCode(() -> new MessageFormat(value, locale)).as("%s (%s): %s", key, locale, value)
                        .doesNotThrowAnyException();
                // A lone quote starts a quoted run that silently hides the placeholders after it.
                assertThat(value.replace("''", "")).as("%s (%s): single quotes must be doubled ('')", key, locale)
                        .doesNotContain("'");
                if (arguments(value).isEmpty()) {
                    // Without arguments the text may be shown as it stands, so it must read the same either way.
                    assertThat(Messages.format(locale, key)).as("%s (%s)", key, locale)
                            .isEqualTo(new MessageFormat(value, locale).format(new Object[0]));
                }
            }
        }
    }

    @Test
    void translationsUseTheSamePlaceholders() throws Exception {
        ResourceBundle english = english();
        ResourceBundle japanese = japanese();
        for (String key : english.keySet()) {
            if (japanese.containsKey(key)) {
                assertThat(arguments(japanese.getString(key))).as(key)
                        .isEqualTo(arguments(english.getString(key)));
            }
        }
    }

    @Test
    void japaneseValuesAreInJapanese() throws Exception {
        ResourceBundle english = english();
        ResourceBundle japanese = japanese();
        List<String> checked = new ArrayList<>();
        List<String> notJapanese = new ArrayList<>();
        for (String key : japanese.keySet()) {
            String value = japanese.getString(key);
            boolean sameAsEnglish = english.containsKey(key) && value.equals(english.getString(key));
            if (sameAsEnglish && !ENGLISH_WORD.matcher(value).find()) {
                continue; // a name or a number, e.g. "MNIST", the same in both languages
            }
            checked.add(key);
            if (!hasJapanese(value)) {
                notJapanese.add(key + "=" + value);
            }
        }
        assertThat(checked).isNotEmpty();
        assertThat(notJapanese.size()).as("Japanese values without Japanese text: %s", notJapanese)
                .isLessThanOrEqualTo(checked.size() / 5);
    }

    @Test
    void englishIsTheRootBundleEvenOnAJapaneseSystem() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            ResourceBundle.clearCache();
            assertThat(Messages.bundle(Locale.ENGLISH).getLocale()).isEqualTo(Locale.ROOT);
            assertThat(Messages.bundle(Locale.JAPANESE).getLocale()).isEqualTo(Locale.JAPANESE);
            assertThat(Messages.format(Locale.ENGLISH, "model.error.missing", "a.lem"))
                    .isEqualTo("Model file not found: a.lem");
            assertThat(Messages.format(Locale.JAPANESE, "model.error.missing", "a.lem"))
                    .isEqualTo("モデルファイルが見つかりません: a.lem");
            // A language with no bundle of its own gets English, not the system's Japanese.
            assertThat(Messages.bundle(Locale.FRENCH).getLocale()).isEqualTo(Locale.ROOT);
        } finally {
            Locale.setDefault(saved);
            ResourceBundle.clearCache();
        }
    }

    @Test
    void stepNumbersHaveNoThousandsSeparators() {
        assertThat(Messages.format(Locale.ENGLISH, "train.error.diverged", 12345, 12000))
                .contains("step 12345.", "step 12000.");
        assertThat(Messages.format(Locale.JAPANESE, "train.error.diverged", 12345, 12000))
                .contains("12345", "12000");
    }

    @Test
    void describeGivesTheLocalizedTextOfALocalizableError() {
        DataException error = new DataException("data.error.noLabels", "x-images-idx3-ubyte");
        String english = Messages.describe(Locale.ENGLISH, error);
        String japanese = Messages.describe(Locale.JAPANESE, error);

        assertThat(english).isEqualTo(error.getMessage())
                .isEqualTo("No labels file found for x-images-idx3-ubyte: choose one (an IDX labels file, "
                        + "magic number 0x00000801).");
        assertThat(japanese).contains("x-images-idx3-ubyte").isNotEqualTo(english);
        assertThat(hasJapanese(japanese)).isTrue();
        // Found as the cause of a wrapping error too.
        assertThat(Messages.describe(Locale.JAPANESE, new RuntimeException("wrapper", error))).isEqualTo(japanese);
    }

    @Test
    void describeGivesTheUnexpectedErrorTextForAnyOtherError() {
        RuntimeException error = new RuntimeException("x");
        assertThat(Messages.describe(Locale.ENGLISH, error))
                .isEqualTo(Messages.format(Locale.ENGLISH, "error.unexpected", "x"))
                .isEqualTo("Something went wrong: x");
        assertThat(Messages.describe(Locale.JAPANESE, error))
                .isEqualTo(Messages.format(Locale.JAPANESE, "error.unexpected", "x"))
                .contains("x")
                .isNotEqualTo(Messages.describe(Locale.ENGLISH, error));
    }

    @Test
    void aRefusedSettingReadsAsABadValueNotAFault() {
        IllegalArgumentException e = new IllegalArgumentException("epochs must be between 1 and 10000, got -1");
        assertThat(Messages.describe(Locale.ENGLISH, e)).isEqualTo("Invalid setting: epochs must be between 1 and 10000, got -1");
        assertThat(Messages.describe(Locale.JAPANESE, e)).startsWith("設定値が正しくありません").contains("got -1");
    }
}

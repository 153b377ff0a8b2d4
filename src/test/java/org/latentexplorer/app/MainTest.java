package org.latentexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final String[] BARE = {};
    private static final String[] FILE = {"/home/me/ring unrolled.lexp"};

    private static UnaryOperator<String> env(Map<String, String> variables) {
        return variables::get;
    }

    @Test
    void theWindowOpensBareOrOnOneExperimentFileAndEverythingElseIsTheCommandLine() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"/home/me/ring unrolled.lexp"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"C:\\Users\\me\\RUN.LEXP"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"train"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"eval", "run.lexp"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"models/ae-mnist.zip"})).isFalse();
    }

    @Test
    void onLinuxWithoutDisplayOrWaylandOneLineSaysADisplayIsNeededAndTheCommandLineIsNot() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            String bare = Main.noDisplay(BARE, env(Map.of()), "Linux", false);
            assertThat(bare).isEqualTo("The window needs a display, and none was found; the command line works without"
                    + " one: java -jar target/latent-explorer.jar help");
            assertThat(bare.lines()).hasSize(1);
            // An empty variable is no display either, and the file the window was to open is named.
            assertThat(Main.noDisplay(FILE, env(Map.of("DISPLAY", "")), "Linux", true))
                    .startsWith("The window needs a display to open /home/me/ring unrolled.lexp,")
                    .contains("java -jar target/latent-explorer.jar help");
            Locale.setDefault(Locale.JAPANESE);
            assertThat(Main.noDisplay(FILE, env(Map.of()), "Linux", true))
                    .contains("/home/me/ring unrolled.lexp", "ディスプレイ", "java -jar target/latent-explorer.jar help");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aDisplayOnLinuxIsEitherVariableAndAWTsFlagDecidesElsewhere() {
        // AWT counts a Wayland-only session as headless: the variables decide on Linux.
        assertThat(Main.noDisplay(BARE, env(Map.of("DISPLAY", ":0")), "Linux", false)).isNull();
        assertThat(Main.noDisplay(BARE, env(Map.of("WAYLAND_DISPLAY", "wayland-0")), "Linux", true)).isNull();
        assertThat(Main.noDisplay(BARE, env(Map.of()), "Windows 11", false)).isNull();
        assertThat(Main.noDisplay(BARE, env(Map.of()), "Mac OS X", false)).isNull();
        assertThat(Main.noDisplay(FILE, env(Map.of()), "Mac OS X", true)).contains("ring unrolled.lexp");
    }
}

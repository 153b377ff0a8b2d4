package org.latentexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void theWindowOpensBareOrOnOneExperimentFileAndEverythingElseIsTheCommandLine() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"/home/me/ring unrolled.lexp"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"C:\\Users\\me\\RUN.LEXP"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"train"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"eval", "run.lexp"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"models/ae-mnist.zip"})).isFalse();
    }
}

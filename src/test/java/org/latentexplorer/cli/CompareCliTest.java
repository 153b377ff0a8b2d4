package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.ganlab.LabStage;

/** {@code compare} as a script sees it: one JSON line per chosen variant, or one clear line on stderr. */
@ExtendWith(EnglishLocale.class)
class CompareCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void printsOneJsonLinePerChosenVariantWithEveryMetric() throws Exception {
        CliTest.Run run = CliTest.run("compare", "--stage", "mode_collapse", "--steps", "30", "--seeds", "1",
                "--variants", "vanilla_minimax,wgan");
        assertThat(run.status()).as("%s", run).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(2);
        String[] ids = {"vanilla_minimax", "wgan"};
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("stage").asText()).isEqualTo("mode_collapse");
            assertThat(line.get("variant").asText()).isEqualTo(ids[i]);
            assertThat(line.get("data").asText()).isEqualTo("ring");
            assertThat(line.get("seeds").asInt()).isEqualTo(1);
            assertThat(line.get("steps").asInt()).isEqualTo(30);
            assertThat(line.get("modes").asInt()).isEqualTo(8);
            assertThat(line.get("modes_covered")).hasSize(1);
            assertThat(line.get("modes_covered_mean").asDouble()).isBetween(0.0, 8.0);
            assertThat(line.get("modes_covered_min").asInt()).isBetween(0, 8);
            assertThat(line.get("high_quality_mean").asDouble()).isBetween(0.0, 1.0);
            assertThat(line.get("jsd_mean").asDouble()).isBetween(0.0, Math.log(2));
            assertThat(line.get("emd_mean").asDouble()).isPositive();
            assertThat(line.get("steps_per_second").asDouble()).isPositive();
            assertThat(line.get("g_grad_norm_start").asDouble()).isPositive();
            assertThat(line.get("g_grad_norm_end").asDouble()).isPositive();
            // No head start on this stage, so nothing at its end.
            assertThat(line.get("head_start").asInt()).isZero();
            assertThat(line.has("g_grad_norm_head_start_end")).isFalse();
        }
        // A critic's value is no probability: only the GAN's line has D(G(z)).
        assertThat(JSON.readTree(lines.get(0)).get("d_fake_end").asDouble()).isBetween(0.0, 1.0);
        assertThat(JSON.readTree(lines.get(1)).has("d_fake_end")).isFalse();
    }

    @Test
    void bothStagesByDefaultEachWithItsOwnVariants() throws Exception {
        CliTest.Run run = CliTest.run("compare", "--steps", "3", "--seeds", "2", "--threads", "1");
        assertThat(run.status()).as("%s", run).isZero();
        List<String> expected = new ArrayList<>();
        for (LabStage stage : LabStage.values()) {
            stage.variants().forEach(v -> expected.add(stage.id() + " " + v.id()));
        }
        List<String> got = new ArrayList<>();
        for (String l : run.outLines()) {
            JsonNode line = JSON.readTree(l);
            got.add(line.get("stage").asText() + " " + line.get("variant").asText());
            assertThat(line.get("seeds").asInt()).isEqualTo(2);
            assertThat(line.get("modes_covered")).hasSize(2);
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void oneStageWithChosenVariants() throws Exception {
        CliTest.Run run = CliTest.run("compare", "--stage", "VANISHING_GRADIENT", "--steps", "4", "--seeds", "1",
                "--variants", "small_d_dropout,wgan_gp", "--head-start", "2");
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.outLines()).hasSize(2);
        JsonNode line = JSON.readTree(run.outLines().get(0));
        assertThat(line.get("stage").asText()).isEqualTo("vanishing_gradient");
        assertThat(line.get("variant").asText()).isEqualTo("small_d_dropout");
        assertThat(line.get("steps").asInt()).isEqualTo(4);
        assertThat(line.get("head_start").asInt()).isEqualTo(2);
        assertThat(line.get("g_grad_norm_head_start_end").asDouble()).isPositive();
        assertThat(line.get("g_grad_norm_head_start_end_mean").asDouble()).isPositive();
        assertThat(line.get("g_grad_norm_end_mean").asDouble()).isPositive();
        assertThat(line.get("d_fake_head_start_end").asDouble()).isBetween(0.0, 1.0);
        assertThat(line.get("d_fake_end").asDouble()).isBetween(0.0, 1.0);
        assertThat(JSON.readTree(run.outLines().get(1)).get("variant").asText()).isEqualTo("wgan_gp");
    }

    @Test
    void theGridHasTwentyFiveModes() throws Exception {
        CliTest.Run run = CliTest.run("compare", "--data", "grid", "--steps", "5", "--seeds", "2", "--variants",
                "vanilla_non_saturating", "--threads", "1");
        assertThat(run.status()).as("%s", run).isZero();
        JsonNode line = JSON.readTree(run.outLines().get(0));
        assertThat(line.get("modes").asInt()).isEqualTo(25);
        assertThat(line.get("modes_covered")).hasSize(2);
    }

    @Test
    void badOptionsFailWithOneClearLine() {
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--variants", "vanilla_minimax,nonsense"), "'nonsense'",
                "unrolled");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--data", "spiral"), "--data", "'spiral'");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--steps", "0"), "--steps", "0");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--seeds", "-2"), "--seeds", "-2");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--threads", "0"), "--threads");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--head-start", "-1"), "--head-start", "-1");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--stage", "collapse"), "--stage", "'collapse'",
                "mode_collapse, vanishing_gradient");
        CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--stage", ""), "--stage", "vanishing_gradient");
    }

    @Test
    void badOptionsAreRefusedInTheUsersLanguage() {
        Locale.setDefault(Locale.JAPANESE);
        try {
            CliTest.assertOneCleanErrorLine(CliTest.run("compare", "--variants", "nonsense"), "'nonsense'", "比較対象");
        } finally {
            Locale.setDefault(Locale.ENGLISH);
        }
    }
}

package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config records to manifest hyper-parameters and back: snake_case names, enum ids, and plain refusals. */
class HyperParametersTest {
    /** A config of the kinds of value the models' configs hold. */
    public record Sample(int inputSize, int[] hidden, double learningRate, long seed, boolean restartDeadCodes,
            GeneratorLoss generatorLoss) {
        public Sample {
            if (inputSize < 1) {
                throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
            }
        }
    }

    private static Map<String, Object> valid() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_size", 784);
        m.put("hidden", List.of(512, 256));
        m.put("learning_rate", 1e-3);
        m.put("seed", 42L);
        m.put("restart_dead_codes", true);
        m.put("generator_loss", "non_saturating");
        return m;
    }

    @Test
    void aConfigIsItsComponentsBySnakeCaseNameWithEnumsByTheirIds() {
        Map<String, Object> m = HyperParameters.of(new Sample(784, new int[] {512, 256}, 1e-3, 42, true,
                GeneratorLoss.NON_SATURATING));
        assertThat(m).containsExactlyEntriesOf(valid());
        Sample back = HyperParameters.read(m, Sample.class);
        assertThat(back.hidden()).containsExactly(512, 256);
        assertThat(back.generatorLoss()).isEqualTo(GeneratorLoss.NON_SATURATING);
        assertThat(back.seed()).isEqualTo(42L);
    }

    @Test
    void withChangesOnlyTheNamedOnes() {
        Sample defaults = HyperParameters.read(valid(), Sample.class);
        Sample changed = HyperParameters.with(defaults, Map.of("generator_loss", "minimax", "seed", 7));
        assertThat(changed.generatorLoss()).isEqualTo(GeneratorLoss.MINIMAX);
        assertThat(changed.seed()).isEqualTo(7L);
        assertThat(changed.learningRate()).isEqualTo(1e-3);
    }

    @Test
    void aMissingOrMistypedValueIsNamedAndTheRecordsOwnChecksKeepTheirWords() {
        Map<String, Object> missing = valid();
        missing.remove("hidden");
        assertThatThrownBy(() -> HyperParameters.read(missing, Sample.class))
                .hasMessage("hyper-parameter 'hidden' is missing");
        for (Object[] bad : new Object[][] {{"restart_dead_codes", "yes", "true or false"},
                {"seed", 1.5, "a whole number"}, {"input_size", "784", "a whole number"},
                {"learning_rate", "fast", "a number"}, {"hidden", "wide", "a list of numbers"}}) {
            Map<String, Object> m = valid();
            m.put((String) bad[0], bad[1]);
            assertThatThrownBy(() -> HyperParameters.read(m, Sample.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("hyper-parameter '" + bad[0] + "' must be " + bad[2]);
        }
        Map<String, Object> unknownLoss = valid();
        unknownLoss.put("generator_loss", "wasserstein");
        assertThatThrownBy(() -> HyperParameters.read(unknownLoss, Sample.class))
                .hasMessageContaining("wasserstein");
        Map<String, Object> refused = valid();
        refused.put("input_size", 0);
        assertThatThrownBy(() -> HyperParameters.read(refused, Sample.class))
                .hasMessage("input size must be at least 1, got 0");
    }
}

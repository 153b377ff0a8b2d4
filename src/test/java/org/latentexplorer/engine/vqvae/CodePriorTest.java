package org.latentexplorer.engine.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodePriorTest {
    private static final int SIDE = 5;
    private static final int K = 6;
    private static final double STAY = 0.85;

    private static int[][] train;
    private static int[][] heldOut;
    private static CodePrior perPosition;
    private static CodePrior autoregressive;

    /**
     * Maps with spatial structure a per-position model cannot see: the first code of each row is uniform, each next one
     * repeats its left neighbour with probability {@value #STAY}, else is uniform.
     */
    private static int[][] markovMaps(int n, long seed) {
        Random random = new Random(seed);
        int[][] maps = new int[n][SIDE * SIDE];
        for (int[] map : maps) {
            for (int p = 0; p < map.length; p++) {
                boolean rowStart = p % SIDE == 0;
                map[p] = !rowStart && random.nextDouble() < STAY ? map[p - 1] : random.nextInt(K);
            }
        }
        return maps;
    }

    @BeforeAll
    static void fit() {
        train = markovMaps(2000, 1);
        heldOut = markovMaps(500, 2);
        perPosition = CodePrior.fitPerPosition(train, SIDE, SIDE, K);
        autoregressive = CodePrior.fitAutoregressive(train, SIDE, SIDE, K, CodePrior.Training.defaults(3));
    }

    @Test
    void thePerPositionPriorIsTheAddOneSmoothedFrequencyAtEachPosition() {
        int[][] maps = {{0, 1, 1, 2}, {0, 1, 2, 2}, {0, 0, 2, 2}};
        CodePrior prior = CodePrior.fitPerPosition(maps, 2, 2, 3);
        // Position 1 holds code 0 once and code 1 twice in 3 maps: (1+1)/(3+3), (2+1)/(3+3), (0+1)/(3+3).
        assertThat(prior.conditional(new int[4], 1)).containsExactly(new double[] {2 / 6.0, 3 / 6.0, 1 / 6.0},
                within(1e-6));
        // Independent positions: nothing else a map holds changes a position's distribution.
        assertThat(prior.conditional(new int[] {2, 2, 2, 2}, 1)).containsExactly(prior.conditional(new int[4], 1),
                within(1e-12));
        // −log₂ p(map) sums the positions' terms: map {0, 1, 2, 2} has 4/6 · 3/6 · 3/6 · 4/6.
        double bits = -(Math.log(4 / 6.0) + Math.log(3 / 6.0) + Math.log(3 / 6.0) + Math.log(4 / 6.0)) / Math.log(2);
        assertThat(prior.negativeLogLikelihood(new int[][] {{0, 1, 2, 2}})).isCloseTo(bits, within(1e-5));
        assertThat(prior.kind()).isEqualTo(CodePrior.Kind.PER_POSITION);
    }

    @Test
    void theAutoregressivePriorNeedsFarFewerBitsOnHeldOutMapsThanTheBaseline() {
        double baseline = perPosition.negativeLogLikelihood(heldOut);
        double ar = autoregressive.negativeLogLikelihood(heldOut);
        // Independent uniform codes cost 25 log₂ 6 = 64.6 bits; the process itself has an entropy of 29.6 bits per map
        // (each row: log₂ 6 for its first code, 0.83 bits for each next one).
        assertThat(baseline).isCloseTo(SIDE * SIDE * Math.log(K) / Math.log(2), within(1.0));
        assertThat(ar).isLessThan(baseline - 25).isGreaterThan(29.0);
        // It generalises: held-out maps cost about what training maps do.
        assertThat(ar).isCloseTo(autoregressive.negativeLogLikelihood(train), within(1.5));
    }

    @Test
    void samplesFollowWhatEachPriorLearned() {
        int[][] fromAr = autoregressive.sample(400, new Random(5));
        int[][] fromBaseline = perPosition.sample(400, new Random(5));
        assertThat(repeatsOfLeftNeighbour(fromAr)).isCloseTo(STAY + (1 - STAY) / K, within(0.04));
        assertThat(repeatsOfLeftNeighbour(fromBaseline)).isCloseTo(1.0 / K, within(0.04));
        assertThat(Arrays.stream(fromAr).flatMapToInt(Arrays::stream).allMatch(c -> c >= 0 && c < K)).isTrue();
        // The same seed draws the same maps.
        assertThat(autoregressive.sample(3, new Random(8))).isDeepEqualTo(autoregressive.sample(3, new Random(8)));
    }

    private static double repeatsOfLeftNeighbour(int[][] maps) {
        long same = 0;
        long pairs = 0;
        for (int[] map : maps) {
            for (int p = 0; p < map.length; p++) {
                if (p % SIDE != 0) {
                    pairs++;
                    same += map[p] == map[p - 1] ? 1 : 0;
                }
            }
        }
        return (double) same / pairs;
    }

    @Test
    void aPositionSeesOnlyTheCodesBeforeItInRasterOrder() {
        int[] map = heldOut[0].clone();
        int position = 2 * SIDE + 2;
        double[] p = autoregressive.conditional(map, position);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
        for (int later = position; later < map.length; later++) {
            map[later] = (map[later] + 1) % K;
        }
        assertThat(autoregressive.conditional(map, position)).containsExactly(p, within(1e-12));
        map[position - 1] = (map[position - 1] + 1) % K;
        assertThat(autoregressive.conditional(map, position)).isNotEqualTo(p);
    }

    @Test
    void writeThenReadGivesTheSamePrior() throws IOException {
        for (CodePrior prior : new CodePrior[] {perPosition, autoregressive}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            prior.write(new DataOutputStream(bytes));
            CodePrior back = CodePrior.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(back.kind()).isEqualTo(prior.kind());
            assertThat(back.negativeLogLikelihood(heldOut)).isEqualTo(prior.negativeLogLikelihood(heldOut));
            assertThat(back.sample(5, new Random(1))).isDeepEqualTo(prior.sample(5, new Random(1)));

            byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
            assertThatThrownBy(() -> CodePrior.read(new DataInputStream(new ByteArrayInputStream(truncated))))
                    .isInstanceOf(IOException.class);
        }
        byte[] garbage = "not a prior at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CodePrior.read(new DataInputStream(new ByteArrayInputStream(garbage))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a code prior");
    }

    @Test
    void badMapsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> CodePrior.fitPerPosition(new int[][] {{0, 7}}, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code 7");
        assertThatThrownBy(() -> CodePrior.fitPerPosition(new int[][] {{0, 1, 2}}, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 codes");
        assertThatThrownBy(() -> CodePrior.fitPerPosition(new int[0][], 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> CodePrior.fitPerPosition(new int[][] {{0}}, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codebook size");
        assertThatThrownBy(() -> autoregressive.negativeLogLikelihood(new int[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodePrior.Kind.byId("pixelcnn")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("autoregressive");
    }
}

package org.latentexplorer.engine.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
    @Test
    void aPerfectMatchScoresOneWhateverTheClustersAreCalled() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2};
        int[] clusters = {7, 7, 3, 3, 5, 5, 5};
        assertThat(ClusterScores.purity(clusters, labels)).isEqualTo(1.0);
        assertThat(ClusterScores.normalizedMutualInformation(clusters, labels)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSmallCaseMatchesTheHandComputedScores() {
        int[] clusters = {0, 0, 0, 1, 1, 1};
        int[] labels = {0, 0, 1, 1, 1, 1};
        // Cluster 0 holds two 0s and one 1, cluster 1 three 1s: 5 of 6 rows carry their cluster's majority label.
        assertThat(ClusterScores.purity(clusters, labels)).isCloseTo(5.0 / 6, within(1e-12));
        // I = 1/3 ln 2 + 1/6 ln(1/2) + 1/2 ln(3/2); H(U) = ln 2; H(V) = −(1/3 ln 1/3 + 2/3 ln 2/3).
        double mutual = Math.log(2) / 3 + Math.log(0.5) / 6 + Math.log(1.5) / 2;
        double hu = Math.log(2);
        double hv = -(Math.log(1.0 / 3) / 3 + 2 * Math.log(2.0 / 3) / 3);
        double nmi = ClusterScores.normalizedMutualInformation(clusters, labels);
        assertThat(nmi).isCloseTo(mutual / ((hu + hv) / 2), within(1e-12)).isCloseTo(0.478704, within(1e-6));
        // Symmetric in its two arguments; purity is not.
        assertThat(ClusterScores.normalizedMutualInformation(labels, clusters)).isCloseTo(nmi, within(1e-12));
        assertThat(ClusterScores.purity(labels, clusters)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void randomClustersShareAlmostNoInformationWithTheLabels() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000;
        int[] clusters = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            clusters[i] = r.nextInt(10);
            labels[i] = r.nextInt(10);
        }
        assertThat(ClusterScores.normalizedMutualInformation(clusters, labels)).isBetween(0.0, 0.005);
        // Purity of random clusters is about the largest label's share, not 0: why NMI is shown beside it.
        assertThat(ClusterScores.purity(clusters, labels)).isBetween(0.1, 0.12);
    }

    @Test
    void oneClusterForEverythingHasTheMajorityShareAsPurityAndNoInformation() {
        int[] labels = {0, 1, 1, 2, 1};
        int[] oneCluster = {4, 4, 4, 4, 4};
        assertThat(ClusterScores.purity(oneCluster, labels)).isCloseTo(0.6, within(1e-12));
        assertThat(ClusterScores.normalizedMutualInformation(oneCluster, labels)).isEqualTo(0.0);
        // Two partitions of a single group each are the same partition.
        assertThat(ClusterScores.normalizedMutualInformation(oneCluster, new int[] {1, 1, 1, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void oneClusterPerRowIsPureButNotInformative() {
        int[] labels = {0, 0, 1, 1};
        int[] singletons = {0, 1, 2, 3};
        assertThat(ClusterScores.purity(singletons, labels)).isEqualTo(1.0);
        // I = ln 2, H(U) = ln 4, H(V) = ln 2: NMI = 2/3.
        assertThat(ClusterScores.normalizedMutualInformation(singletons, labels)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void scoresComeTogetherAndMismatchedOrEmptyInputIsRefused() {
        ClusterScores.Scores s = ClusterScores.Scores.of(new int[] {0, 0, 1}, new int[] {1, 1, 0});
        assertThat(s.purity()).isEqualTo(1.0);
        assertThat(s.nmi()).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> ClusterScores.purity(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 assignments but 1 labels");
        assertThatThrownBy(() -> ClusterScores.normalizedMutualInformation(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

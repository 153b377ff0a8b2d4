package org.latentexplorer.engine.gan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The timeline's schedule: dense where a GAN's samples change most, the last frame at the run's end. */
class SampleTimelineTest {
    @Test
    void framesAreDenseAtTheStartAndReachTheEndOfTheRun() {
        long total = 14_200;
        int frames = 240;
        assertThat(SampleTimeline.frameStep(0, frames, total)).isZero();
        assertThat(SampleTimeline.frameStep(frames - 1, frames, total)).isEqualTo(total);
        assertThat(SampleTimeline.frameStep(frames + 5, frames, total)).as("past the last frame").isEqualTo(total);
        long previousGap = 0;
        for (int i = 1; i < frames; i++) {
            long gap = SampleTimeline.frameStep(i, frames, total) - SampleTimeline.frameStep(i - 1, frames, total);
            assertThat(gap).as("frame %d", i).isPositive().isGreaterThanOrEqualTo(previousGap - 1);
            previousGap = gap;
        }
        // A quarter of the frames cover the first 1/16 of the run, where noise turns into digits.
        assertThat(SampleTimeline.frameStep(frames / 4, frames, total)).isLessThan(total / 15);
    }
}

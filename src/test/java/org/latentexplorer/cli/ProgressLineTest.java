package org.latentexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A line every few seconds of a long read, on a clock the test moves: none for a read faster than that. */
@ExtendWith(EnglishLocale.class)
class ProgressLineTest {
    @Test
    void printsTheShareReadOncePerIntervalAndNothingSooner() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(1_000);
        ProgressLine progress = new ProgressLine("train-images.gz", new PrintStream(err, true, StandardCharsets.UTF_8),
                now::get);

        progress.accept(0.1);
        now.addAndGet(ProgressLine.INTERVAL_NANOS - 1);
        progress.accept(0.2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        now.addAndGet(1);
        progress.accept(0.25);
        now.addAndGet(ProgressLine.INTERVAL_NANOS / 2);
        progress.accept(0.3);
        now.addAndGet(ProgressLine.INTERVAL_NANOS);
        progress.accept(0.72);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("train-images.gz: 25% read", "train-images.gz: 72% read");
    }
}

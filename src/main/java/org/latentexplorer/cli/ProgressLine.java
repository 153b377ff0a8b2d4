package org.latentexplorer.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;
import org.latentexplorer.i18n.Messages;

/**
 * How far a long read has come, as a line on stderr every few seconds (stdout is for results): reading a large data
 * set never looks like a hang, and one read in under the interval prints nothing.
 */
final class ProgressLine implements DoubleConsumer {
    static final long INTERVAL_NANOS = 3_000_000_000L;

    private final String name;
    private final PrintStream err;
    private final LongSupplier clock;
    private long last;

    ProgressLine(String name) {
        this(name, System.err, System::nanoTime);
    }

    /** @param clock nanoseconds, like {@link System#nanoTime} */
    ProgressLine(String name, PrintStream err, LongSupplier clock) {
        this.name = name;
        this.err = err;
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    @Override
    public void accept(double fraction) {
        long now = clock.getAsLong();
        if (now - last >= INTERVAL_NANOS) {
            err.println(Messages.format(Locale.getDefault(), "data.progress", name, fraction));
            last = now;
        }
    }
}

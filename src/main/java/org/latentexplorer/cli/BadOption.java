package org.latentexplorer.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.latentexplorer.i18n.Localizable;
import org.latentexplorer.i18n.Messages;

/**
 * A refused command-line value, said in the user's language. The commands check every value they are given before
 * any work starts, with these checks, so nothing is trained, read or written on a value that would fail later.
 */
final class BadOption extends IllegalArgumentException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    /** @param args the pattern's arguments; the first is the option (or the word) refused */
    BadOption(String key, Object... args) {
        super(Messages.format(Locale.ENGLISH, key, args));
        this.key = key;
        this.args = args.clone();
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The value, if it lies in [min, max]. */
    static int inRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadOption("cli.error.range", option, min, max, String.valueOf(value));
        }
        return value;
    }

    /** The value, if it is at least min: for a bound that is known only later. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new BadOption("cli.error.atLeast", option, min, String.valueOf(value));
        }
        return value;
    }

    /** The value, if it lies in [min, max]: never NaN or infinite. */
    static double inRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new BadOption("cli.error.range", option, min, max, String.valueOf(value));
        }
        return value;
    }

    /** The value, if it lies in (0, max]: a rate or a size that must not be 0. */
    static double positive(String option, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new BadOption("cli.error.positive", option, max, String.valueOf(value));
        }
        return value;
    }

    /** The constant whose id is {@code value} (in any case), or the ids to choose from. */
    static <E extends Enum<E>> E choice(String option, String value, E[] constants, Function<E, String> id) {
        for (E constant : constants) {
            if (id.apply(constant).equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new BadOption("cli.error.choice", option,
                Arrays.stream(constants).map(id).collect(Collectors.joining(", ")), value);
    }

    /**
     * What a comma-separated option names, read by {@code byId}, in the order given and each once; {@code all} when
     * the option is absent. "--option ," is an empty list, not a wish for all of them: refused, listing {@code known}.
     */
    static <E> List<E> listed(String option, List<String> given, List<E> all, String known, Function<String, E> byId) {
        if (given == null) {
            return all;
        }
        if (given.stream().allMatch(String::isBlank)) {
            throw new BadOption("cli.error.emptyList", option, known);
        }
        return given.stream().filter(id -> !id.isBlank()).map(byId).distinct().toList();
    }

    /** An option given with a kind that has no use for it: refused rather than silently ignored. */
    static BadOption notFor(String option, String kind) {
        return new BadOption("cli.error.notFor", option, kind);
    }
}

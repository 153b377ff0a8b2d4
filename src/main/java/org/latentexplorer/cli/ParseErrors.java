package org.latentexplorer.cli;

import java.util.Arrays;
import java.util.Locale;
import org.latentexplorer.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command line that does not parse (an unknown command or option, a missing one, a word where a number belongs):
 * one line in the user's language saying what is wrong, instead of picocli's English text and the whole usage screen.
 */
final class ParseErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(message(e, args, Locale.getDefault()));
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException e, String[] args, Locale locale) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            return command.getParent() == null
                    ? Messages.format(locale, "cli.error.unknownCommand", word,
                            String.join(", ", command.getSubcommands().keySet()))
                    : Messages.format(locale, "cli.error.unknownArgument", word, name);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            String label = label(missing);
            return given(label, args) ? Messages.format(locale, "cli.error.noValue", label)
                    : Messages.format(locale, "cli.error.needs", name, label);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            return Messages.format(locale, "cli.error.twice", label(o.getOverwritten()));
        }
        ArgSpec arg = e.getArgSpec();
        if (arg == null && e.getValue() != null && command.getParent() == null) {
            // "help nonsense": the help command names the word it could not find, with no option behind it.
            return Messages.format(locale, "cli.error.unknownCommand", e.getValue(),
                    String.join(", ", command.getSubcommands().keySet()));
        }
        if (arg != null && e.getValue() != null) {
            // A value picocli could not convert to the option's type.
            Class<?> type = arg.type();
            String key = type == int.class || type == Integer.class || type == long.class || type == Long.class
                    ? "cli.error.notWhole"
                    : type == double.class || type == Double.class ? "cli.error.notNumber" : "cli.error.badValue";
            return Messages.format(locale, key, label(arg), e.getValue());
        }
        return Messages.format(locale, "cli.error.usage", e.getMessage(), name);
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** Whether the option itself is on the command line, so what is missing is its value. */
    private static boolean given(String option, String[] args) {
        return option.startsWith("-") && Arrays.stream(args).anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }
}

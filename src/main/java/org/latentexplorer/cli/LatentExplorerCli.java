package org.latentexplorer.cli;

import java.util.Locale;
import org.latentexplorer.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless entry point: the same engine as the app, for training, evaluating and benchmarking models. */
@Command(name = "latent-explorer", mixinStandardHelpOptions = true, versionProvider = LatentExplorerCli.Version.class,
        description = "Train, evaluate and benchmark Latent Explorer's models without a window.",
        subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class, CompareCommand.class, SoakCommand.class,
                ExportDataCommand.class,
                CommandLine.HelpCommand.class})
public final class LatentExplorerCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new LatentExplorerCli());
        cli.setParameterExceptionHandler(new ParseErrors());
        // Expected failures (a bad file, a bad number) print one clear line in the user's language, never a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(Messages.describe(Locale.getDefault(), e));
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Latent Explorer " + org.latentexplorer.engine.core.AppInfo.version()};
        }
    }
}

package org.codeset.cli;

import java.io.PrintWriter;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.ConcurrentEditException;
import org.codeset.core.errors.EditRefusedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code codeset} command line: a thin layer over {@link org.codeset.core.Codesets}. Each
 * subcommand returns an exit code; only {@link #main} calls {@link System#exit}.
 *
 * <p>Exit codes: 0 success (warnings allowed), 1 validation errors or a refused edit, 2 bad usage
 * or an unreadable input. No stack trace reaches the user.
 */
@Command(name = "codeset", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Maintain medical code sets (procedure codes, modifiers, diagnoses, local charge codes) as YAML files"
                + " in git: validate them, edit them through the tool, release them as tags.",
            "",
            "A code-set repository holds schema/ and codesets/<id>/ (codeset.yaml and code files). Run a command"
                + " inside it, or point at it with --repo DIR."},
        subcommands = {ValidateCli.class, InitCli.class, NewCli.class, AddCli.class,
            SetCli.class, RelateCli.class, UnrelateCli.class, DeprecateCli.class,
            RetireCli.class, RemoveCli.class, ShowCli.class, SearchCli.class,
            FmtCli.class, ReleaseCli.class, ReleasesCli.class, HistoryCli.class, PullCli.class, DiffCli.class,
            ImportCli.class, ExportCli.class, RulesCli.class, WarmUpCli.class,
            LspCli.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success (warnings allowed)",
            "  1  validation errors, or a refused edit or release",
            "  2  bad usage, or an input that cannot be read",
            "",
            "Run 'codeset help <command>' for a command's options."})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line with the process's standard streams. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof EditRefusedException refused) {
                for (org.codeset.core.finding.Finding f : refused.findings()) {
                    commandLine.getOut().println(f);
                }
                commandLine.getOut().flush();
                err.println("codeset: " + ex.getMessage());
                return FINDINGS;
            }
            if (ex instanceof ConcurrentEditException) {
                err.println("codeset: " + ex.getMessage());
                return FINDINGS;
            }
            if (ex instanceof CodesetException) {
                err.println("codeset: " + ex.getMessage());
                return USAGE;
            }
            err.println("codeset: internal error: " + ex + " (please report it; set CODESET_DEBUG=1 for details)");
            if (System.getenv("CODESET_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return USAGE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("codeset: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return USAGE;
        });
        return cl;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"codeset " + version()};
        }
    }

    /** The hidden --stats line: the steps' times, then how long the JVM has been up. */
    static void printStats(java.io.PrintWriter err, Object steps) {
        err.printf("stats: %s; JVM up %d ms%n", steps, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

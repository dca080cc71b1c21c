package org.codeset.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.finding.Severity;
import org.codeset.core.report.ReportFormat;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.workspace.ValidateCommand;
import org.codeset.core.workspace.Workspace;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Check every code set against its JSON Schema and the rules.",
            "",
            "Run 'codeset rules' for the rules. Each finding names the file, line and column:",
            "",
            "  <file>:<line>:<col>: <severity> [<rule-id>] <message>",
            "",
            "The repository's own schema/ is used where present, else the bundled one.",
            "A summary goes to standard error, findings to standard output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  codeset validate                         the repository in the current folder",
            "  codeset validate --repo ../terminology --format sarif > findings.sarif",
            "  codeset validate --strict                fail on warnings too (for CI)",
            "",
            "Exit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict),",
            "2 bad usage or a repository that cannot be read."})
final class ValidateCli implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--strict", description = "Treat warnings as failures (exit 1).")
    boolean strict;

    @Option(names = "--codeset", paramLabel = "ID",
            description = "Report only this code set's findings (all are still loaded, for cross-references).")
    String codeset;

    @Option(names = "--no-cache",
            description = "Parse every file, ignoring and not writing the parse cache in .codeset/cache/.")
    boolean noCache;

    @Option(names = "--stats", hidden = true, description = "Print timings and peak heap to standard error.")
    boolean stats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Workspace workspace = noCache ? Workspace.open(repo.repo) : Workspace.openCached(repo.repo);
        if (codeset != null && workspace.model().codeSet(codeset) == null) {
            err.println("codeset: no code set '" + codeset + "' in " + workspace.root() + "; it has: "
                    + String.join(", ", workspace.model().codeSets().stream().map(Object::toString).toList()));
            return Main.USAGE;
        }
        long t1 = System.nanoTime();
        ValidateCommand command = Codesets.on(workspace).validate();
        if (codeset != null) {
            command.codeset(codeset);
        }
        ValidationResult result = command.call();
        workspace.saveResults();
        long t2 = System.nanoTime();
        format.write(result, workspace.rules().all(), Main.version(), out);
        err.printf("%d code set%s, %d file%s, %,d codes: %d error%s, %d warning%s%n",
                result.codeSets(), plural(result.codeSets()), result.files(), plural(result.files()), result.codes(),
                result.errors(), plural(result.errors()), result.warnings(), plural(result.warnings()));
        if (stats) {
            err.printf("stats: load %.0f ms, validate %.0f ms, peak heap %.0f MB%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    peakHeap() / 1048576.0);
        }
        if (result.errors() > 0 || (strict && result.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING))) {
            return Main.FINDINGS;
        }
        return Main.OK;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

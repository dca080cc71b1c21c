package org.codeset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.interchange.ExportCommand;
import org.codeset.core.interchange.Progress;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset export: a code set as FHIR, CSV or JSON. */
// not mixinStandardHelpOptions: its --version (the tool's) would clash with the export's --version
@Command(name = "export",
        description = {"Export a code set as FHIR, CSV or JSON.", "",
            "From the working tree, or with --version from a release tag (read from git, no checkout). FHIR is an R4"
                + " CodeSystem; codes with mappings also give a ConceptMap, written beside --out as"
                + " <name>.conceptmap.json.",
            "Example: codeset export radiology --version 1.2.0 --format fhir --out radiology.json"})
final class ExportCli implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Mixin
    RepoOption repo;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--version", paramLabel = "X.Y.Z", description = "A released version (default: the working tree).")
    String version;

    @Option(names = "--format", defaultValue = "fhir", paramLabel = "FORMAT", description = "fhir (default), csv or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Codesets codesets = Codesets.openCached(repo.repo);
        Progress progress = TerminalProgress.on(err);
        ExportCommand.Result r = codesets.export().codeset(id).version(version).format(format).progress(progress).call();
        TerminalProgress.clear(progress, err);
        ExportWriter.write(r.export(), out, spec, r.codeset() + " " + r.version() + " (" + r.from() + ")");
        return Main.OK;
    }
}

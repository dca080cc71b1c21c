package org.codeset.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.interchange.ExportSource;
import org.codeset.core.interchange.Interchange;
import org.codeset.core.interchange.Progress;
import org.codeset.core.io.AtomicFiles;
import org.codeset.core.release.PullCommand;
import org.codeset.core.report.DeltaReport;
import org.codeset.core.report.Report;
import org.codeset.core.report.SnapshotReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset pull: fetches a release from a remote, verifies it and writes it, or the change since an earlier one. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch a release from a remote, verify it and write it out.", "",
            "The downstream side. Fetches only the needed tags from any remote (a path, file://, git://,"
                + " http(s)://) into a cache, reads the release from the tag's tree without a work tree, verifies"
                + " it (the tag exists, is annotated, never moved, its files match the SHA-256 manifest in its message,"
                + " and its tree validates), and writes the code set"
                + " as JSON, CSV or a FHIR CodeSystem; with --since, the change since that version instead (as codeset diff writes it).",
            "Example: codeset pull https://git.example.org/terminology.git radiology@latest --since 1.2.0 --out delta.json"})
final class PullCli implements Callable<Integer> {
    enum Format { JSON, CSV, FHIR }

    @Parameters(index = "0", paramLabel = "REMOTE")
    String remote;

    @Parameters(index = "1", paramLabel = "ID[@VERSION]", description = "VERSION defaults to latest.")
    String ref;

    @Option(names = "--since", paramLabel = "VERSION", description = "Write the change since this version.")
    String since;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json, csv, or fhir (a FHIR R4 CodeSystem, as export writes it).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "The release cache (default: ~/.cache/codeset/remotes).")
    Path cache;

    @Option(names = "--stats", hidden = true, description = "Print the time of each step on standard error.")
    boolean stats;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        var pull = new PullCommand().remote(remote).codeset(id)
                .version(at < 0 ? "latest" : ref.substring(at + 1)).since(since);
        if (cache != null) {
            pull.cache(cache);
        }
        if (format == Format.FHIR && since != null) {
            throw new InvalidArgumentException("--format fhir writes a whole release as a CodeSystem, not a change"
                    + " since another; use json or csv with --since");
        }
        var r = pull.call();
        if (format == Format.FHIR) {
            var export = Interchange.exporter("fhir").export(
                    new ExportSource(r.codeSet(), r.repository(), r.release().version().toString()), Progress.NONE);
            ExportWriter.write(export, out, spec, r.release().tag() + " from " + remote);
            return Main.OK;
        }
        Report report;
        if (r.delta() != null) {
            report = format == Format.CSV ? DeltaReport.csv(r.delta())
                    : DeltaReport.json(r.since().tag(), r.release().tag(), r.delta());
        } else {
            report = format == Format.CSV ? SnapshotReport.csv(r.codeSet()) : SnapshotReport.json(r.release(), r.codeSet());
        }
        if (out != null) {
            AtomicFiles.write(out, report.toBytes());
            spec.commandLine().getErr().println("pulled " + r.release().tag() + (r.since() == null ? "" : " (since "
                    + r.since().tag() + ")") + " from " + remote + " into " + out);
        } else {
            report.writeTo(spec.commandLine().getOut());
        }
        if (stats) {
            r.timings().lap("write");
            Main.printStats(spec.commandLine().getErr(), r.timings());
        }
        return Main.OK;
    }
}

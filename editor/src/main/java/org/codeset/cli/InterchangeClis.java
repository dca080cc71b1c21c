package org.codeset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.interchange.ApplyImportCommand;
import org.codeset.core.interchange.ExportCommand;
import org.codeset.core.interchange.Exporter;
import org.codeset.core.interchange.ImportCommand;
import org.codeset.core.interchange.Progress;
import org.codeset.core.finding.Finding;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** import and export: each builds one core command; formats are contributions found through ServiceLoader. */
final class InterchangeClis {
    private InterchangeClis() {
    }

    /** At most this many codes are listed per kind of change; the counts are always complete. */
    static final int LIST_LIMIT = 50;

    /** At most this many validation warnings are printed after an import; validate lists them all. */
    static final int WARNING_LIMIT = 10;

    /** Progress on standard error, only on a terminal: quiet in scripts and pipes. */
    static Progress progress(PrintWriter err) {
        if (System.console() == null) {
            return Progress.NONE;
        }
        return (phase, done, total) -> {
            err.print("\r" + phase + (done > 0 ? " " + done + (total > 0 ? "/" + total : "") : "") + " ...          ");
            err.flush();
        };
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Create or update a code set from a FHIR CodeSystem or a CSV file.", "",
                "A new code set is created; an existing one is updated through one validated edit: new codes added,"
                    + " displays, definitions, parents, properties and statuses changed, codes the file no longer lists"
                    + " retired (never deleted). What the repository format has no place for is reported as a warning."},
            subcommands = {FhirImportCli.class, CsvImportCli.class})
    static final class ImportCli implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** What both import formats share: --repo, --effective, --dry-run, how a result is printed. */
    abstract static class Imports implements Callable<Integer> {
        @CommandLine.Mixin
        RepoOption repo;

        @Option(names = "--effective", paramLabel = "DATE",
                description = "When new codes take effect and vanished ones are retired (default: the file's date, else today).")
        String effective;

        @Option(names = "--dry-run", description = "Validate the import and show what it would change; write nothing.")
        boolean dryRun;

        @Option(names = "--stats", hidden = true, description = "Print the time of each step on standard error.")
        boolean stats;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract ImportCommand command(Codesets codesets);

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportCommand.Result r;
            Progress progress = progress(err);
            org.codeset.core.io.Timings timings = stats ? org.codeset.core.io.Timings.detailed() : new org.codeset.core.io.Timings();
            try {
                Codesets codesets = Codesets.openCached(repo.repo);
                timings.lap("open");
                r = command(codesets).effective(effective).dryRun(dryRun).progress(progress).timings(timings).call();
            } finally {
                if (progress != Progress.NONE) {
                    err.print("\r" + " ".repeat(40) + "\r");
                    err.flush();
                }
            }
            out.println((dryRun ? "would " : "") + r.edit().summary().replaceFirst("^would ", ""));
            ApplyImportCommand.Changes c = r.changes();
            if (!c.created()) {
                list(out, "added", c.added());
                int shown = 0;
                for (Map.Entry<String, List<String>> e : c.changed().entrySet()) {
                    if (shown++ == LIST_LIMIT) {
                        out.println("  ... and " + (c.changed().size() - LIST_LIMIT) + " more changed");
                        break;
                    }
                    out.println("  changed " + quote(e.getKey()) + ": " + String.join(", ", e.getValue()));
                }
                list(out, "deprecated", c.deprecated());
                list(out, "retired", c.retired());
                list(out, "reactivated", c.reactivated());
            }
            if (!c.metadata().isEmpty()) {
                out.println("  changed in codeset.yaml: " + String.join(", ", c.metadata()));
            }
            if (!c.newProperties().isEmpty()) {
                out.println("  new properties: " + String.join(", ", c.newProperties()));
            }
            out.println("  " + (dryRun ? "would write " : "wrote ") + r.edit().files().size() + " file(s)"
                    + (r.edit().files().size() <= 5 ? (r.edit().files().isEmpty() ? "" : ": " + String.join(", ", r.edit().files())) : ""));
            for (String w : r.image().warnings()) {
                err.println("warning: " + w);
            }
            for (String n : r.edit().notes()) {
                err.println("note: " + n);
            }
            List<Finding> warnings = r.edit().newWarnings();
            for (int i = 0; i < Math.min(WARNING_LIMIT, warnings.size()); i++) {
                err.println(warnings.get(i));
            }
            if (warnings.size() > WARNING_LIMIT) {
                err.println("... and " + (warnings.size() - WARNING_LIMIT) + " more validation warnings (codeset validate lists them)");
            }
            if (stats) {
                err.printf("stats: %s; JVM up %d ms%n", timings,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
            return Main.OK;
        }

        private static void list(PrintWriter out, String what, List<String> codes) {
            for (int i = 0; i < codes.size(); i++) {
                if (i == LIST_LIMIT) {
                    out.println("  ... and " + (codes.size() - LIST_LIMIT) + " more " + what);
                    break;
                }
                out.println("  " + what + " " + quote(codes.get(i)));
            }
        }

        private static String quote(String code) {
            return "\"" + code.replace("\u00a0", "\\u00A0") + "\"";
        }
    }

    @Command(name = "fhir", mixinStandardHelpOptions = true,
            description = {"Import a FHIR R4/R5 CodeSystem (JSON).", "",
                "url becomes system; nested concepts and the parent/subsumedBy/child properties become parent;"
                    + " status/deprecated/retired/inactive become the status, notSelectable abstract; designations"
                    + " synonyms; other properties typed properties. Run again with a newer version to update.",
                "Example: codeset import fhir CodeSystem-v3-ActCode.json --id act-code"})
    static final class FhirImportCli extends Imports {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--id", paramLabel = "ID", description = "The code set's id (default: from the CodeSystem's id).")
        String id;

        @Override
        ImportCommand command(Codesets codesets) {
            return codesets.importer().format("fhir").file(file).id(id);
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = {"Import a CSV file with a header row (RFC 4180).", "",
                "Columns: code, display, definition, synonyms, status, effective, retired, abstract, parent, '-' to"
                    + " skip, any other name a property; several values joined by '|'. The file is the whole code set:"
                    + " codes it does not list are retired.",
                "Example: codeset import csv charges.csv charges --columns code,display,-,price"})
    static final class CsvImportCli extends Imports {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "ID")
        String id;

        @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "The columns, in order (default: the header row).")
        List<String> columns;

        @Option(names = "--title", paramLabel = "TEXT", description = "The title, when the code set is new.")
        String title;

        @Option(names = "--system", paramLabel = "URI", description = "The system URI, when the code set is new.")
        String system;

        @Override
        ImportCommand command(Codesets codesets) {
            return codesets.importer().format("csv").file(file).id(id).columns(columns).title(title).system(system);
        }
    }

    // not mixinStandardHelpOptions: its --version (the tool's) would clash with the export's --version
    @Command(name = "export",
            description = {"Export a code set as FHIR, CSV or JSON.", "",
                "From the working tree, or with --version from a release tag (read from git, no checkout). FHIR is an R4"
                    + " CodeSystem; codes with mappings also give a ConceptMap, written beside --out as"
                    + " <name>.conceptmap.json.",
                "Example: codeset export radiology --version 1.2.0 --format fhir --out radiology.json"})
    static final class ExportCli implements Callable<Integer> {
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
            Progress progress = progress(err);
            ExportCommand.Result r = codesets.export().codeset(id).version(version).format(format).progress(progress).call();
            if (progress != Progress.NONE) {
                err.print("\r" + " ".repeat(40) + "\r");
            }
            write(r.export(), out, spec, r.codeset() + " " + r.version() + " (" + r.from() + ")");
            return Main.OK;
        }
    }

    /** Writes an export's documents: the first to FILE or standard output, others beside FILE. */
    static void write(Exporter.Export export, Path out, CommandLine.Model.CommandSpec spec, String what) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Exporter.Document> docs = export.documents();
        if (out == null) {
            spec.commandLine().getOut().flush();
            System.out.flush();
            String text = new String(docs.get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8);
            spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
            spec.commandLine().getOut().flush();
            if (docs.size() > 1) {
                err.println("note: the " + docs.get(1).description() + " is written only with --out FILE");
            }
        } else {
            for (Exporter.Document d : docs) {
                Path target = d.suffix().isEmpty() ? out : sibling(out, d.suffix());
                org.codeset.core.io.AtomicFiles.write(target, d.bytes());
                err.println("exported " + what + " as " + d.description() + " to " + target);
            }
        }
        for (String w : export.warnings()) {
            err.println("warning: " + w);
        }
    }

    /** radiology.json with .conceptmap gives radiology.conceptmap.json. */
    static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sib = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return out.resolveSibling(sib);
    }
}

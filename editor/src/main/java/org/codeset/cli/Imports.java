package org.codeset.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.finding.Finding;
import org.codeset.core.interchange.ApplyImportCommand;
import org.codeset.core.interchange.ImportCommand;
import org.codeset.core.interchange.Progress;
import org.codeset.core.io.Timings;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What both import formats share: --repo, --effective, --dry-run, how a result is printed. */
abstract class Imports implements Callable<Integer> {
    /** At most this many codes are listed per kind of change; the counts are always complete. */
    static final int LIST_LIMIT = 50;

    /** At most this many validation warnings are printed after an import; validate lists them all. */
    static final int WARNING_LIMIT = 10;

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
        Progress progress = TerminalProgress.on(err);
        Timings timings = stats ? Timings.detailed() : new Timings();
        try {
            Codesets codesets = Codesets.openCached(repo.repo);
            timings.lap("open");
            r = command(codesets).effective(effective).dryRun(dryRun).progress(progress).timings(timings).call();
        } finally {
            TerminalProgress.clear(progress, err);
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
            Main.printStats(err, timings);
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

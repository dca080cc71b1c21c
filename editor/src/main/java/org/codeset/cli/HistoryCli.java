package org.codeset.cli;

import java.io.PrintWriter;

import org.codeset.core.diff.Action;
import org.codeset.core.history.CodeHistory;
import org.codeset.core.report.HistoryReport;
import org.codeset.core.workspace.Workspace;

import picocli.CommandLine.Command;

/** codeset history: the releases in which a code changed, and what changed. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show every release in which a code changed, and what changed.", "",
            "A per-code git log in terminology terms, read from the release tags; unreleased changes in the working"
                + " tree come last.",
            "Example: codeset history radiology 71010"})
final class HistoryCli extends CodeQueryCli {
    @Override
    public Integer call() throws Exception {
        Workspace w = Workspace.openCached(repo.repo);
        var steps = CodeHistory.of(w.root(), args.codeset, args.code,
                w.model().codeSet(args.codeset));
        PrintWriter out = spec.commandLine().getOut();
        if (format == TextOrJson.JSON) {
            HistoryReport.json(steps).writeTo(out);
            return Main.OK;
        }
        if (steps.isEmpty()) {
            spec.commandLine().getErr().println("no release of " + args.codeset + " changed code \"" + args.code + "\"");
        }
        for (var s : steps) {
            out.printf("%-24s %s %s  %s [%s]%n", s.release(), s.date().isEmpty() ? "          " : s.date(), s.action(),
                    s.display(), s.status());
            if (s.action() != Action.A) {
                DiffCli.printFields(out, s.fields());
            }
        }
        return Main.OK;
    }
}

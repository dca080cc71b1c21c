package org.codeset.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.query.CodeView;
import org.codeset.core.query.Search;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.report.CodeViewReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The read-only commands: show and search. */
final class QueryClis {
    private QueryClis() {
    }

    enum Format { TEXT, JSON }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a code and where it is used.", "",
                "Its entry, its parents and children, and every place in the repository that refers to it.",
                "Example: codeset show radiology 72040"})
    static final class ShowCli implements Callable<Integer> {
        @CommandLine.Mixin
        RepoOption repo;

        @CommandLine.Mixin
        CodeArgs args;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
        Format format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CodeView v = Codesets.openCached(repo.repo).show(args.codeset, args.code);
            PrintWriter out = spec.commandLine().getOut();
            CodeEntry e = v.entry();
            if (format == Format.JSON) {
                CodeViewReport.json(v).writeTo(out);
                return Main.OK;
            }
            out.printf("%s:%s  %s  [%s]%n", v.codeset(), e.code(), e.display(), e.status());
            out.printf("  defined at %s:%d%n", e.file().path(), e.node().line());
            field(out, "definition", e.node().text("definition"));
            field(out, "effective", e.node().text("effective"));
            field(out, "retired", e.node().text("retired"));
            List<String> replaced = e.relationTargets("replaced-by").stream().map(Object::toString).toList();
            if (!replaced.isEmpty()) {
                out.println("  replaced by: " + String.join(", ", replaced));
            }
            for (CodeView.Brief p : v.parents()) {
                out.printf("  parent:   %s  %s%n", p.code(), p.display());
            }
            for (CodeView.Brief c : v.children()) {
                out.printf("  child:    %s  %s%s%n", c.code(), c.display(), "active".equals(c.status()) ? "" : "  [" + c.status() + "]");
            }
            if (v.usedBy().isEmpty()) {
                out.println("  used by:  nothing else in the repository");
            }
            for (WhereUsed.Use u : v.usedBy()) {
                out.printf("  used by:  %s:%s (%s) at %s:%d:%d%n", u.codeset(), u.code(), u.how(), u.file(), u.line(), u.column());
            }
            return Main.OK;
        }

        private static void field(PrintWriter out, String name, String value) {
            if (value != null) {
                out.printf("  %s: %s%n", name, value);
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Find codes by code, display, synonyms or definition.", "",
                "Best first: exact code, code prefix, display, words of the display, synonyms, definition; active"
                    + " codes first.",
                "Example: codeset search 'cervical spine' --codeset radiology"})
    static final class SearchCli implements Callable<Integer> {
        @CommandLine.Mixin
        RepoOption repo;

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Option(names = "--codeset", paramLabel = "ID")
        String codeset;

        @Option(names = "--status", paramLabel = "STATUS", description = "active, deprecated or retired.")
        String status;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Search.Hit> hits = Codesets.openCached(repo.repo).search(text, codeset, status, limit);
            PrintWriter out = spec.commandLine().getOut();
            for (Search.Hit h : hits) {
                out.printf("%s:%s  %s%s%n", h.codeset(), h.code(), h.display(),
                        "active".equals(h.status()) ? "" : "  [" + h.status() + "]");
            }
            if (hits.isEmpty()) {
                spec.commandLine().getErr().println("no code matches '" + text + "'");
            }
            return Main.OK;
        }
    }
}

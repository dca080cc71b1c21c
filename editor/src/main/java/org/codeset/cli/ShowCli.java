package org.codeset.cli;

import java.io.PrintWriter;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.query.CodeView;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.report.CodeViewReport;

import picocli.CommandLine.Command;

/** codeset show: a code, its parents and children, and where it is used. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a code and where it is used.", "",
            "Its entry, its parents and children, and every place in the repository that refers to it.",
            "Example: codeset show radiology 72040"})
final class ShowCli extends CodeQueryCli {
    @Override
    public Integer call() throws Exception {
        CodeView v = Codesets.openCached(repo.repo).show(args.codeset, args.code);
        PrintWriter out = spec.commandLine().getOut();
        CodeEntry e = v.entry();
        if (format == TextOrJson.JSON) {
            CodeViewReport.json(v).writeTo(out);
            return Main.OK;
        }
        out.printf("%s:%s  %s  [%s]%n", v.codeset(), e.code(), e.display(), e.status());
        out.printf("  defined at %s:%d%n", e.file().path(), e.node().line());
        field(out, "definition", e.node().text("definition"));
        field(out, "effective", e.node().text("effective"));
        field(out, "retired", e.node().text("retired"));
        List<String> replaced = e.relationTargets(RelationType.REPLACED_BY).stream().map(Object::toString).toList();
        if (!replaced.isEmpty()) {
            out.println("  replaced by: " + String.join(", ", replaced));
        }
        for (CodeView.Brief p : v.parents()) {
            out.printf("  parent:   %s  %s%n", p.code(), p.display());
        }
        for (CodeView.Brief c : v.children()) {
            out.printf("  child:    %s  %s%s%n", c.code(), c.display(), Status.ACTIVE.text().equals(c.status()) ? "" : "  [" + c.status() + "]");
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

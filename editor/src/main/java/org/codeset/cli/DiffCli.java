package org.codeset.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.diff.Action;
import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.release.DiffCommand;
import org.codeset.core.report.DeltaReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset diff: the semantic change of a code set between two releases, or a release and the working tree. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show the semantic change of a code set between two releases.", "",
            "Between <id>@<version> and <id>@<version>, or the working tree (--working, the default): codes"
                + " added, changed (which fields, old and new), deprecated, retired, reactivated. Each code has an"
                + " action in the manner of CMS's quarterly HCPCS files: A add, S display change, C definition"
                + " change, B text and administrative change, F administrative change (deprecation, dates, parent,"
                + " properties, relations, mappings), T other (synonyms, note), D discontinue (with its replacement),"
                + " R reactivate. The summary names the semantic version bump the change requires.",
            "Example: codeset diff radiology@1.0.0 radiology@1.1.0 --format json"})
final class DiffCli implements Callable<Integer> {
    enum Format { TEXT, JSON, CSV }

    @CommandLine.Mixin
    RepoOption repo;

    @Parameters(index = "0", paramLabel = "ID@VERSION", description = "The older release (VERSION may be 'latest').")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID@VERSION", description = "The newer release.")
    String to;

    @Option(names = "--working", description = "Compare with the working tree (the default without a second release).")
    boolean working;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] a = split(from);
        String[] b = to == null ? null : split(to);
        if (b != null && !b[0].equals(a[0])) {
            throw new InvalidArgumentException("both sides must be releases of one code set: " + from + " and " + to);
        }
        if (b != null && working) {
            throw new InvalidArgumentException("give a second release or --working, not both");
        }
        // two releases are read from git objects alone; only a diff with the working tree loads it
        DiffCommand command = Codesets.openCached(repo.repo).diff();
        DiffCommand.Outcome o = command.codeset(a[0]).from(a[1]).to(b == null ? null : b[1]).call();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> DeltaReport.json(o.from(), o.to(), o.diff()).writeTo(out);
            case CSV -> DeltaReport.csv(o.diff()).writeTo(out);
            default -> text(out, o);
        }
        out.flush();
        return Main.OK;
    }

    private static String[] split(String ref) throws InvalidArgumentException {
        int at = ref.lastIndexOf('@');
        if (at <= 0 || at == ref.length() - 1) {
            throw new InvalidArgumentException("'" + ref + "' is not <codeset-id>@<version> (for example radiology@1.2.0)");
        }
        return new String[] {ref.substring(0, at), ref.substring(at + 1)};
    }

    private static void text(PrintWriter out, DiffCommand.Outcome o) {
        CodeSetDiff.Result d = o.diff();
        out.printf("%s: %s -> %s: %d added, %d changed, %d deprecated, %d retired, %d reactivated%s; bump: %s%n",
                d.codeset(), o.from(), o.to(), d.added().size(), d.changed().size(), d.deprecated().size(),
                d.retired().size(), d.reactivated().size(), d.removed().isEmpty() ? "" : ", " + d.removed().size()
                        + " removed", d.bump().name().toLowerCase());
        for (CodeSetDiff.Change ch : d.all()) {
            out.printf("%s %s  %s%s%n", ch.action(), ch.code(), ch.display(),
                    ch.replacedBy().isEmpty() || ch.action() != Action.D ? "" : "  -> " + String.join(", ", ch.replacedBy()));
            printFields(out, ch.fields());
        }
    }

    /** A field's change as a line below its code: name, before and after ("(none)" where it had no value). */
    static void printFields(PrintWriter out, List<CodeSetDiff.Field> fields) {
        for (CodeSetDiff.Field f : fields) {
            out.printf("    %s: %s -> %s%n", f.name(), f.before() == null ? "(none)" : f.before(),
                    f.after() == null ? "(none)" : f.after());
        }
    }
}

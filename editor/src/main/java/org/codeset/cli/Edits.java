package org.codeset.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.EditResult;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.finding.Finding;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every editing command shares: --repo, --dry-run, the footer of its help, the reading of
 * NAME=VALUE options, and how a result is printed (the core takes the lock).
 */
abstract class Edits implements java.util.concurrent.Callable<Integer> {
    /** The footer of every editing command's help. */
    static final String FOOTER = "%nEvery edit is validated before it is written: one that would add an error is"
            + " refused (exit 1) and nothing on disk changes. Files are replaced atomically; only the lines of the"
            + " touched entries change.";

    @CommandLine.Mixin
    RepoOption repo;

    @Option(names = "--dry-run", description = "Validate the edit and show what it would change; write nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** NAME=VALUE pairs, in order. */
    static List<String[]> pairs(List<String> values, String option) throws InvalidArgumentException {
        List<String[]> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            int eq = v.lastIndexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new InvalidArgumentException(option + " '" + v + "': write NAME=VALUE");
            }
            out.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
        }
        return out;
    }

    /** Builds the command on the opened repository. */
    abstract EditCommand command(Codesets codesets) throws CodesetException;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EditResult result = command(Codesets.openCached(repo.repo)).dryRun(dryRun).call();
        out.println(result.summary());
        for (String f : result.files()) {
            out.println("  " + (dryRun ? "would write " : "wrote ") + f);
        }
        for (String n : result.notes()) {
            err.println("note: " + n);
        }
        for (Finding w : result.newWarnings()) {
            err.println(w);
        }
        return Main.OK;
    }
}

package org.codeset.cli;

import java.io.PrintWriter;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.EditResult;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.finding.Finding;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every editing command shares: --repo, --dry-run, and how a result is printed (the core takes the lock). */
abstract class Edits implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Mixin
    RepoOption repo;

    @Option(names = "--dry-run", description = "Validate the edit and show what it would change; write nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

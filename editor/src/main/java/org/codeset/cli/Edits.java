package org.codeset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.EditResult;
import org.codeset.core.edit.RepositoryLock;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.validate.Finding;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every editing command shares: --repo, --dry-run, the lock, and how a result is printed. */
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
        Path root = repo.repo;
        if (!java.nio.file.Files.isDirectory(root.resolve("codesets"))) {
            Codesets.open(root); // says why this is no repository, with exit 2, before taking any lock
        }
        EditResult result;
        try (RepositoryLock lock = RepositoryLock.acquire(root)) {
            Codesets codesets = Codesets.openCached(root);
            result = command(codesets).dryRun(dryRun).call();
        }
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

package org.codeset.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.query.Search;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset search: codes by code, display, synonyms or definition, best first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find codes by code, display, synonyms or definition.", "",
            "Best first: exact code, code prefix, display, words of the display, synonyms, definition; active"
                + " codes first.",
            "Example: codeset search 'cervical spine' --codeset radiology"})
final class SearchCli implements Callable<Integer> {
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
                    Status.ACTIVE.text().equals(h.status()) ? "" : "  [" + h.status() + "]");
        }
        if (hits.isEmpty()) {
            spec.commandLine().getErr().println("no code matches '" + text + "'");
        }
        return Main.OK;
    }
}

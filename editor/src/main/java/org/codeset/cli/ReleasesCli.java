package org.codeset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.release.PullCommand;
import org.codeset.core.report.ReleasesReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset releases: the releases of code sets, here or on a remote. */
@Command(name = "releases", mixinStandardHelpOptions = true,
        description = {"List the releases of code sets.", "",
            "Each release tag <id>/v<version>, with its date, the number of codes and the number of changes"
                + " since the release before; read from git objects alone."})
final class ReleasesCli implements Callable<Integer> {
    @CommandLine.Mixin
    RepoOption repo;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODESET", description = "One code set (default: all).")
    String codeset;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    TextOrJson format;

    @Option(names = "--remote", paramLabel = "URL", description = "List a remote's releases of CODESET instead.")
    String remote;

    @Option(names = "--cache", paramLabel = "DIR", description = "With --remote: the release cache (default: ~/.cache/codeset/remotes).")
    Path cache;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The releases of one code set, from wherever they are read. */
    private interface Source {
        List<ReleaseHistory.Summary> summaries(String codeSetId) throws CodesetException;
    }

    @Override
    public Integer call() throws Exception {
        if (remote != null) {
            if (codeset == null) {
                throw new InvalidArgumentException("with --remote, name the code set: codeset releases CODESET --remote URL");
            }
            PullCommand pull = new PullCommand().remote(remote);
            if (cache != null) {
                pull.cache(cache);
            }
            return list(List.of(codeset), id -> pull.codeset(id).summaries());
        }
        // releases are read from git alone: the working tree's code sets are not loaded
        Path root = repo.repo.toAbsolutePath().normalize();
        List<String> ids = RepositoryLoader.codeSetIds(root); // also where one code set is named: the repository must be one
        return list(codeset != null ? List.of(codeset) : ids, id -> ReleaseHistory.summaries(root, id));
    }

    /**
     * As text, a line a release as each code set is read: tag, date, codes, changes since the
     * release before; as JSON, one array of them all.
     */
    private int list(List<String> ids, Source source) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ReleaseHistory.Summary> all = new ArrayList<>();
        for (String id : ids) {
            List<ReleaseHistory.Summary> summaries = source.summaries(id);
            all.addAll(summaries);
            if (format == TextOrJson.TEXT) {
                for (ReleaseHistory.Summary s : summaries) {
                    Release r = s.release();
                    out.printf("%-32s %s  %,6d codes  %,5d changes%n", r.tag(), r.date().toString().substring(0, 10),
                            s.codes(), s.changes());
                }
            }
        }
        if (format == TextOrJson.JSON) {
            ReleasesReport.json(all).writeTo(out);
        }
        return Main.OK;
    }
}

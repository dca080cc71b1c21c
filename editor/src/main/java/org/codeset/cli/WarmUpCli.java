package org.codeset.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code codeset warm-up} (hidden): runs each everyday command once on a throw-away repository in
 * a temp folder: init, new, add, validate, release, set, release, diff, history, releases, pull,
 * show, search. The launcher runs it once per build to record which classes the tool loads
 * (its class-data archive), so every command starts quickly, not only validate. It doubles as a
 * smoke test: the exit code says whether every step worked.
 */
@Command(name = "warm-up", hidden = true, mixinStandardHelpOptions = true,
        description = "Run every everyday command once on a throw-away repository (used by the launcher).")
final class WarmUpCli implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path tmp = Files.createTempDirectory("codeset-warm-up");
        try {
            String repo = tmp.resolve("repo").toString();
            List<List<String>> steps = List.of(
                    List.of("init", repo),
                    List.of("new", "demo", "--title", "Demo", "--system", "http://example.org/demo", "--repo", repo),
                    List.of("add", "demo", "A1", "--display", "First code", "--effective", "2026-01-01", "--repo", repo),
                    List.of("add", "demo", "A2", "--display", "Second code", "--parent", "A1", "--effective", "2026-01-01",
                            "--repo", repo),
                    List.of("validate", "--repo", repo),
                    List.of("validate", "--format", "sarif", "--repo", repo),
                    List.of("release", "demo", "--bump", "auto", "--date", "2026-01-01", "--repo", repo),
                    List.of("set", "demo", "A2", "--display", "Second code, revised", "--repo", repo),
                    List.of("deprecate", "demo", "A1", "--repo", repo),
                    List.of("release", "demo", "--bump", "auto", "--date", "2026-01-02", "--repo", repo),
                    List.of("diff", "demo@1.0.0", "demo@latest", "--format", "json", "--repo", repo),
                    List.of("diff", "demo@1.0.0", "--working", "--repo", repo),
                    List.of("history", "demo", "A2", "--repo", repo),
                    List.of("releases", "demo", "--repo", repo),
                    List.of("show", "demo", "A2", "--repo", repo),
                    List.of("search", "second", "--repo", repo),
                    List.of("pull", repo, "demo", "--since", "1.0.0", "--cache", tmp.resolve("cache").toString(), "--out",
                            tmp.resolve("pulled.json").toString()),
                    List.of("pull", repo, "demo", "--cache", tmp.resolve("cache").toString(), "--out",
                            tmp.resolve("snapshot.json").toString()),
                    List.of("export", "demo", "--format", "fhir", "--out", tmp.resolve("demo.json").toString(), "--repo", repo),
                    List.of("export", "demo", "--format", "csv", "--out", tmp.resolve("demo.csv").toString(), "--repo", repo),
                    List.of("import", "fhir", tmp.resolve("demo.json").toString(), "--repo", repo),
                    List.of("import", "csv", tmp.resolve("demo.csv").toString(), "demo-csv", "--title", "Demo CSV", "--system",
                            "http://example.org/demo-csv", "--repo", repo));
            PrintWriter sink = new PrintWriter(new StringWriter());
            for (List<String> step : steps) {
                if (step.get(0).equals("release")) {
                    commitAll(Path.of(repo));
                }
                StringWriter err = new StringWriter();
                int code = Main.run(sink, new PrintWriter(err), step.toArray(String[]::new));
                if (code != Main.OK) {
                    spec.commandLine().getErr().println("codeset warm-up: '" + String.join(" ", step) + "' exited with " + code
                            + ": " + err.toString().strip());
                    return code;
                }
            }
            spec.commandLine().getOut().println("warm-up: " + steps.size() + " commands ran");
            return Main.OK;
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void commitAll(Path repo) throws IOException {
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("warm-up").setAuthor("codeset", "codeset@localhost")
                    .setCommitter("codeset", "codeset@localhost").setAllowEmpty(true).call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

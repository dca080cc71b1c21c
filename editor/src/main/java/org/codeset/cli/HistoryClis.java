package org.codeset.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.release.DiffCommand;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.report.DeltaReport;
import org.codeset.core.report.HistoryReport;
import org.codeset.core.report.ReleasesReport;
import org.codeset.core.report.Report;
import org.codeset.core.report.SnapshotReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that read releases: releases and diff. */
final class HistoryClis {
    private HistoryClis() {
    }

    // not mixinStandardHelpOptions: its --version (the tool's) would clash with the release's --version
    @Command(name = "release",
            description = {"Release a code set: tag a validated version.", "",
                "Computes the change since the latest release, checks the version (--bump auto: major when a released"
                    + " code is retired, minor when codes are added or deprecated or relations, mappings or properties"
                    + " change, patch for text only; an explicit --version must be greater and at least that bump),"
                    + " writes version in codeset.yaml and a CHANGELOG.md section, validates the tree to be committed,"
                    + " commits only this code set's folder, and creates the annotated tag <id>/v<version>, whose"
                    + " message summarises the change and lists the SHA-256 of every file. Other uncommitted changes"
                    + " are neither committed nor lost. A failure before the tag exists leaves everything as it was.",
                "Example: codeset release radiology --bump auto --message 'January update' --push origin"})
    static final class ReleaseCli implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @CommandLine.Mixin
        RepoOption repo;

        @Parameters(index = "0", paramLabel = "CODESET")
        String codeset;

        @Option(names = "--version", paramLabel = "X.Y.Z", description = "The version to release (instead of --bump).")
        String version;

        @Option(names = "--bump", paramLabel = "KIND", description = "auto, major, minor or patch.")
        org.codeset.core.release.ReleaseCommand.Bump bump;

        @Option(names = "--message", paramLabel = "TEXT", description = "A note for the tag and the changelog.")
        String message;

        @Option(names = "--date", paramLabel = "DATE", description = "The date in the changelog (default: today).")
        String date;

        @Option(names = "--push", paramLabel = "REMOTE", description = "Push commit and tag (atomically, never forced).")
        String push;

        @Option(names = "--sign", description = "Sign the tag with OpenPGP, with a key of GnuPG's key store (GNUPGHOME or"
                + " ~/.gnupg): --signing-key, else git config user.signingKey, else the key of your e-mail address.")
        boolean sign;

        @Option(names = "--signing-key", paramLabel = "KEY", description = "The key to sign with (id, fingerprint or"
                + " user id); implies --sign.")
        String signingKey;

        @Option(names = "--dry-run", description = "Show the version, the change and the tag message; change nothing.")
        boolean dryRun;

        @Option(names = "--stats", hidden = true, description = "Print the time of the git step (stage, commit, tag).")
        boolean stats;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            long opened = System.nanoTime();
            Codesets c = Codesets.openCached(repo.repo);
            opened = (System.nanoTime() - opened) / 1_000_000;
            var cmd = c.release().codeset(codeset).message(message).dryRun(dryRun).push(push).sign(sign)
                    .signingKey(signingKey).passphrase(new ConsolePassphrase());
            if (version != null) {
                cmd.version(version);
            }
            if (bump != null) {
                cmd.bump(bump);
            }
            if (date != null) {
                try {
                    cmd.date(java.time.LocalDate.parse(date));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidArgumentException("--date " + date + " is not a date; write YYYY-MM-DD");
                }
            }
            var r = cmd.call();
            PrintWriter out = spec.commandLine().getOut();
            if (r.recovered() != null) {
                out.println(r.recovered() + ".");
                if (r.diff() == null) {
                    out.println("Run release again for any further change.");
                    out.flush();
                    return Main.OK;
                }
            }
            out.println((dryRun ? "would release " : "released ") + r.tag() + (r.previous() == null ? "" : " (after "
                    + r.previous() + ", a " + r.diff().bump().name().toLowerCase() + " change)")
                    + (r.commit() == null ? "" : " at " + r.commit().substring(0, 12)) + (r.pushed() ? ", pushed to " + push : ""));
            out.println();
            out.print(r.message());
            out.flush();
            if (stats) {
                spec.commandLine().getErr().printf("stats: git step (stage, commit, tag) %d ms; open %d ms, %s; JVM up %d ms%n", r.gitMillis(), opened,
                        r.timings(), java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
            return Main.OK;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = {"Fetch a release from a remote, verify it and write it out.", "",
                "The downstream side. Fetches only the needed tags from any remote (a path, file://, git://,"
                    + " http(s)://) into a cache, reads the release from the tag's tree without a work tree, verifies"
                    + " it (the tag exists, is annotated, never moved, its files match the SHA-256 manifest in its message,"
                    + " and its tree validates), and writes the code set"
                    + " as JSON, CSV or a FHIR CodeSystem; with --since, the change since that version instead (as codeset diff writes it).",
                "Example: codeset pull https://git.example.org/terminology.git radiology@latest --since 1.2.0 --out delta.json"})
    static final class PullCli implements Callable<Integer> {
        enum Format { JSON, CSV, FHIR }

        @Parameters(index = "0", paramLabel = "REMOTE")
        String remote;

        @Parameters(index = "1", paramLabel = "ID[@VERSION]", description = "VERSION defaults to latest.")
        String ref;

        @Option(names = "--since", paramLabel = "VERSION", description = "Write the change since this version.")
        String since;

        @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
                description = "json, csv, or fhir (a FHIR R4 CodeSystem, as export writes it).")
        Format format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
        java.nio.file.Path out;

        @Option(names = "--cache", paramLabel = "DIR", description = "The release cache (default: ~/.cache/codeset/remotes).")
        java.nio.file.Path cache;

        @Option(names = "--stats", hidden = true, description = "Print the time of each step on standard error.")
        boolean stats;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int at = ref.indexOf('@');
            String id = at < 0 ? ref : ref.substring(0, at);
            var pull = new org.codeset.core.release.PullCommand().remote(remote).codeset(id)
                    .version(at < 0 ? "latest" : ref.substring(at + 1)).since(since);
            if (cache != null) {
                pull.cache(cache);
            }
            if (format == Format.FHIR && since != null) {
                throw new InvalidArgumentException("--format fhir writes a whole release as a CodeSystem, not a change"
                        + " since another; use json or csv with --since");
            }
            var r = pull.call();
            if (format == Format.FHIR) {
                var export = org.codeset.core.interchange.Interchange.exporter("fhir").export(
                        new org.codeset.core.interchange.ExportSource(r.codeSet(), null, r.release().version().toString()),
                        org.codeset.core.interchange.Progress.NONE);
                InterchangeClis.write(export, out, spec, r.release().tag() + " from " + remote);
                return Main.OK;
            }
            Report report;
            if (r.delta() != null) {
                report = format == Format.CSV ? DeltaReport.csv(r.delta())
                        : DeltaReport.json(r.since().tag(), r.release().tag(), r.delta());
            } else {
                report = format == Format.CSV ? SnapshotReport.csv(r.codeSet()) : SnapshotReport.json(r.release(), r.codeSet());
            }
            if (out != null) {
                org.codeset.core.io.AtomicFiles.write(out, report.toBytes());
                spec.commandLine().getErr().println("pulled " + r.release().tag() + (r.since() == null ? "" : " (since "
                        + r.since().tag() + ")") + " from " + remote + " into " + out);
            } else {
                report.writeTo(spec.commandLine().getOut());
            }
            if (stats) {
                r.timings().lap("write");
                spec.commandLine().getErr().printf("stats: %s; JVM up %d ms%n", r.timings(),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            }
            return Main.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = {"Show every release in which a code changed, and what changed.", "",
                "A per-code git log in terminology terms, read from the release tags; unreleased changes in the working"
                    + " tree come last.",
                "Example: codeset history radiology 71010"})
    static final class HistoryCli implements Callable<Integer> {
        enum Format { TEXT, JSON }

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
            Workspace w = Workspace.openCached(repo.repo);
            var steps = org.codeset.core.history.CodeHistory.of(w.root(), args.codeset, args.code,
                    w.model().codeSet(args.codeset));
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.JSON) {
                HistoryReport.json(steps).writeTo(out);
                return Main.OK;
            }
            if (steps.isEmpty()) {
                spec.commandLine().getErr().println("no release of " + args.codeset + " changed code \"" + args.code + "\"");
            }
            for (var s : steps) {
                out.printf("%-24s %s %s  %s [%s]%n", s.release(), s.date().isEmpty() ? "          " : s.date(), s.action(),
                        s.display(), s.status());
                if (!s.action().equals("A")) {
                    for (CodeSetDiff.Field f : s.fields()) {
                        out.printf("    %s: %s -> %s%n", f.name(), f.before() == null ? "(none)" : f.before(),
                                f.after() == null ? "(none)" : f.after());
                    }
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "releases", mixinStandardHelpOptions = true,
            description = {"List the releases of code sets.", "",
                "Each release tag <id>/v<version>, with its date, the number of codes and the number of changes"
                    + " since the release before; read from git objects alone."})
    static final class ReleasesCli implements Callable<Integer> {
        enum Format { TEXT, JSON }

        @CommandLine.Mixin
        RepoOption repo;

        @Parameters(index = "0", arity = "0..1", paramLabel = "CODESET", description = "One code set (default: all).")
        String codeset;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
        Format format;

        @Option(names = "--remote", paramLabel = "URL", description = "List a remote's releases of CODESET instead.")
        String remote;

        @Option(names = "--cache", paramLabel = "DIR", description = "With --remote: the release cache (default: ~/.cache/codeset/remotes).")
        java.nio.file.Path cache;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (remote != null) {
                return remote();
            }
            // releases are read from git alone: the working tree's code sets are not loaded
            java.nio.file.Path root = repo.repo.toAbsolutePath().normalize();
            List<String> ids = org.codeset.core.model.RepositoryLoader.codesetIds(root);
            if (codeset != null) {
                ids = List.of(codeset);
            }
            List<ReleaseHistory.Summary> all = new ArrayList<>();
            for (String id : ids) {
                list(all, ReleaseHistory.summaries(root, id));
            }
            return printJson(all);
        }

        /** As text, one line a release as it is read: tag, date, codes, changes since the release before. */
        private void list(List<ReleaseHistory.Summary> all, List<ReleaseHistory.Summary> summaries) {
            if (format == Format.JSON) {
                all.addAll(summaries);
                return;
            }
            for (ReleaseHistory.Summary s : summaries) {
                Release r = s.release();
                spec.commandLine().getOut().printf("%-32s %s  %,6d codes  %,5d changes%n", r.tag(),
                        r.date().toString().substring(0, 10), s.codes(), s.changes());
            }
        }

        /** With --format json, all the releases listed as one array. */
        private int printJson(List<ReleaseHistory.Summary> all) throws java.io.IOException {
            if (format == Format.JSON) {
                ReleasesReport.json(all).writeTo(spec.commandLine().getOut());
            }
            return Main.OK;
        }

        private int remote() throws Exception {
            if (codeset == null) {
                throw new InvalidArgumentException("with --remote, name the code set: codeset releases CODESET --remote URL");
            }
            var pull = new org.codeset.core.release.PullCommand().remote(remote).codeset(codeset);
            if (cache != null) {
                pull.cache(cache);
            }
            List<ReleaseHistory.Summary> all = new ArrayList<>();
            list(all, pull.summaries());
            return printJson(all);
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Show the semantic change of a code set between two releases.", "",
                "Between <id>@<version> and <id>@<version>, or the working tree (--working, the default): codes"
                    + " added, changed (which fields, old and new), deprecated, retired, reactivated. Each code has an"
                    + " action in the manner of CMS's quarterly HCPCS files: A add, S display change, C definition"
                    + " change, B text and administrative change, F administrative change (deprecation, dates, parent,"
                    + " properties, relations, mappings), T other (synonyms, note), D discontinue (with its replacement),"
                    + " R reactivate. The summary names the semantic version bump the change requires.",
                "Example: codeset diff radiology@1.0.0 radiology@1.1.0 --format json"})
    static final class DiffCli implements Callable<Integer> {
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
                        ch.replacedBy().isEmpty() || !ch.action().equals("D") ? "" : "  -> " + String.join(", ", ch.replacedBy()));
                for (CodeSetDiff.Field f : ch.fields()) {
                    out.printf("    %s: %s -> %s%n", f.name(), f.before() == null ? "(none)" : f.before(),
                            f.after() == null ? "(none)" : f.after());
                }
            }
        }
    }
}

package org.codeset.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.errors.InvalidArgumentException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset release: tags a validated version of a code set. */
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
final class ReleaseCli implements Callable<Integer> {
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
            Main.printStats(spec.commandLine().getErr(),
                    String.format("git step (stage, commit, tag) %d ms; open %d ms, %s", r.gitMillis(), opened, r.timings()));
        }
        return Main.OK;
    }
}

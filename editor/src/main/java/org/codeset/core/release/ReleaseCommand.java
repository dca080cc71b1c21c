package org.codeset.core.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.finding.Severity;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.ReleasedCodes;
import org.codeset.core.io.AtomicFiles;
import org.codeset.core.model.ChangeLog;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.EntryDigest;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SemVer;
import org.codeset.core.model.SourceFile;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.workspace.RepositoryLock;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.workspace.WorkspaceCommand;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YamlParser;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Releases a code set: {@code codesets.release().codeset("radiology").bump(Bump.AUTO).call()}.
 *
 * <p>Under the repository's lock: computes the change since the latest release and the version
 * it requires, writes {@code version} in codeset.yaml and a CHANGELOG.md section, validates the
 * tree that will be committed (this code set as in the working tree, every other one as
 * committed), commits only this code set's folder, and creates the annotated tag
 * {@code <id>/v<version>} whose message summarises the change and lists the SHA-256 of every
 * file of the code set. A failure before the tag exists puts back the files and the branch as
 * they were; an existing tag is never moved or re-created. {@code push} sends commit and tag in
 * one atomic push, never forced.
 *
 * <p>This class runs the steps in order; the parts are {@link VersionPolicy} (the version),
 * {@link ReleaseNotes} (the changelog section and the tag message), {@link GitStep} (commit, tag,
 * push and undo) and {@link ReleaseRecovery} (a release a killed process left half-done).
 */
public final class ReleaseCommand extends WorkspaceCommand<ReleaseCommand.Result> {
    /** How to choose the version. */
    public enum Bump { AUTO, MAJOR, MINOR, PATCH }

    /** What a release did (or, in a dry run, would do). */
    public record Result(String tag, SemVer version, SemVer previous, CodeSetDiff.Result diff, String commit,
            List<String> files, String message, boolean pushed, org.codeset.core.io.Timings timings, String recovered) {
        /** The git step: stage, commit and tag. */
        public long gitMillis() {
            return timings.get("git");
        }
    }

    /** A test hook: called before each step; throwing aborts the release there. */
    public interface Steps {
        void before(String step) throws IOException;
    }

    private String codeset;
    private String version;
    private Bump bump;
    private String note;
    private LocalDate date = LocalDate.now();
    private boolean dryRun;
    private String remote;
    private PersonIdent author;
    private boolean sign;
    private String signingKey;
    private org.eclipse.jgit.transport.CredentialsProvider passphrase;
    private Steps steps = step -> { };
    /** What the recovery of an interrupted release did before this one, or null. */
    private String recovery;

    public ReleaseCommand(Workspace workspace) {
        super(workspace);
    }

    public ReleaseCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** An explicit version: greater than the latest, and at least the bump the changes require. */
    public ReleaseCommand version(String v) {
        this.version = v;
        return this;
    }

    public ReleaseCommand bump(Bump b) {
        this.bump = b;
        return this;
    }

    /** A note for the tag message and the changelog. */
    public ReleaseCommand message(String text) {
        this.note = text;
        return this;
    }

    /** The release date written in the changelog (default today). */
    public ReleaseCommand date(LocalDate d) {
        this.date = d;
        return this;
    }

    public ReleaseCommand dryRun(boolean d) {
        this.dryRun = d;
        return this;
    }

    /** Push commit and tag to this remote (a configured name or a URL) after releasing. */
    public ReleaseCommand push(String remoteName) {
        this.remote = remoteName;
        return this;
    }

    /** Author and tagger (default: git config user.name and user.email). */
    public ReleaseCommand author(PersonIdent who) {
        this.author = who;
        return this;
    }

    /**
     * Sign the tag with OpenPGP (GnuPG's key store: {@code GNUPGHOME} or {@code ~/.gnupg}), with the
     * key named by {@link #signingKey}, else git config {@code user.signingKey}, else the key of the
     * tagger's e-mail address. The key is looked up before anything is written.
     */
    public ReleaseCommand sign(boolean s) {
        this.sign = s;
        return this;
    }

    /** The key to sign with (an id, fingerprint or user id); implies {@link #sign}. */
    public ReleaseCommand signingKey(String key) {
        this.signingKey = key;
        if (key != null) {
            this.sign = true;
        }
        return this;
    }

    /** Asks for the signing key's passphrase, if it has one (the command line prompts on the terminal). */
    public ReleaseCommand passphrase(org.eclipse.jgit.transport.CredentialsProvider provider) {
        this.passphrase = provider;
        return this;
    }

    ReleaseCommand steps(Steps s) {
        this.steps = s;
        return this;
    }

    /**
     * Called before each step (write, commit, tag): for tests that stop a release there, by an
     * exception or by killing the process.
     */
    public ReleaseCommand onStep(Steps s) {
        return steps(s);
    }

    /** For tests in other packages: inject a failure before a named step. */
    public ReleaseCommand failBefore(String step) {
        return steps(s -> {
            if (s.equals(step)) {
                throw new IOException("injected failure before " + step);
            }
        });
    }

    /**
     * Releases: under the repository's lock, first finishes or puts back a release that a killed
     * process left half-done (its journal says which), then releases against the files as they are.
     */
    @Override
    public Result call() throws CodesetException {
        checkCallable();
        if (codeset == null) {
            throw new InvalidArgumentException("give the code set to release");
        }
        VersionPolicy versions = VersionPolicy.of(version, bump);
        Path root = workspace.root();
        if (!ReleaseHistory.isGit(root)) {
            throw new NotFoundException(root + " is not a git repository; releases are git tags (run git init, or codeset init)");
        }
        try (RepositoryLock lock = workspace.lock(); Git git = new Git(ReleaseHistory.open(root), true)) {
            GitStep step = new GitStep(git, root, passphrase);
            ReleaseRecovery.Outcome interrupted = new ReleaseRecovery(workspace, step).recover();
            if (interrupted.finished() != null) {
                return interrupted.finished();
            }
            recovery = interrupted.putBack();
            return release(git, step, root, versions);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot release " + codeset + ": " + e.getMessage(), e);
        }
    }

    private Result release(Git git, GitStep step, Path root, VersionPolicy versions) throws CodesetException, IOException {
        org.codeset.core.io.Timings t = new org.codeset.core.io.Timings();
        Repository repo = git.getRepository();
        CodeSet working = workspace.refresh().codeSet(codeset);
        if (working == null || working.metaFile() == null) {
            throw new NotFoundException("no code set '" + codeset + "' with a codeset.yaml in " + root);
        }
        List<Release> releases = ReleaseHistory.releases(root, codeset);
        Release latest = releases.isEmpty() ? null : releases.get(releases.size() - 1);
        CodeSetDiff.Result diff;
        if (latest == null) {
            diff = CodeSetDiff.between(null, working);
        } else {
            // only the files whose content differs from the latest release are compared
            CodeSet[] sides = ReleaseHistory.differingFiles(root, latest, null, working);
            diff = CodeSetDiff.between(sides[0], sides[1]);
        }
        t.lap("diff");
        if (latest != null && diff.size() == 0 && diff.bump() == SemVer.Bump.NONE) {
            throw new EditRefusedException("refused: nothing in " + codeset + " changed since " + latest.tag());
        }
        SemVer previous = latest == null ? null : latest.version();
        SemVer next = versions.next(previous, diff);
        String tag = Layout.tag(codeset, next);
        if (step.tagged(tag)) {
            throw new EditRefusedException("refused: " + tag + " exists already; a released version is never re-created");
        }

        // what the history rules of later runs read of this release, encoded while the rest goes on
        CodeSet releasedSet = working;
        // (on a thread of its own: in the common pool it would hold up the parallel validation's tasks)
        java.util.concurrent.FutureTask<ReleasedCodes.Prepared> facts = new java.util.concurrent.FutureTask<>(
                () -> ReleasedCodes.prepare(releasedSet));
        if (!dryRun) {
            Thread encoder = new Thread(facts, "codeset-release-facts");
            encoder.setDaemon(true);
            encoder.start();
        }

        ReleaseNotes notes = new ReleaseNotes(codeset, note, date);
        // the files the release writes
        String metaPath = working.metaFile().path();
        String changelogPath = Layout.changelog(codeset);
        byte[] metaBefore = Files.readAllBytes(root.resolve(metaPath));
        byte[] metaAfter = withVersion(metaBefore, metaPath, next);
        Path changelog = root.resolve(changelogPath);
        byte[] changelogBefore = Files.exists(changelog) ? Files.readAllBytes(changelog) : null;
        byte[] changelogAfter = notes.changelog(changelogBefore, next, diff).getBytes(StandardCharsets.UTF_8);

        // validate the tree that will be committed
        t.lap("changelog");
        CodeSetRepository withVersion = RepositoryLoader.update(workspace.model(), metaPath, metaAfter);
        CodeSetRepository committed = committedState(git, withVersion);
        t.lap("status");
        ValidationResult result = workspace.validation(committed);
        t.lap("validate");
        if (result.hasErrors()) {
            throw new EditRefusedException("refused: " + tag + " would tag a tree with " + result.errors()
                    + " validation error" + (result.errors() == 1 ? "" : "s"), result.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList());
        }
        Map<String, byte[]> written = new TreeMap<>();
        written.put(metaPath, metaAfter);
        written.put(changelogPath, changelogAfter);
        String message = notes.tagMessage(tag, previous, diff, notes.manifest(repo, root, latest, written));
        t.lap("manifest");
        PersonIdent who = author != null ? author : new PersonIdent(repo);
        String key = sign ? step.signingKey(who, signingKey) : null;
        if (dryRun) {
            return new Result(tag, next, previous, diff, null, List.of(metaPath, changelogPath), message, false, t, recovery);
        }

        ObjectId head = step.head();
        boolean committedOk = false;
        ReleaseJournal journal = new ReleaseJournal(codeset, tag, head == null ? null : head.name(), metaPath, metaBefore,
                changelogPath, changelogBefore, null, message, who.getName(), who.getEmailAddress(),
                who.getWhenAsInstant().toEpochMilli(), who.getZoneOffset().getTotalSeconds() / 60, sign, key);
        try {
            journal.write(root);
            steps.before("write");
            AtomicFiles.write(root.resolve(metaPath), metaAfter);
            AtomicFiles.write(changelog, changelogAfter);
            steps.before("commit");
            t.lap("write");
            RevCommit commit = step.commit(Layout.folder(codeset), ReleaseNotes.commitMessage(tag, message), who);
            committedOk = true;
            journal.committed(commit.name()).write(root);
            steps.before("tag");
            step.tag(tag, message, who, commit, sign, key);
            ReleaseJournal.delete(root);
            t.lap("git");
            // the history rules of later runs read what this release holds from here, not from a parse
            preparedFacts(facts).record(root, new Release(codeset, next, tag, commit.name(), java.time.Instant.now(), message));
            t.lap("facts");
            boolean pushed = false;
            if (remote != null) {
                pushed = step.push(remote, tag);
                t.lap("push");
            }
            if (committed == withVersion) {
                // the validated state is the working tree's: keep it, with its findings, for the next run
                workspace.written(committed, List.of(metaPath));
                t.lap("save");
            } else {
                workspace.reload(metaPath, metaAfter);
            }
            return new Result(tag, next, previous, diff, commit.name(), List.of(metaPath, changelogPath), message, pushed, t, recovery);
        } catch (GitAPIException | IOException e) {
            if (!step.tagged(tag)) {
                step.undo(head, committedOk, metaPath, metaBefore, changelogPath, changelogBefore);
                ReleaseJournal.delete(root);
                throw new EditRefusedException("release " + tag + " failed and was undone (files and branch as they were): "
                        + e.getMessage());
            }
            throw new UnreadableInputException(tag + " is released locally, but: " + e.getMessage(), e);
        }
    }

    private static ReleasedCodes.Prepared preparedFacts(java.util.concurrent.FutureTask<ReleasedCodes.Prepared> facts)
            throws IOException {
        try {
            return facts.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot record what the release holds: " + e.getCause(), e.getCause());
        }
    }

    /** codeset.yaml with {@code version:} set, every other byte kept. */
    private static byte[] withVersion(byte[] bytes, String path, SemVer v) throws CodesetException {
        var doc = YamlParser.parse(bytes);
        if (!(doc.root() instanceof YMap m) || !(m.get("version") instanceof YScalar s) || s.line() != s.endLine()) {
            throw new EditRefusedException("refused: " + path + " has no one-line 'version:' to set; add 'version: 0.0.0'");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String line = lines[s.line() - 1];
        lines[s.line() - 1] = line.substring(0, s.column() - 1) + v + line.substring(Math.min(line.length(), s.endColumn() - 1));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The repository as the release commit will hold it: this code set as in the working tree,
     * every other code set with uncommitted changes as HEAD has it.
     */
    private CodeSetRepository committedState(Git git, CodeSetRepository model) throws IOException, CodesetException {
        Status status;
        try {
            status = git.status().addPath(Layout.CODESETS).call();
        } catch (GitAPIException e) {
            throw new UnreadableInputException("git status failed: " + e.getMessage(), e);
        }
        Set<String> dirty = new HashSet<>();
        for (Set<String> paths : List.of(status.getModified(), status.getUntracked(), status.getMissing(), status.getAdded(),
                status.getChanged(), status.getRemoved())) {
            for (String p : paths) {
                if (Layout.isCodeSetFile(p) && !Layout.codeSetOf(p).equals(codeset)) {
                    dirty.add(Layout.codeSetOf(p));
                }
            }
        }
        if (dirty.isEmpty()) {
            return model;
        }
        Repository repo = git.getRepository();
        ObjectId head = repo.resolve("HEAD");
        CodeSetRepository out = model;
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = head == null ? null : walk.parseCommit(head);
            for (String id : dirty) {
                CodeSet committed = commit == null ? new CodeSet(id, null, List.of()) : ReleaseHistory.codeSetAt(repo, commit, id);
                Set<String> keys = new HashSet<>();
                keys.add(ChangeLog.codeSetKey(id));
                CodeSet current = out.codeSet(id);
                for (CodeSet cs : new CodeSet[] {current, committed}) {
                    if (cs == null) {
                        continue;
                    }
                    for (SourceFile f : cs.files()) {
                        keys.add(ChangeLog.fileKey(f.path()));
                        EntryDigest.changedKeys(id, Map.of(), EntryDigest.of(f), keys);
                    }
                }
                out = out.with(committed, keys);
            }
        }
        return out;
    }
}

package org.codeset.core.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.io.AtomicFiles;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.lib.Signers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The git step of a release: stages and commits a code set's folder, creates the annotated tag
 * (signed with OpenPGP when asked), pushes commit and tag, and undoes a release that failed
 * before its tag existed.
 */
final class GitStep {
    private final Git git;
    private final Repository repo;
    private final Path root;
    private final CredentialsProvider passphrase;

    /** On the repository of {@code git}, whose work tree is {@code root}; {@code passphrase} asks for a signing key's. */
    GitStep(Git git, Path root, CredentialsProvider passphrase) {
        this.git = git;
        this.repo = git.getRepository();
        this.root = root;
        this.passphrase = passphrase;
    }

    Repository repository() {
        return repo;
    }

    /** The commit HEAD points at, or null in a repository without one. */
    ObjectId head() throws IOException {
        return repo.resolve("HEAD");
    }

    /** Whether the tag exists. */
    boolean tagged(String tag) throws IOException {
        return repo.exactRef(Constants.R_TAGS + tag) != null;
    }

    /**
     * The signing key to use: {@code named}, else git config {@code user.signingKey}, else (null)
     * the key of the tagger's e-mail address; refused (before anything is written) when it cannot
     * be found.
     */
    String signingKey(PersonIdent who, String named) throws CodesetException {
        GpgConfig config = new GpgConfig(repo.getConfig());
        Signer signer = Signers.get(config.getKeyFormat());
        if (signer == null) {
            throw new EditRefusedException("refused: this build cannot sign with gpg.format "
                    + config.getKeyFormat().name().toLowerCase() + "; sign with OpenPGP (git config gpg.format openpgp)");
        }
        String key = named != null ? named : config.getSigningKey();
        boolean found;
        try {
            found = signer.canLocateSigningKey(repo, config, who, key, passphrase);
        } catch (CanceledException | RuntimeException e) {
            throw new EditRefusedException("refused: cannot read the signing key: " + e.getMessage());
        }
        if (!found) {
            throw new EditRefusedException("refused: no OpenPGP secret key " + (key != null ? "'" + key + "'"
                    : "for <" + who.getEmailAddress() + ">") + " in GnuPG's key store (GNUPGHOME or ~/.gnupg); make one"
                    + " (gpg --quick-gen-key), or name one with --signing-key or git config user.signingKey");
        }
        return key;
    }

    /**
     * Stages the folder only (new, changed and deleted files), then commits only it: whatever else
     * is staged or changed stays as it was.
     */
    RevCommit commit(String folder, String message, PersonIdent who) throws GitAPIException {
        // only the paths git status reports: adding the whole folder would re-hash every file
        Status status = git.status().addPath(folder).call();
        Set<String> stage = new TreeSet<>();
        stage.addAll(status.getModified());
        stage.addAll(status.getUntracked());
        Set<String> gone = new TreeSet<>(status.getMissing());
        if (!stage.isEmpty()) {
            var add = git.add();
            stage.forEach(add::addFilepattern);
            add.call();
        }
        if (!gone.isEmpty()) {
            var rm = git.rm().setCached(true);
            gone.forEach(rm::addFilepattern);
            rm.call();
        }
        return git.commit().setOnly(folder).setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    /** Creates the annotated tag on the commit, signed with {@code key} (null: the tagger's) when {@code signed}. */
    void tag(String tag, String message, PersonIdent tagger, RevCommit commit, boolean signed, String key)
            throws GitAPIException {
        var tagging = git.tag().setName(tag).setAnnotated(true).setMessage(message).setTagger(tagger).setObjectId(commit);
        if (signed) {
            tagging.setSigned(true).setSigningKey(key).setCredentialsProvider(passphrase);
        }
        tagging.call();
    }

    /** Sends the current branch and the tag to the remote in one atomic push, never forced; refused as a whole. */
    boolean push(String remote, String tag) throws EditRefusedException {
        try {
            String branch = repo.getFullBranch();
            PushCommand push = git.push().setRemote(remote).setAtomic(true).setForce(false)
                    .setRefSpecs(new RefSpec(branch + ":" + branch), new RefSpec(Constants.R_TAGS + tag + ":" + Constants.R_TAGS + tag));
            for (PushResult r : push.call()) {
                for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                    if (u.getStatus() != RemoteRefUpdate.Status.OK && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new EditRefusedException(tag + " is released locally, but " + remote + " refused "
                                + u.getRemoteName() + ": " + u.getStatus() + (u.getMessage() == null ? "" : " (" + u.getMessage()
                                + ")") + "; pull, then push again (nothing is ever forced)");
                    }
                }
            }
            return true;
        } catch (GitAPIException | IOException e) {
            throw new EditRefusedException(tag + " is released locally, but pushing to " + remote + " failed: "
                    + e.getMessage() + "; push again when the remote is reachable");
        }
    }

    /**
     * Undoes a release that failed before its tag: when it had {@code committed}, moves the branch
     * back to {@code head} and the two files in the index back to HEAD's; then puts the files back.
     */
    void undo(ObjectId head, boolean committed, String metaPath, byte[] metaBefore, String changelogPath,
            byte[] changelogBefore) throws IOException {
        if (committed && head != null) {
            RefUpdate u = repo.updateRef("HEAD");
            u.setNewObjectId(head);
            u.setForceUpdate(true);
            u.update();
            // the index took the release commit's versions of the two files; put back HEAD's
            try {
                unstage(metaPath, changelogPath);
            } catch (GitAPIException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        putBack(metaPath, metaBefore, changelogPath, changelogBefore);
    }

    /** Writes codeset.yaml and CHANGELOG.md back as they were (a changelog that was not there, deleted). */
    void putBack(String metaPath, byte[] metaBefore, String changelogPath, byte[] changelogBefore) throws IOException {
        AtomicFiles.write(root.resolve(metaPath), metaBefore);
        AtomicFiles.write(root.resolve(changelogPath), changelogBefore);
    }

    /** The paths in the index as HEAD has them. */
    void unstage(String... paths) throws GitAPIException {
        var reset = git.reset();
        for (String p : paths) {
            reset.addPath(p);
        }
        reset.call();
    }
}

package org.codeset.core.release;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.io.Timings;
import org.codeset.core.model.Layout;
import org.codeset.core.model.SemVer;
import org.codeset.core.workspace.Workspace;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Finishes or puts back a release that a killed process left half-done, as its
 * {@link ReleaseJournal} says: when the release commit exists, tags it as the release would have;
 * when it does not, puts codeset.yaml and CHANGELOG.md back as they were. Refused when HEAD has
 * moved since, for then neither can be done safely.
 */
final class ReleaseRecovery {
    /**
     * What the recovery did: the release it finished, or (when it put files back instead) what it
     * put back; both null when no release was interrupted.
     */
    record Outcome(ReleaseCommand.Result finished, String putBack) {
        static final Outcome NOTHING = new Outcome(null, null);
    }

    private final Workspace workspace;
    private final GitStep git;
    private final Path root;

    ReleaseRecovery(Workspace workspace, GitStep git) {
        this.workspace = workspace;
        this.git = git;
        this.root = workspace.root();
    }

    /** Recovers from the journal an interrupted release left, if any; under the repository's lock. */
    Outcome recover() throws IOException, CodesetException {
        ReleaseJournal j = ReleaseJournal.read(root);
        if (j == null) {
            return Outcome.NOTHING;
        }
        if (git.tagged(j.tag())) {
            ReleaseJournal.delete(root);
            return Outcome.NOTHING;
        }
        ObjectId head = git.head();
        String commit = j.commit();
        if (commit == null && head != null && !head.name().equals(j.headBefore()) && isReleaseCommit(j, head)) {
            // killed after the commit, before the journal said so
            commit = head.name();
        }
        String where = " (" + ReleaseJournal.file(root) + " records it)";
        if (commit != null) {
            return new Outcome(finish(j, head, commit, where), null);
        }
        return new Outcome(null, putBack(j, head, where));
    }

    /** Whether {@code head} is the commit the journal's release makes: on the HEAD it began on, with its message. */
    private boolean isReleaseCommit(ReleaseJournal j, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(git.repository())) {
            RevCommit c = walk.parseCommit(head);
            return c.getParentCount() == (j.headBefore() == null ? 0 : 1)
                    && (j.headBefore() == null || c.getParent(0).name().equals(j.headBefore()))
                    && ReleaseNotes.isCommitMessageOf(c.getFullMessage(), j.tag());
        }
    }

    /** Tags the release commit as the interrupted release would have: same message, tagger, time and signature. */
    private ReleaseCommand.Result finish(ReleaseJournal j, ObjectId head, String commit, String where)
            throws IOException, CodesetException {
        if (head == null || !head.name().equals(commit)) {
            throw new EditRefusedException("refused: the release of " + j.tag() + " was interrupted after its commit "
                    + commit.substring(0, 12) + ", and HEAD has moved since" + where + "; tag that commit (git tag -a "
                    + j.tag() + " " + commit.substring(0, 12) + ") or reset to it, then release again");
        }
        PersonIdent tagger = new PersonIdent(j.tagger(), j.taggerEmail(), Instant.ofEpochMilli(j.taggedAt()),
                ZoneOffset.ofTotalSeconds(j.timeZoneMinutes() * 60));
        try (RevWalk walk = new RevWalk(git.repository())) {
            git.tag(j.tag(), j.message(), tagger, walk.parseCommit(ObjectId.fromString(commit)), j.signed(), j.signingKey());
        } catch (GitAPIException e) {
            throw new UnreadableInputException("cannot finish the interrupted release " + j.tag() + ": " + e.getMessage()
                    + where, e);
        }
        ReleaseJournal.delete(root);
        return new ReleaseCommand.Result(j.tag(), SemVer.parse(Layout.versionOfTag(j.codeset(), j.tag())), null, null, commit,
                List.of(j.metaPath(), j.changelogPath()), j.message(), false, new Timings(),
                "finished the release " + j.tag() + ", interrupted between its commit and its tag");
    }

    /** Puts back the files of a release interrupted before its commit; says what it put back. */
    private String putBack(ReleaseJournal j, ObjectId head, String where) throws IOException, CodesetException {
        if (head == null ? j.headBefore() != null : !head.name().equals(j.headBefore())) {
            throw new EditRefusedException("refused: a release of " + j.tag() + " was interrupted before its commit, and HEAD"
                    + " has moved since" + where + "; check " + j.metaPath() + " and " + j.changelogPath()
                    + ", then delete the journal");
        }
        git.putBack(j.metaPath(), j.metaBefore(), j.changelogPath(), j.changelogBefore());
        try {
            git.unstage(j.metaPath(), j.changelogPath());
        } catch (GitAPIException e) {
            throw new UnreadableInputException("cannot unstage " + j.metaPath() + ": " + e.getMessage(), e);
        }
        workspace.reload(j.metaPath(), j.metaBefore());
        ReleaseJournal.delete(root);
        return "put back " + j.metaPath() + " and " + j.changelogPath() + " as they were before the release of "
                + j.tag() + ", interrupted before its commit";
    }
}

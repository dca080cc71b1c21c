package org.codeset.core.release;

import java.util.List;

import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.model.CodeSet;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.workspace.WorkspaceCommand;

/**
 * The semantic change of a code set between two releases, or a release and the working tree:
 * {@code codesets.diff().codeset("radiology").from("1.0.0").to("1.1.0").call()}.
 */
public final class DiffCommand extends WorkspaceCommand<DiffCommand.Outcome> {
    private final java.nio.file.Path root;
    private String codeset;
    private String from;
    private String to;

    /**
     * A diff on the workspace: a diff of two releases reads git objects alone and loads nothing of
     * the working tree; only a diff against the working tree loads it.
     */
    public DiffCommand(Workspace workspace) {
        super(workspace);
        this.root = workspace.root();
    }

    public DiffCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** The older release's version ({@code 1.0.0}, or {@code latest}). */
    public DiffCommand from(String version) {
        this.from = version;
        return this;
    }

    /** The newer release's version; null (the default): the working tree. */
    public DiffCommand to(String version) {
        this.to = version;
        return this;
    }

    /** The result, with the labels of both sides. */
    public record Outcome(String from, String to, CodeSetDiff.Result diff) {
    }

    @Override
    public Outcome call() throws CodesetException {
        checkCallable();
        List<Release> releases = ReleaseHistory.releases(root, codeset);
        Release a = ReleaseHistory.find(releases, codeset, from);
        Release b = null;
        CodeSet working = null;
        if (to == null) {
            working = workspace.model().codeSet(codeset);
            if (working == null) {
                throw new NotFoundException("no code set '" + codeset + "' in the working tree");
            }
        } else {
            b = ReleaseHistory.find(releases, codeset, to);
        }
        // only the files whose content differs are read and compared
        CodeSet[] sides = ReleaseHistory.differingFiles(root, a, b, working);
        return new Outcome(a.tag(), b == null ? "working tree" : b.tag(), CodeSetDiff.between(sides[0], sides[1]));
    }
}

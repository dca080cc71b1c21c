package org.codeset.core;

import java.nio.file.Path;
import java.util.List;

import org.codeset.core.edit.AddCommand;
import org.codeset.core.edit.ChangeStatusCommand;
import org.codeset.core.edit.FormatCommand;
import org.codeset.core.edit.Init;
import org.codeset.core.edit.NewCodeSetCommand;
import org.codeset.core.edit.RelateCommand;
import org.codeset.core.edit.RemoveCommand;
import org.codeset.core.edit.SetCommand;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.interchange.ExportCommand;
import org.codeset.core.interchange.ImportCommand;
import org.codeset.core.query.CodeView;
import org.codeset.core.query.Search;
import org.codeset.core.release.DiffCommand;
import org.codeset.core.release.PullCommand;
import org.codeset.core.release.ReleaseCommand;
import org.codeset.core.workspace.ValidateCommand;
import org.codeset.core.workspace.Workspace;

/**
 * The facade every front end starts from, in the manner of JGit's {@code Git}: it holds a
 * {@link Workspace} and makes commands on it, one line each
 * ({@code Codesets.on(workspace).release().codeset("radiology").bump(ReleaseCommand.Bump.AUTO).call()}); it keeps no state of its
 * own. What needs no local repository has static entry points ({@link #init}, {@link #pull}), as
 * {@code Git.init()} and {@code Git.lsRemoteRepository()} do.
 */
public final class Codesets {
    private final Workspace workspace;

    private Codesets(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Commands on this workspace. */
    public static Codesets on(Workspace workspace) {
        return new Codesets(workspace);
    }

    /** Commands on the repository at {@code root}, read in full on first use (see {@link Workspace#open}). */
    public static Codesets open(Path root) throws CodesetException {
        return new Codesets(Workspace.open(root));
    }

    /** Commands on the repository at {@code root}, through its caches (see {@link Workspace#openCached}). */
    public static Codesets openCached(Path root) throws CodesetException {
        return new Codesets(Workspace.openCached(root));
    }

    /** The workspace the commands run on. */
    public Workspace workspace() {
        return workspace;
    }

    /**
     * {@code init}: a new code-set repository in {@code dir}: git, the bundled schema/, an empty
     * codesets/, a README and a .gitignore. Refused where a repository already is.
     */
    public static List<String> init(Path dir) throws CodesetException {
        return Init.run(dir);
    }

    /** {@code pull}: a release of a code set from a remote, read from its tag alone. */
    public static PullCommand pull() {
        return new PullCommand();
    }

    /** {@code validate}: every rule over the model. */
    public ValidateCommand validate() {
        return new ValidateCommand(workspace);
    }

    /** {@code add}: a new code. */
    public AddCommand add() {
        return new AddCommand(workspace);
    }

    /** {@code set}: change fields of a code. */
    public SetCommand set() {
        return new SetCommand(workspace);
    }

    /** {@code relate}: add a relation (both sides for mutually-exclusive). */
    public RelateCommand relate() {
        return new RelateCommand(workspace);
    }

    /** {@code unrelate}: remove a relation (both sides for mutually-exclusive). */
    public RelateCommand unrelate() {
        return new RelateCommand(workspace).remove(true);
    }

    /** {@code deprecate}: mark a code deprecated. */
    public ChangeStatusCommand deprecate() {
        return ChangeStatusCommand.deprecate(workspace);
    }

    /** {@code retire}: retire a code, optionally naming its replacement. */
    public ChangeStatusCommand retire() {
        return ChangeStatusCommand.retire(workspace);
    }

    /** {@code remove}: delete a code that was never released. */
    public RemoveCommand remove() {
        return new RemoveCommand(workspace);
    }

    /** {@code new}: a new code set. */
    public NewCodeSetCommand newCodeSet() {
        return new NewCodeSetCommand(workspace);
    }

    /** {@code fmt}: rewrite files into the canonical form. */
    public FormatCommand format() {
        return new FormatCommand(workspace);
    }

    /** {@code import}: create or update a code set from a file (FHIR CodeSystem, CSV, or a contributed format). */
    public ImportCommand importer() {
        return new ImportCommand(workspace);
    }

    /** {@code export}: a code set, from the working tree or a release, as FHIR, CSV, JSON or a contributed format. */
    public ExportCommand export() {
        return new ExportCommand(workspace);
    }

    /** {@code release}: tag a validated version of a code set. */
    public ReleaseCommand release() {
        return new ReleaseCommand(workspace);
    }

    /** {@code diff}: the semantic change between releases, or a release and the working tree. */
    public DiffCommand diff() {
        return new DiffCommand(workspace);
    }

    /** {@code releases}: a code set's releases, oldest first (read from its tags; loads no files). */
    public List<Release> releases(String codeset) throws CodesetException {
        return ReleaseHistory.releases(workspace.root(), codeset);
    }

    /** {@code show}: a code, its parents and children, and where it is used. */
    public CodeView show(String codeset, String code) throws CodesetException {
        return CodeView.of(workspace.model(), codeset, code);
    }

    /** {@code search}: codes matching a text, best first. */
    public List<Search.Hit> search(String text, String codeset, String status, int limit) throws CodesetException {
        return Search.run(workspace.model(), text, codeset, status, limit);
    }

    @Override
    public String toString() {
        return "Codesets[" + workspace.root() + "]";
    }
}

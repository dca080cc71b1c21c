package org.codeset.core;

import java.nio.file.Path;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.validate.Rules;
import org.codeset.core.validate.Validator;

/**
 * The facade every front end uses, in the manner of JGit's {@code Git}: open a repository once,
 * then run commands on it ({@code codesets.validate().call()}). The command line, the language
 * server and the web editor hold no domain logic of their own.
 */
public final class Codesets {
    private final Path root;
    private final Rules rules;
    private volatile CodeSetRepository model;

    private Codesets(Path root, Rules rules, CodeSetRepository model) {
        this.root = root;
        this.rules = rules;
        this.model = model;
    }

    /** Opens (loads and parses) the code-set repository at {@code root}. */
    public static Codesets open(Path root) throws CodesetException {
        return open(root, Rules.discover());
    }

    /** Opens the repository with an explicit set of rules. */
    public static Codesets open(Path root, Rules rules) throws CodesetException {
        return new Codesets(root, rules, RepositoryLoader.load(root));
    }

    /**
     * Opens the repository, reading unchanged files from the parse cache in
     * {@code .codeset/cache/} and refreshing it (the command line's way: each run after the first
     * parses only what changed).
     */
    public static Codesets openCached(Path root) throws CodesetException {
        CodeSetRepository loaded = RepositoryLoader.load(root, true);
        org.codeset.core.validate.ResultStore store = new org.codeset.core.validate.ResultStore(loaded.root(), toolStamp(),
                loaded.schemas().digest());
        Codesets c = new Codesets(root, Rules.discover(), store.restore(loaded));
        c.store = store;
        return c;
    }

    private org.codeset.core.validate.ResultStore store;
    private boolean persistEdits = true;

    /**
     * Whether each edit also refreshes the parse cache and the saved findings (default: yes, for
     * a repository opened with {@link #openCached}). A long-running editor session turns it off
     * and saves when it pleases.
     */
    public Codesets persistEdits(boolean persist) {
        this.persistEdits = persist;
        return this;
    }

    /** Whether edits refresh the caches on disk. */
    public boolean persistEdits() {
        return persistEdits && store != null;
    }

    /**
     * After an edit wrote files: keeps their parse in the parse cache (a session opened with
     * {@link #openCached}), so the next run need not parse them again.
     */
    public void cacheWritten(java.util.Collection<String> paths) {
        if (store == null) {
            return;
        }
        org.codeset.core.model.ParseCache cache = org.codeset.core.model.ParseCache.of(model.root(), model.schemas());
        java.util.Map<String, org.codeset.core.model.SourceFile> files = new java.util.HashMap<>();
        for (org.codeset.core.model.CodeSet cs : model.codeSets()) {
            cs.files().forEach(f -> files.put(f.path(), f));
        }
        // in parallel (as load stores them): an import writes a hundred files
        paths.parallelStream().map(files::get).filter(java.util.Objects::nonNull).forEach(f -> {
            try {
                cache.store(f, java.nio.file.Files.readAttributes(model.root().resolve(f.path()),
                        java.nio.file.attribute.BasicFileAttributes.class), model.schemas().violations(f));
            } catch (java.io.IOException e) {
                // the cache is an optimisation
            }
        });
    }

    /**
     * Saves the findings of the current model for the next run (see
     * {@link org.codeset.core.validate.ResultStore}), when it was opened with
     * {@link #openCached} and has been validated.
     */
    public void saveResults() {
        if (store != null && validationIfKnown(model) != null) {
            store.save(model);
        }
    }

    private static final String TOOL_STAMP = computeToolStamp();

    /** What identifies this build of the tool: saved findings of another build are not reused. */
    static String toolStamp() {
        return TOOL_STAMP;
    }

    private static String computeToolStamp() {
        try {
            java.net.URL where = Codesets.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(where.toURI());
            if (java.nio.file.Files.isRegularFile(p)) {
                return p.getFileName() + ":" + java.nio.file.Files.size(p) + ":"
                        + java.nio.file.Files.getLastModifiedTime(p).toMillis();
            }
        } catch (Exception e) {
            // fall through
        }
        return "unpackaged:" + ProcessHandle.current().pid() + ":" + System.nanoTime();
    }

    public Path root() {
        return model.root();
    }

    /** The loaded model. */
    public CodeSetRepository model() {
        return model;
    }

    /** Replaces the loaded model (after an edit), so later commands see it. */
    public void model(CodeSetRepository updated) {
        this.model = updated;
    }

    public Rules rules() {
        return rules;
    }

    /** Re-reads one changed file (a path relative to the root), keeping every other file's parse. */
    public void reload(String relativePath, byte[] contents) {
        this.model = RepositoryLoader.update(model, relativePath, contents);
    }

    /** {@code add}: a new code. */
    public org.codeset.core.edit.AddCommand add() {
        return new org.codeset.core.edit.AddCommand(this);
    }

    /** {@code set}: change fields of a code. */
    public org.codeset.core.edit.SetCommand set() {
        return new org.codeset.core.edit.SetCommand(this);
    }

    /** {@code relate}: add a relation (both sides for mutually-exclusive). */
    public org.codeset.core.edit.RelateCommand relate() {
        return new org.codeset.core.edit.RelateCommand(this);
    }

    /** {@code unrelate}: remove a relation (both sides for mutually-exclusive). */
    public org.codeset.core.edit.RelateCommand unrelate() {
        return new org.codeset.core.edit.RelateCommand(this).remove(true);
    }

    public org.codeset.core.edit.StatusCommand deprecate() {
        return org.codeset.core.edit.StatusCommand.deprecate(this);
    }

    public org.codeset.core.edit.StatusCommand retire() {
        return org.codeset.core.edit.StatusCommand.retire(this);
    }

    /** {@code remove}: delete a code that was never released. */
    public org.codeset.core.edit.RemoveCommand remove() {
        return new org.codeset.core.edit.RemoveCommand(this);
    }

    /** {@code new}: a new code set. */
    public org.codeset.core.edit.NewCodeSetCommand newCodeSet() {
        return new org.codeset.core.edit.NewCodeSetCommand(this);
    }

    /** {@code fmt}: rewrite files into the canonical form. */
    public org.codeset.core.edit.FormatCommand format() {
        return new org.codeset.core.edit.FormatCommand(this);
    }

    /** {@code import}: create or update a code set from a file (FHIR CodeSystem, CSV, or a contributed format). */
    public org.codeset.core.interchange.ImportCommand importer() {
        return new org.codeset.core.interchange.ImportCommand(this);
    }

    /** {@code export}: a code set, from the working tree or a release, as FHIR, CSV, JSON or a contributed format. */
    public org.codeset.core.interchange.ExportCommand export() {
        return new org.codeset.core.interchange.ExportCommand(this);
    }

    /** {@code release}: tag a validated version of a code set. */
    public org.codeset.core.history.ReleaseCommand release() {
        return new org.codeset.core.history.ReleaseCommand(this);
    }

    /** {@code diff}: the semantic change between releases, or a release and the working tree. */
    public org.codeset.core.diff.DiffCommand diff() {
        return new org.codeset.core.diff.DiffCommand(this);
    }

    /** {@code releases}: a code set's releases, oldest first. */
    public java.util.List<org.codeset.core.history.Release> releases(String codeset) throws CodesetException {
        return org.codeset.core.history.ReleaseHistory.releases(model.root(), codeset);
    }

    /** {@code show}: a code, its parents and children, and where it is used. */
    public org.codeset.core.query.CodeView show(String codeset, String code) throws CodesetException {
        return org.codeset.core.query.CodeView.of(model, codeset, code);
    }

    /** {@code search}: codes matching a text, best first. */
    public java.util.List<org.codeset.core.query.Search.Hit> search(String text, String codeset, String status, int limit) {
        return org.codeset.core.query.Search.run(model, text, codeset, status, limit);
    }

    /**
     * {@code init}: a new code-set repository in {@code dir}: git, the bundled schema/, an empty
     * codesets/, a README and a .gitignore. Refused where a repository already is.
     */
    public static java.util.List<String> init(Path dir) throws CodesetException {
        return org.codeset.core.edit.Init.run(dir);
    }

    /** {@code validate}: run every rule over the model. */
    public ValidateCommand validate() {
        return new ValidateCommand(this);
    }

    private record Validated(CodeSetRepository model, org.codeset.core.validate.ValidationResult result) {
    }

    private volatile Validated lastValidation;

    /**
     * The findings of a model with every rule at its default severity; the last result is kept,
     * so a series of edits validates each state once.
     */
    public org.codeset.core.validate.ValidationResult validation(CodeSetRepository m) {
        Validated last = lastValidation;
        if (last != null && last.model() == m) {
            return last.result();
        }
        org.codeset.core.validate.ValidationResult r = new Validator(rules).validate(m);
        lastValidation = new Validated(m, r);
        return r;
    }

    /** A validator with this facade's rules at their default severities. */
    public Validator validator() {
        return new Validator(rules);
    }

    /** The last validation result if it was of exactly this model, else null. */
    public org.codeset.core.validate.ValidationResult validationIfKnown(CodeSetRepository m) {
        Validated last = lastValidation;
        return last != null && last.model() == m ? last.result() : null;
    }

    @Override
    public String toString() {
        return "Codesets[" + root + "]";
    }
}

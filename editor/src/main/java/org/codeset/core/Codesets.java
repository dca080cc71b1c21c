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
        return new Codesets(root, Rules.discover(), RepositoryLoader.load(root, true));
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

    /** {@code validate}: run every rule over the model. */
    public ValidateCommand validate() {
        return new ValidateCommand(this);
    }

    Validator validator() {
        return new Validator(rules);
    }

    @Override
    public String toString() {
        return "Codesets[" + root + "]";
    }
}

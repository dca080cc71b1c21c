package org.codeset.core.validate;

import org.codeset.core.finding.Severity;

/**
 * A validation rule: a contribution found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.codeset.core.validate.Rule}), so a jar on the class path can add
 * rules. Each rule describes itself and carries a failing example that is both documentation and
 * a test.
 *
 * <p>A rule is called once per code set, possibly from several threads at once for different
 * code sets, so it keeps no state between calls; settings belong in the constructor.
 */
public interface Rule {
    /** The stable rule id, {@code ^[a-z][a-z0-9-]*$}. */
    String id();

    Severity defaultSeverity();

    /** One sentence: what the rule finds. */
    String description();

    /** One or two sentences: how to fix what it finds. */
    String solution();

    /**
     * A failing example and its fixed twin. The default reads
     * {@code /org/codeset/rules/<id>.example} next to the rule (see {@link RuleExample}).
     */
    default RuleExample example() {
        return RuleExample.load(getClass(), id());
    }

    /** What a rule's findings depend on, which tells the validator what it may reuse. */
    enum Scope {
        /**
         * The findings in a file depend only on that file and its code set's codeset.yaml (not
         * on other entries): the validator checks such a rule file by file and reuses the
         * findings of every unchanged file.
         */
        FILE,
        /** The findings may depend on any entry of any code set: checked whole every time. */
        REPOSITORY
    }

    /** The default is the safe one: {@link Scope#REPOSITORY}. */
    default Scope scope() {
        return Scope.REPOSITORY;
    }

    /** Checks one code set and reports into the context. */
    void check(RuleContext context);

    /**
     * Checks what belongs to no code set (the repository's layout). Called once per validation,
     * with {@link RuleContext#codeSet()} null. Most rules have nothing to do here.
     */
    default void checkRepository(RuleContext context) {
    }
}

package org.codeset.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;

/**
 * Runs rules over a loaded repository. Code sets are checked in parallel; rules that cache
 * per-file results (schema) make a revalidation after a one-file change cheap.
 */
public final class Validator {
    private final Rules rules;
    private final Map<String, Severity> overrides;

    public Validator(Rules rules) {
        this(rules, Map.of());
    }

    /** A validator in which some rules report at another severity than their default. */
    public Validator(Rules rules, Map<String, Severity> overrides) {
        this.rules = rules;
        this.overrides = Map.copyOf(overrides);
    }

    public Rules rules() {
        return rules;
    }

    public ValidationResult validate(CodeSetRepository repo) {
        ConcurrentLinkedQueue<Finding> sink = new ConcurrentLinkedQueue<>();
        List<Runnable> work = new ArrayList<>();
        for (Rule rule : rules.all()) {
            Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
            work.add(() -> rule.checkRepository(new RuleContext(rule, severity, null, repo, sink::add)));
        }
        for (CodeSet cs : repo.codeSets()) {
            for (Rule rule : rules.all()) {
                Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
                work.add(() -> rule.check(new RuleContext(rule, severity, cs, repo, sink::add)));
            }
        }
        work.parallelStream().forEach(Runnable::run);
        List<Finding> findings = new ArrayList<>(sink);
        Collections.sort(findings);
        return new ValidationResult(findings, repo.codeSets().size(), repo.fileCount(), repo.codeCount());
    }
}

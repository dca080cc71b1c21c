package org.codeset.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.ChangeLog;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.SourceFile;

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

    /** The cache key of a file-scoped rule's findings in one file: valid while codeset.yaml is the same. */
    record FileKey(String rule, Severity severity, long meta) {
    }

    /** The cache key of a file's one-file view of its code set. */
    private record ViewKey(long meta) {
    }

    /** Findings of a rule in a file, the keys they depend on, and the repository state they were made in. */
    record FileResult(List<Finding> findings, Dependencies dependencies, long generation) {
    }

    /**
     * A file-scoped rule's findings in one file, checked on a one-file view of its code set and
     * cached on the file. A cached result is reused while the file and its codeset.yaml are the
     * same objects (unchanged) and none of the codes, displays or code sets it looked up has
     * changed since (see {@link ChangeLog}).
     */
    private static List<Finding> fileFindings(Rule rule, Severity severity, CodeSet cs, SourceFile file,
            CodeSetRepository repo) {
        FileKey key = new FileKey(rule.id(), severity, cs.rulesDigest());
        ChangeLog changes = repo.changes();
        FileResult cached = file.cachedValue(key);
        if (cached != null) {
            Set<String> changed = changes.changedSince(cached.generation());
            if (changed != null && !cached.dependencies().touchedBy(changed)) {
                if (cached.generation() != changes.generation()) {
                    file.cache(key, new FileResult(cached.findings(), cached.dependencies(), changes.generation()));
                }
                return cached.findings();
            }
        }
        List<Finding> out = new ArrayList<>();
        Set<String> dependencies = new HashSet<>();
        CodeSet view = file.cached(new ViewKey(cs.rulesDigest()), f -> cs.view(f));
        rule.check(new RuleContext(rule, severity, view, repo, out::add, dependencies));
        if (file.kind() != SourceFile.Kind.CODESET) {
            out.removeIf(x -> !x.file().equals(file.path()));
        }
        FileResult result = new FileResult(List.copyOf(out), Dependencies.of(dependencies), changes.generation());
        file.cache(key, result);
        return result.findings();
    }


    /**
     * The findings in some files only (paths relative to the root): every file-scoped rule on
     * those files, and the repository-scoped rules whole (their findings filtered to the files).
     */
    public List<Finding> validateFiles(CodeSetRepository repo, Set<String> paths) {
        ConcurrentLinkedQueue<Finding> sink = new ConcurrentLinkedQueue<>();
        List<Runnable> work = new ArrayList<>();
        for (Rule rule : rules.all()) {
            Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
            if (rule.scope() != Rule.Scope.FILE) {
                work.add(() -> rule.checkRepository(new RuleContext(rule, severity, null, repo, sink::add)));
            }
            for (CodeSet cs : repo.codeSets()) {
                if (rule.scope() == Rule.Scope.FILE) {
                    for (SourceFile file : cs.files()) {
                        if (paths.contains(file.path())) {
                            work.add(() -> sink.addAll(fileFindings(rule, severity, cs, file, repo)));
                        }
                    }
                } else {
                    work.add(() -> rule.check(new RuleContext(rule, severity, cs, repo, sink::add)));
                }
            }
        }
        work.parallelStream().forEach(Runnable::run);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : sink) {
            if (paths.contains(f.file())) {
                findings.add(f);
            }
        }
        Collections.sort(findings);
        return findings;
    }

    public ValidationResult validate(CodeSetRepository repo) {
        return validate(repo, () -> false);
    }

    /**
     * Validates, giving up as soon as {@code cancelled} says so (checked before each rule on each
     * file or code set; a rule already running finishes): then returns null. An editor cancels the
     * check of a state that a newer change has made stale. Results cached so far stay valid.
     */
    public ValidationResult validate(CodeSetRepository repo, java.util.function.BooleanSupplier cancelled) {
        ConcurrentLinkedQueue<Finding> sink = new ConcurrentLinkedQueue<>();
        List<Runnable> work = new ArrayList<>();
        for (Rule rule : rules.all()) {
            Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
            work.add(() -> rule.checkRepository(new RuleContext(rule, severity, null, repo, sink::add)));
        }
        for (CodeSet cs : repo.codeSets()) {
            for (Rule rule : rules.all()) {
                Severity severity = overrides.getOrDefault(rule.id(), rule.defaultSeverity());
                if (rule.scope() == Rule.Scope.FILE) {
                    for (SourceFile file : cs.files()) {
                        work.add(() -> sink.addAll(fileFindings(rule, severity, cs, file, repo)));
                    }
                } else {
                    work.add(() -> rule.check(new RuleContext(rule, severity, cs, repo, sink::add)));
                }
            }
        }
        work.parallelStream().forEach(w -> {
            if (!cancelled.getAsBoolean()) {
                w.run();
            }
        });
        if (cancelled.getAsBoolean()) {
            return null;
        }
        List<Finding> findings = new ArrayList<>(sink);
        Collections.sort(findings);
        return new ValidationResult(findings, repo.codeSets().size(), repo.fileCount(), repo.codeCount());
    }
}

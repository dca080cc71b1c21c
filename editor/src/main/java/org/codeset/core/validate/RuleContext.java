package org.codeset.core.validate;

import java.util.List;
import java.util.function.Consumer;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.SourceFile;
import org.codeset.core.yaml.YNode;

/** What a rule sees: one code set of the repository, and a way to report. */
public final class RuleContext {
    private final Rule rule;
    private final Severity severity;
    private final CodeSet codeSet;
    private final CodeSetRepository repository;
    private final Consumer<Finding> sink;

    RuleContext(Rule rule, Severity severity, CodeSet codeSet, CodeSetRepository repository, Consumer<Finding> sink) {
        this.rule = rule;
        this.severity = severity;
        this.codeSet = codeSet;
        this.repository = repository;
        this.sink = sink;
    }

    /** The code set being checked; null in {@link Rule#checkRepository}. */
    public CodeSet codeSet() {
        return codeSet;
    }

    public CodeSetRepository repository() {
        return repository;
    }

    /** Reports a finding about an entry at one of its nodes. */
    public void report(CodeEntry entry, YNode at, String message, Finding.Location... related) {
        report(entry.file(), at, entry.code(), message, related);
    }

    /** Reports a finding at a node of a file. */
    public void report(SourceFile file, YNode at, String code, String message, Finding.Location... related) {
        int line = at == null ? 1 : at.line();
        int column = at == null ? 1 : at.column();
        int endLine = at == null ? 1 : at.endLine();
        int endColumn = at == null ? 1 : at.endColumn();
        report(file.path(), line, column, endLine, endColumn, code, message, related);
    }

    /** Reports a finding at an explicit position. */
    public void report(String path, int line, int column, int endLine, int endColumn, String code, String message,
            Finding.Location... related) {
        sink.accept(new Finding(rule.id(), severity, path, line, column, endLine, endColumn, message,
                codeSet == null ? null : codeSet.id(),
                code, List.of(related)));
    }

    /** A related location at a node. */
    public static Finding.Location at(SourceFile file, YNode node, String message) {
        return new Finding.Location(file.path(), node == null ? 1 : node.line(), node == null ? 1 : node.column(),
                message);
    }
}

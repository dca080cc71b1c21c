package org.codeset.core.validate;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.ChangeLog;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.yaml.YNode;

/** What a rule sees: one code set of the repository, and a way to report. */
public final class RuleContext implements Reference.Lookup {
    private final Rule rule;
    private final Severity severity;
    private final CodeSet codeSet;
    private final CodeSetRepository repository;
    private final Consumer<Finding> sink;
    private final Set<String> dependencies;
    /** The code set last depended on: a rule looks up many codes of one code set in a row. */
    private String lastCodeSet;

    RuleContext(Rule rule, Severity severity, CodeSet codeSet, CodeSetRepository repository, Consumer<Finding> sink) {
        this(rule, severity, codeSet, repository, sink, null);
    }

    RuleContext(Rule rule, Severity severity, CodeSet codeSet, CodeSetRepository repository, Consumer<Finding> sink,
            Set<String> dependencies) {
        this.rule = rule;
        this.severity = severity;
        this.codeSet = codeSet;
        this.repository = repository;
        this.sink = sink;
        this.dependencies = dependencies;
    }

    // ---- look-ups: a file-scoped rule looks beyond its file only through these, so that the
    // ---- validator knows what its findings depend on and can reuse them while that is unchanged

    private void depend(String key) {
        if (dependencies != null) {
            dependencies.add(key);
        }
    }

    private void dependOnCodeSet(String id) {
        if (dependencies != null && !id.equals(lastCodeSet)) {
            dependencies.add(ChangeLog.codeSetKey(id));
            lastCodeSet = id;
        }
    }

    /** Whether a code set exists. */
    @Override
    public boolean codeSetExists(String id) {
        dependOnCodeSet(id);
        return repository.codeSet(id) != null;
    }

    /** The entry of a code in a code set (the first, if duplicated), or null. */
    @Override
    public CodeEntry lookup(String codeSetId, String code) {
        dependOnCodeSet(codeSetId);
        depend(ChangeLog.codeKey(codeSetId, code));
        CodeSet cs = repository.codeSet(codeSetId);
        return cs == null ? null : cs.get(code);
    }

    /** Every entry of a code in a code set (more than one when duplicated). */
    public List<CodeEntry> lookupAll(String codeSetId, String code) {
        dependOnCodeSet(codeSetId);
        depend(ChangeLog.codeKey(codeSetId, code));
        CodeSet cs = repository.codeSet(codeSetId);
        return cs == null ? List.of() : cs.all(code);
    }

    /** The active entries of a code set with a display (compared normalised). */
    public List<CodeEntry> withDisplay(String codeSetId, String display) {
        String key = CodeSet.normalizeDisplay(display);
        depend(ChangeLog.displayKey(codeSetId, key));
        CodeSet cs = repository.codeSet(codeSetId);
        return cs == null ? List.of() : cs.withDisplay(key);
    }

    /**
     * Reads a reference written in code set {@code homeId}: {@code "72050"} or
     * {@code "icd10cm:M54.2"} (see {@link Reference#parse}), recording the look-ups it takes.
     */
    public Reference reference(String text, String homeId) {
        return Reference.parse(text, homeId, this);
    }

    /** The entry a reference written in code set {@code homeId} names, or null. */
    public CodeEntry resolve(String text, String homeId) {
        Reference ref = reference(text, homeId);
        return lookup(ref.codeSetId(), ref.code());
    }

    /**
     * The code set being checked; for a {@link Rule.Scope#FILE} rule, a view holding only the
     * file being checked (look other codes up with {@link #lookup}); null in
     * {@link Rule#checkRepository}.
     */
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
        for (Finding.Location l : related) {
            depend(ChangeLog.fileKey(l.file())); // the related place's line moves when its file changes
        }
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

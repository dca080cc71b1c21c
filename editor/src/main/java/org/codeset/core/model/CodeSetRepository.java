package org.codeset.core.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.codeset.core.schema.SchemaSet;

/**
 * A loaded code-set repository: every code set with its parsed files, the schemas to check them
 * against, and the layout problems found while reading the folders. Immutable: an edit gives a
 * new repository sharing the parse of every unchanged file, so revalidating after a one-code
 * change re-reads one file.
 */
public final class CodeSetRepository implements Reference.Lookup {
    /** A file or folder the layout does not allow (reported by the {@code layout} rule). */
    public record LayoutProblem(String path, String message) {
    }

    private final Path root;
    private final Map<String, CodeSet> codeSets;
    private final List<LayoutProblem> layoutProblems;
    private final SchemaSet schemas;
    private final ChangeLog changes;

    public CodeSetRepository(Path root, Map<String, CodeSet> codeSets, List<LayoutProblem> layoutProblems,
            SchemaSet schemas) {
        this(root, codeSets, layoutProblems, schemas, ChangeLog.start());
    }

    private CodeSetRepository(Path root, Map<String, CodeSet> codeSets, List<LayoutProblem> layoutProblems,
            SchemaSet schemas, ChangeLog changes) {
        this.root = root;
        this.codeSets = Collections.unmodifiableMap(new TreeMap<>(codeSets));
        this.layoutProblems = List.copyOf(layoutProblems);
        this.schemas = schemas;
        this.changes = changes;
    }

    /** What changed between this state and the ones before it (for reusing cached findings). */
    public ChangeLog changes() {
        return changes;
    }

    public Path root() {
        return root;
    }

    public Collection<CodeSet> codeSets() {
        return codeSets.values();
    }

    public CodeSet codeSet(String id) {
        return codeSets.get(id);
    }

    /** The parsed file at a path relative to the root ({@code codesets/<id>/...}), or null. */
    public SourceFile file(String rel) {
        if (!Layout.isCodeSetFile(rel)) {
            return null;
        }
        CodeSet cs = codeSet(Layout.codeSetOf(rel));
        if (cs != null) {
            for (SourceFile f : cs.files()) {
                if (f.path().equals(rel)) {
                    return f;
                }
            }
        }
        return null;
    }

    public List<LayoutProblem> layoutProblems() {
        return layoutProblems;
    }

    public SchemaSet schemas() {
        return schemas;
    }

    @Override
    public boolean codeSetExists(String id) {
        return codeSets.containsKey(id);
    }

    @Override
    public CodeEntry lookup(String codeSetId, String code) {
        CodeSet cs = codeSets.get(codeSetId);
        return cs == null ? null : cs.get(code);
    }

    /** The number of code entries in all code sets. */
    public int codeCount() {
        return codeSets.values().stream().mapToInt(cs -> cs.entries().size()).sum();
    }

    /** The number of YAML files read. */
    public int fileCount() {
        return codeSets.values().stream().mapToInt(cs -> cs.files().size()).sum();
    }

    /** This repository, declared as following an earlier state with the given keys changed since. */
    public CodeSetRepository after(ChangeLog earlier, java.util.Set<String> changedKeys) {
        return new CodeSetRepository(root, codeSets, layoutProblems, schemas, earlier.next(changedKeys));
    }

    /** Returns a repository in which one code set is replaced, the given keys having changed. */
    public CodeSetRepository with(CodeSet codeSet, java.util.Set<String> changedKeys) {
        Map<String, CodeSet> copy = new TreeMap<>(codeSets);
        copy.put(codeSet.id(), codeSet);
        return new CodeSetRepository(root, copy, layoutProblems, schemas, changes.next(changedKeys));
    }
}

package org.codeset.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;

/**
 * A code set: its {@code codeset.yaml} and its code files, with an index of its codes. Immutable;
 * replacing a file gives a new {@code CodeSet} that shares every other file's parse.
 */
public final class CodeSet {
    private final String id;
    private final SourceFile metaFile;
    private final List<SourceFile> codeFiles;
    private final List<CodeEntry> entries;
    private final Map<String, List<CodeEntry>> byCode;
    private final Map<String, PropertyDef> properties;
    private final Pattern codePattern;
    private final String codePatternError;

    public CodeSet(String id, SourceFile metaFile, List<SourceFile> codeFiles) {
        this.id = id;
        this.metaFile = metaFile;
        this.codeFiles = List.copyOf(codeFiles);
        List<CodeEntry> all = new ArrayList<>();
        Map<String, List<CodeEntry>> index = new HashMap<>();
        for (SourceFile f : this.codeFiles) {
            for (YMap node : f.codeNodes()) {
                CodeEntry e = new CodeEntry(node, f);
                all.add(e);
                if (e.code() != null) {
                    index.computeIfAbsent(e.code(), k -> new ArrayList<>(1)).add(e);
                }
            }
        }
        this.entries = Collections.unmodifiableList(all);
        this.byCode = index;
        YMap meta = meta();
        Map<String, PropertyDef> props = new LinkedHashMap<>();
        if (meta != null && meta.get("properties") instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap m && m.text("id") != null) {
                    props.putIfAbsent(m.text("id"), PropertyDef.of(m));
                }
            }
        }
        this.properties = Collections.unmodifiableMap(props);
        String patternText = meta == null ? null : meta.text("codePattern");
        Pattern p = null;
        String error = null;
        if (patternText != null) {
            try {
                p = Pattern.compile(patternText);
            } catch (PatternSyntaxException e) {
                error = e.getDescription();
            }
        }
        this.codePattern = p;
        this.codePatternError = error;
    }

    public String id() {
        return id;
    }

    /** The {@code codeset.yaml} file, or null when the folder has none. */
    public SourceFile metaFile() {
        return metaFile;
    }

    /** The root mapping of {@code codeset.yaml}, or null. */
    public YMap meta() {
        return metaFile == null ? null : metaFile.rootMap();
    }

    public List<SourceFile> codeFiles() {
        return codeFiles;
    }

    /** {@code codeset.yaml} (when present) and the code files. */
    public List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>(codeFiles.size() + 1);
        if (metaFile != null) {
            out.add(metaFile);
        }
        out.addAll(codeFiles);
        return out;
    }

    /** Every entry of every code file, in file order. */
    public List<CodeEntry> entries() {
        return entries;
    }

    /** The entry of a code (the first, when the code is duplicated), or null. */
    public CodeEntry get(String code) {
        List<CodeEntry> list = byCode.get(code);
        return list == null ? null : list.get(0);
    }

    /** Every entry of a code: more than one only when the code is duplicated. */
    public List<CodeEntry> all(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Map<String, List<CodeEntry>> index() {
        return Collections.unmodifiableMap(byCode);
    }

    public Map<String, PropertyDef> properties() {
        return properties;
    }

    /** The compiled {@code codePattern}, or null when absent or not a valid expression. */
    public Pattern codePattern() {
        return codePattern;
    }

    /** Why {@code codePattern} does not compile, or null. */
    public String codePatternError() {
        return codePatternError;
    }

    /** Returns this code set with one file replaced, added ({@code old} null) or removed ({@code replacement} null). */
    public CodeSet withFile(SourceFile old, SourceFile replacement) {
        if (replacement != null && replacement.kind() == SourceFile.Kind.CODESET) {
            return new CodeSet(id, replacement, codeFiles);
        }
        if (old != null && old.kind() == SourceFile.Kind.CODESET) {
            return new CodeSet(id, null, codeFiles);
        }
        List<SourceFile> files = new ArrayList<>(codeFiles);
        if (old != null) {
            files.remove(old);
        }
        if (replacement != null) {
            files.add(replacement);
            files.sort(java.util.Comparator.comparing(SourceFile::path));
        }
        return new CodeSet(id, metaFile, files);
    }

    @Override
    public String toString() {
        return id;
    }
}

package org.codeset.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * A code set: its {@code codeset.yaml} and its code files, with indexes of its codes and
 * displays. Immutable; replacing a file gives a new {@code CodeSet} that shares every other
 * file's parse and entries and patches the indexes (work in proportion to the file, not the set).
 */
public final class CodeSet {
    private final String id;
    private final SourceFile metaFile;
    private final List<SourceFile> codeFiles;
    private final Map<SourceFile, List<CodeEntry>> byFile;
    private final Index byCode;
    private volatile Index byDisplay;
    private volatile List<CodeEntry> entries;
    private final Map<String, PropertyDef> properties;
    private final Pattern codePattern;
    private final String codePatternError;

    public CodeSet(String id, SourceFile metaFile, List<SourceFile> codeFiles) {
        this(id, metaFile, sorted(codeFiles), entriesOf(codeFiles), null, null);
    }

    private CodeSet(String id, SourceFile metaFile, List<SourceFile> codeFiles, Map<SourceFile, List<CodeEntry>> byFile,
            Index byCode, Index byDisplay) {
        this.id = id;
        this.metaFile = metaFile;
        this.codeFiles = List.copyOf(codeFiles);
        this.byFile = byFile;
        if (byCode == null) {
            byCode = Index.of(entriesIn(this.codeFiles, byFile), CodeEntry::code);
        }
        this.byCode = byCode;
        this.byDisplay = byDisplay;
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

    private static List<CodeEntry> entriesIn(List<SourceFile> files, Map<SourceFile, List<CodeEntry>> byFile) {
        int n = 0;
        for (SourceFile f : files) {
            n += byFile.get(f).size();
        }
        List<CodeEntry> all = new ArrayList<>(n);
        for (SourceFile f : files) {
            all.addAll(byFile.get(f));
        }
        return all;
    }

    private static List<SourceFile> sorted(List<SourceFile> files) {
        List<SourceFile> out = new ArrayList<>(files);
        out.sort(Comparator.comparing(SourceFile::path));
        return out;
    }

    private static Map<SourceFile, List<CodeEntry>> entriesOf(List<SourceFile> files) {
        if (files.size() > 8) { // an import or a load: a hundred files of a thousand codes
            return files.parallelStream().collect(java.util.stream.Collectors.toMap(f -> f, CodeSet::entriesOf,
                    (a, b) -> a, HashMap::new));
        }
        Map<SourceFile, List<CodeEntry>> out = new HashMap<>();
        for (SourceFile f : files) {
            out.put(f, entriesOf(f));
        }
        return out;
    }

    private static List<CodeEntry> entriesOf(SourceFile f) {
        List<YMap> nodes = f.codeNodes();
        List<CodeEntry> list = new ArrayList<>(nodes.size());
        for (YMap node : nodes) {
            list.add(new CodeEntry(node, f));
        }
        return Collections.unmodifiableList(list);
    }

    private static void index(Index.Builder index, List<CodeEntry> entries, boolean add) {
        for (CodeEntry e : entries) {
            if (e.code() != null) {
                if (add) {
                    index.add(e.code(), e);
                } else {
                    index.remove(e.code(), e);
                }
            }
        }
    }

    /** Lower case, runs of white space as one space, trimmed: how displays are compared. */
    public static String normalizeDisplay(String display) {
        StringBuilder b = new StringBuilder(display.length());
        boolean space = false;
        for (int i = 0; i < display.length(); i++) {
            char c = display.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
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
        List<CodeEntry> e = entries;
        if (e == null) {
            List<CodeEntry> all = new ArrayList<>();
            for (SourceFile f : codeFiles) {
                all.addAll(byFile.get(f));
            }
            e = Collections.unmodifiableList(all);
            entries = e;
        }
        return e;
    }

    /** The entries of one code file of this code set. */
    public List<CodeEntry> entries(SourceFile file) {
        return byFile.getOrDefault(file, List.of());
    }

    /** A view of this code set with only one of its files (for checking a file on its own). */
    public CodeSet view(SourceFile file) {
        if (file.kind() == SourceFile.Kind.CODESET) {
            return new CodeSet(id, file, List.of(), Map.of(), Index.empty(), Index.empty());
        }
        Map<SourceFile, List<CodeEntry>> one = Map.of(file, entries(file));
        return new CodeSet(id, metaFile, List.of(file), one, Index.of(entries(file), CodeEntry::code), null);
    }

    /** The entry of a code (the first, when the code is duplicated), or null. */
    public CodeEntry get(String code) {
        List<CodeEntry> list = byCode.get(code);
        return list.isEmpty() ? null : list.get(0);
    }

    /** Every entry of a code: more than one only when the code is duplicated. */
    public List<CodeEntry> all(String code) {
        return byCode.get(code);
    }

    public boolean contains(String code) {
        return !byCode.get(code).isEmpty();
    }

    /** Every code with its entries. */
    public Map<String, List<CodeEntry>> index() {
        return byCode.asMap();
    }

    /** The active entries whose display normalises to {@code normalizedDisplay}. */
    public List<CodeEntry> withDisplay(String normalizedDisplay) {
        return displays().get(normalizedDisplay);
    }

    private Index displays() {
        Index d = byDisplay;
        if (d == null) {
            synchronized (this) {
                d = byDisplay;
                if (d == null) {
                    d = Index.of(entries(), e -> e.isActive() && e.display() != null && e.code() != null
                            ? normalizeDisplay(e.display()) : null);
                    byDisplay = d;
                }
            }
        }
        return d;
    }

    private static void indexDisplay(Index.Builder d, CodeEntry e, boolean add) {
        if (e.isActive() && e.display() != null && e.code() != null) {
            if (add) {
                d.add(normalizeDisplay(e.display()), e);
            } else {
                d.remove(normalizeDisplay(e.display()), e);
            }
        }
    }

    /**
     * A digest of what rules read from codeset.yaml (everything but version, title, description
     * and publisher): a release that only sets the version keeps every file's findings valid.
     */
    public long rulesDigest() {
        if (metaFile == null) {
            return 0;
        }
        return metaFile.cached("rulesDigest", f -> {
            YMap m = f.rootMap();
            if (m == null) {
                return (long) f.hashCode();
            }
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < m.size(); i++) {
                String k = m.keyName(i);
                if (!java.util.Set.of("version", "title", "description", "publisher").contains(k)) {
                    h = (h ^ k.hashCode()) * 0x100000001b3L;
                    h = (h ^ EntryDigest.hash(m.value(i))) * 0x100000001b3L;
                }
            }
            return h;
        });
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
        if ((replacement != null && replacement.kind() == SourceFile.Kind.CODESET)
                || (old != null && old.kind() == SourceFile.Kind.CODESET)) {
            return new CodeSet(id, replacement, codeFiles, byFile, byCode, byDisplay);
        }
        List<SourceFile> files = new ArrayList<>(codeFiles);
        Map<SourceFile, List<CodeEntry>> fileEntries = new HashMap<>(byFile);
        Index.Builder codes = byCode.edit();
        Index.Builder shown = byDisplay == null ? null : byDisplay.edit();
        if (old != null) {
            files.remove(old);
            List<CodeEntry> gone = fileEntries.remove(old);
            if (gone != null) {
                index(codes, gone, false);
                if (shown != null) {
                    gone.forEach(e -> indexDisplay(shown, e, false));
                }
            }
        }
        if (replacement != null) {
            files.add(replacement);
            files.sort(Comparator.comparing(SourceFile::path));
            List<CodeEntry> added = entriesOf(replacement);
            fileEntries.put(replacement, added);
            index(codes, added, true);
            if (shown != null) {
                added.forEach(e -> indexDisplay(shown, e, true));
            }
        }
        return new CodeSet(id, metaFile, files, fileEntries, codes.build(), shown == null ? null : shown.build());
    }

    @Override
    public String toString() {
        return id;
    }
}

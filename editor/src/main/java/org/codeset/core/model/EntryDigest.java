package org.codeset.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * What an entry is, for telling which entries an edit changed: its code, its normalised display
 * and a hash of its content (structure and text, not positions: an entry that only moved is
 * unchanged).
 */
public record EntryDigest(String code, String display, long hash) {

    /** The digests of a file's entries, by code. */
    public static Map<String, EntryDigest> of(SourceFile file) {
        if (file == null) {
            return Map.of();
        }
        return file.cached(EntryDigest.class, EntryDigest::compute);
    }

    private static Map<String, EntryDigest> compute(SourceFile file) {
        Map<String, EntryDigest> out = new HashMap<>();
        for (YMap node : file.codeNodes()) {
            CodeEntry e = new CodeEntry(node, file);
            if (e.code() != null) {
                out.put(e.code(), new EntryDigest(e.code(), e.display() == null ? null : CodeSet.normalizeDisplay(e.display()),
                        hash(node)));
            }
        }
        return Map.copyOf(out);
    }

    /**
     * Adds to {@code changed} the keys of the entries that differ between two versions of a file
     * of code set {@code codeset}: added, removed or changed codes, and their displays.
     */
    public static void changedKeys(String codeset, Map<String, EntryDigest> before, Map<String, EntryDigest> after,
            Set<String> changed) {
        for (EntryDigest b : before.values()) {
            EntryDigest a = after.get(b.code());
            if (a == null || a.hash() != b.hash()) {
                add(codeset, b, changed);
                if (a != null) {
                    add(codeset, a, changed);
                }
            }
        }
        for (EntryDigest a : after.values()) {
            if (!before.containsKey(a.code())) {
                add(codeset, a, changed);
            }
        }
    }

    private static void add(String codeset, EntryDigest d, Set<String> changed) {
        changed.add(ChangeLog.codeKey(codeset, d.code()));
        if (d.display() != null) {
            changed.add(ChangeLog.displayKey(codeset, d.display()));
        }
    }

    /** 64-bit FNV-1a over the node's structure and texts. */
    public static long hash(YNode node) {
        return hash(node, 0xcbf29ce484222325L);
    }

    private static long hash(YNode node, long h) {
        if (node instanceof YScalar s) {
            h = mix(h, 1);
            h = mix(h, s.isNull() ? 0 : s.isBoolean() ? 2 : 3);
            return text(h, s.text());
        }
        if (node instanceof YSeq q) {
            h = mix(h, 4);
            for (YNode item : q.items()) {
                h = hash(item, h);
            }
            return mix(h, 5);
        }
        YMap m = (YMap) node;
        h = mix(h, 6);
        for (int i = 0; i < m.size(); i++) {
            h = text(h, m.keyName(i));
            h = hash(m.value(i), h);
        }
        return mix(h, 7);
    }

    private static long text(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return mix(h, 0x10000);
    }

    private static long mix(long h, int v) {
        return (h ^ v) * 0x100000001b3L;
    }
}

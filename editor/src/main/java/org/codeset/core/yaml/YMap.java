package org.codeset.core.yaml;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping with scalar keys, in file order. Keys are unique (duplicates are a syntax error). */
public final class YMap extends YNode {
    /** One key and its value. */
    public record Entry(YScalar key, YNode value) {
    }

    private final Map<String, Entry> entries;

    public YMap(LinkedHashMap<String, Entry> entries, int line, int column, int endLine, int endColumn) {
        super(line, column, endLine, endColumn);
        this.entries = Collections.unmodifiableMap(entries);
    }

    public YNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** The value of {@code key} if it is a scalar, else null. */
    public YScalar scalar(String key) {
        return get(key) instanceof YScalar s ? s : null;
    }

    /** The text of {@code key} if it is a non-null scalar, else null. */
    public String text(String key) {
        YScalar s = scalar(key);
        return s == null || s.isNull() ? null : s.text();
    }

    public YScalar key(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.key();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}

package org.codeset.core.yaml;

import java.util.AbstractList;
import java.util.List;

/**
 * A YAML mapping with scalar keys, in file order. Keys are unique (duplicates are a syntax
 * error). Kept compact (arrays, key positions as numbers) because a large repository holds
 * millions of these: mappings in code files have a handful of keys, so lookup is a short scan.
 */
public final class YMap extends YNode {
    /** One key and its value. */
    public record Entry(YScalar key, YNode value) {
    }

    private final String[] keys;
    private final YNode[] values;
    /** Per key: start line, start column, end line, end column. */
    private final int[] keyPositions;
    private final byte[] keyStyles;

    YMap(String[] keys, YNode[] values, int[] keyPositions, byte[] keyStyles, int line, int column, int endLine,
            int endColumn) {
        super(line, column, endLine, endColumn);
        this.keys = keys;
        this.values = values;
        this.keyPositions = keyPositions;
        this.keyStyles = keyStyles;
    }

    /**
     * A mapping from arrays the caller hands over (not copied): key texts, values, per key its
     * start line, start column, end line and end column, and per key its {@link YScalar.Style}
     * ordinal. For readers that decode many mappings (the parse cache).
     */
    public static YMap ofArrays(String[] keys, YNode[] values, int[] keyPositions, byte[] keyStyles, int line, int column,
            int endLine, int endColumn) {
        return new YMap(keys, values, keyPositions, keyStyles, line, column, endLine, endColumn);
    }

    /** A mapping of the given keys (with their positions) and values. */
    public static YMap of(YScalar[] keys, YNode[] values, int line, int column, int endLine, int endColumn) {
        int n = keys.length;
        String[] names = new String[n];
        int[] positions = new int[n * 4];
        byte[] styles = new byte[n];
        for (int i = 0; i < n; i++) {
            YScalar k = keys[i];
            names[i] = k.text();
            positions[i * 4] = k.line();
            positions[i * 4 + 1] = k.column();
            positions[i * 4 + 2] = k.endLine();
            positions[i * 4 + 3] = k.endColumn();
            styles[i] = (byte) k.style().ordinal();
        }
        return new YMap(names, values, positions, styles, line, column, endLine, endColumn);
    }

    private int indexOf(String key) {
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public YNode get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
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

    /** The key itself, with its position, or null. */
    public YScalar key(String key) {
        int i = indexOf(key);
        return i < 0 ? null : keyAt(i);
    }

    private YScalar keyAt(int i) {
        int p = i * 4;
        return new YScalar(keys[i], YScalar.Style.of(keyStyles[i]), null, keyPositions[p], keyPositions[p + 1],
                keyPositions[p + 2], keyPositions[p + 3]);
    }

    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    /** The keys in file order. */
    public List<String> keys() {
        return List.of(keys);
    }

    /** The entries in file order. */
    public List<Entry> entries() {
        return new AbstractList<>() {
            @Override
            public Entry get(int index) {
                return new Entry(keyAt(index), values[index]);
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** The name of the i-th key. */
    public String keyName(int i) {
        return keys[i];
    }

    /** The value of the i-th key. */
    public YNode value(int i) {
        return values[i];
    }

    public int size() {
        return keys.length;
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}

package org.codeset.lsp;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * The scalar at a position of a parsed file, with the keys and list indexes that lead to it
 * ({@code [codes, 3, relations, 0, target]}). Positions are 1-based, as in the YAML model; a
 * position just after a scalar still counts as on it (where the caret is after typing).
 *
 * @param scalar the scalar (a key or a value)
 * @param path   the keys (String) and list indexes (Integer) from the root to the scalar
 * @param key    whether the scalar is a mapping key
 */
record Cursor(YScalar scalar, List<Object> path, boolean key) {

    /** The scalar at {@code line}, {@code column} (1-based) below {@code root}, or null. */
    static Cursor at(YNode root, int line, int column) {
        return root == null ? null : find(root, line, column, new ArrayList<>());
    }

    private static Cursor find(YNode n, int line, int column, List<Object> path) {
        if (n instanceof YScalar s) {
            return contains(s, line, column) ? new Cursor(s, List.copyOf(path), false) : null;
        }
        if (line < n.line() || line > n.endLine()) {
            return null;
        }
        if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                path.add(e.key().text());
                if (contains(e.key(), line, column)) {
                    return new Cursor(e.key(), List.copyOf(path), true);
                }
                Cursor c = find(e.value(), line, column, path);
                path.remove(path.size() - 1);
                if (c != null) {
                    return c;
                }
            }
        } else if (n instanceof YSeq seq) {
            for (int i = 0; i < seq.size(); i++) {
                path.add(i);
                Cursor c = find(seq.get(i), line, column, path);
                path.remove(path.size() - 1);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    static boolean contains(YNode s, int line, int column) {
        boolean afterStart = line > s.line() || (line == s.line() && column >= s.column());
        boolean beforeEnd = line < s.endLine() || (line == s.endLine() && column <= s.endColumn());
        return afterStart && beforeEnd;
    }

    /** The path element at {@code i} as a key name, or null. */
    String keyAt(int i) {
        return i < path.size() && path.get(i) instanceof String k ? k : null;
    }

    /** Whether path element {@code i} is a list index. */
    boolean indexAt(int i) {
        return i < path.size() && path.get(i) instanceof Integer;
    }
}

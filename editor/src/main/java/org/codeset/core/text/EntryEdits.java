package org.codeset.core.text;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * Line-level edits of YAML mappings and lists inside a {@link SourceText}: set a key, add one at
 * its canonical place, remove one, append or drop a list item. Only the lines of the touched
 * key change; a key written on a list item's dash line keeps the dash.
 */
public final class EntryEdits {
    private final SourceText text;

    public EntryEdits(SourceText text) {
        this.text = text;
    }

    /** The last line holding the content of {@code node} (not the line where the next key starts). */
    public int lastContentLine(YNode n) {
        if (n instanceof YMap m && m.size() > 0 && !flow(n)) {
            return lastContentLine(m.value(m.size() - 1));
        }
        if (n instanceof YSeq s && s.size() > 0 && !flow(n)) {
            return lastContentLine(s.get(s.size() - 1));
        }
        return text.lastContentLine(n);
    }

    private boolean flow(YNode n) {
        if (n.endColumn() < 2 || n.endLine() > text.lineCount()) {
            return false;
        }
        String l = text.line(n.endLine());
        char c = n.endColumn() - 2 < l.length() ? l.charAt(n.endColumn() - 2) : ' ';
        return c == ']' || c == '}';
    }

    /** Sets {@code key} to a one-line rendered value: in place when it exists, else at its canonical place. */
    public void setScalar(YMap map, String key, String rendered) {
        YNode v = map.get(key);
        YScalar k = map.key(key);
        if (v instanceof YScalar s && s.line() == s.endLine() && s.style() != YScalar.Style.LITERAL
                && s.style() != YScalar.Style.FOLDED && !s.isNull()) {
            text.replaceInLine(s.line(), s.column(), s.endColumn(), rendered);
        } else if (k != null) {
            replaceKey(map, key, List.of(rendered.isEmpty() ? key + ":" : key + ": " + rendered));
        } else {
            insertKey(map, key, List.of(SourceText.indentOf(map) + key + ": " + rendered));
        }
    }

    /** Replaces a key and its whole value with lines; the first line's indentation is the key's own. */
    public void replaceKey(YMap map, String key, List<String> lines) {
        YScalar k = map.key(key);
        int last = Math.max(k.line(), lastContentLine(map.get(key)));
        String prefix = text.line(k.line()).substring(0, k.column() - 1);
        List<String> out = new ArrayList<>(lines);
        out.set(0, prefix + lines.get(0).strip());
        text.replace(k.line(), last, out);
    }

    /** Sets a key whose value takes several lines (a list or mapping). */
    public void setBlock(YMap map, String key, List<String> lines) {
        if (map.has(key)) {
            replaceKey(map, key, lines);
        } else {
            insertKey(map, key, lines);
        }
    }

    /** Inserts a new key before the first key that follows it in canonical order, else after the last. */
    public void insertKey(YMap map, String key, List<String> lines) {
        int rank = Canonical.rank(key);
        for (int i = 0; i < map.size(); i++) {
            String other = map.keyName(i);
            YScalar k = map.key(other);
            if (Canonical.rank(other) > rank && !onDashLine(k)) {
                text.insertBefore(k.line(), lines);
                return;
            }
        }
        text.insertAfter(lastContentLine(map), lines);
    }

    /** Removes a key and its value (never the key on a list item's dash line). */
    public void removeKey(YMap map, String key) {
        YScalar k = map.key(key);
        if (k == null) {
            return;
        }
        if (onDashLine(k) && map.size() > 1) {
            throw new IllegalStateException("cannot remove '" + key + "' written on the item's first line");
        }
        text.delete(k.line(), Math.max(k.line(), lastContentLine(map.get(key))));
    }

    /** Whether a key is written on a list item's dash line ({@code - code: ...}). */
    public boolean onDashLine(YScalar key) {
        return text.line(key.line()).substring(0, key.column() - 1).strip().endsWith("-");
    }

    /** Appends an item (lines with their dash) to a block list. */
    public void appendItem(YSeq seq, List<String> lines) {
        text.insertAfter(lastContentLine(seq), lines);
    }

    /** Removes one item of a block list. */
    public void removeItem(YSeq seq, int index) {
        YNode item = seq.get(index);
        text.delete(item.line(), Math.max(item.line(), lastContentLine(item)));
    }

    /** The indentation of a block list's dashes, or null for a flow list. */
    public String dashIndent(YSeq seq) {
        return seq.size() == 0 || flow(seq) ? null : text.dashIndent(seq);
    }
}

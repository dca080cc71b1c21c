package org.codeset.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;

/**
 * A file's text as lines, and edits to it that touch only the lines they must: every other byte
 * (comments, blank lines, quoting, key order, line endings) stays as it was. Edits are collected
 * against the original line numbers and applied together.
 */
public final class SourceText {
    /** Replace lines [from, to) (0-based) with {@code lines}; from == to inserts. */
    private record Change(int from, int to, List<String> lines, int order) {
    }

    private final List<String> lines;
    private final String eol;
    private final boolean finalEol;
    private final List<Change> changes = new ArrayList<>();

    public SourceText(String text) {
        this.eol = text.contains("\r\n") ? "\r\n" : "\n";
        this.finalEol = text.isEmpty() || text.endsWith("\n");
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        this.lines = new ArrayList<>(List.of(body.isEmpty() && text.isEmpty() ? new String[0] : body.split("\r?\n", -1)));
    }

    /** Line {@code n} (1-based) without its line ending. */
    public String line(int n) {
        return lines.get(n - 1);
    }

    public int lineCount() {
        return lines.size();
    }

    public static boolean blankOrComment(String l) {
        String t = l.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    public static boolean blank(String l) {
        return l.isBlank();
    }

    /**
     * The last line (1-based) holding content of a node: its end, less trailing blank and
     * comment-only lines (those belong to what follows).
     */
    public int lastContentLine(YNode node) {
        int l = node.endColumn() == 1 && node.endLine() > node.line() ? node.endLine() - 1 : node.endLine();
        l = Math.min(l, lines.size());
        while (l > node.line() && blankOrComment(line(l))) {
            l--;
        }
        return l;
    }

    /** The first line of a list item's text: the dash line, or the comments right above it that describe it. */
    public int leadingCommentStart(int firstLine) {
        int l = firstLine;
        while (l > 1 && !blank(line(l - 1)) && line(l - 1).strip().startsWith("#")) {
            l--;
        }
        return l;
    }

    /** Spaces before the first key of a block mapping (its keys' indentation). */
    public static String indentOf(YMap map) {
        return " ".repeat(map.column() - 1);
    }

    /** The indentation of a list's dashes (the column of the '-' before its first item). */
    public String dashIndent(YSeq seq) {
        YNode first = seq.get(0);
        String l = line(first.line());
        int col = first.column() - 2;
        while (col >= 0 && l.charAt(col) != '-') {
            col--;
        }
        return " ".repeat(Math.max(0, col));
    }

    /** Whether the items of a list are separated by blank lines (looked up between the first two). */
    public boolean itemsSeparatedByBlankLines(YSeq seq) {
        if (seq.size() < 2) {
            return false;
        }
        int second = leadingCommentStart(seq.get(1).line());
        return second > 1 && blank(line(second - 1));
    }

    public void replace(int fromLine, int toLineInclusive, List<String> newLines) {
        changes.add(new Change(fromLine - 1, toLineInclusive, List.copyOf(newLines), changes.size()));
    }

    public void insertBefore(int line, List<String> newLines) {
        changes.add(new Change(line - 1, line - 1, List.copyOf(newLines), changes.size()));
    }

    public void insertAfter(int line, List<String> newLines) {
        changes.add(new Change(line, line, List.copyOf(newLines), changes.size()));
    }

    public void delete(int fromLine, int toLineInclusive) {
        replace(fromLine, toLineInclusive, List.of());
    }

    /** Replaces part of one line: columns [fromCol, toCol) (1-based). */
    public void replaceInLine(int line, int fromCol, int toCol, String text) {
        String l = line(line);
        replace(line, line, List.of(l.substring(0, fromCol - 1) + text + l.substring(Math.min(toCol - 1, l.length()))));
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** The text with every change applied (changes must not overlap). */
    public String result() {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(Change::from).thenComparingInt(Change::order).reversed());
        List<String> out = new ArrayList<>(lines);
        int lastFrom = Integer.MAX_VALUE;
        for (Change c : sorted) {
            if (c.to() > lastFrom) {
                throw new IllegalStateException("overlapping edits at line " + (c.from() + 1));
            }
            List<String> region = out.subList(c.from(), c.to());
            region.clear();
            region.addAll(c.lines());
            lastFrom = c.from();
        }
        String text = String.join(eol, out);
        return out.isEmpty() ? "" : finalEol ? text + eol : text;
    }
}

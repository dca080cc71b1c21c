package org.codeset.core.yaml;

/**
 * A node of a parsed YAML document with its exact source span. Scalars keep the text as
 * written; nothing is ever coerced to a number, boolean or date on the way in.
 *
 * <p>Lines and columns are 1-based; the end position is exclusive (the character after the
 * node), as in an LSP range.
 */
public abstract sealed class YNode permits YMap, YSeq, YScalar {
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;

    YNode(int line, int column, int endLine, int endColumn) {
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    /** A short description of the node's kind, for messages ("a mapping", "a list", "a text"). */
    public abstract String kind();
}

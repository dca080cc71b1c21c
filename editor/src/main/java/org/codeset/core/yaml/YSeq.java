package org.codeset.core.yaml;

import java.util.List;

/** A YAML sequence. */
public final class YSeq extends YNode {
    private final List<YNode> items;

    public YSeq(List<YNode> items, int line, int column, int endLine, int endColumn) {
        super(line, column, endLine, endColumn);
        this.items = List.copyOf(items);
    }

    public List<YNode> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public YNode get(int index) {
        return items.get(index);
    }

    @Override
    public String kind() {
        return "a list";
    }
}

package org.codeset.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.edit.EditCommand;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** The text edits that turn one text into another, and workspace edits from planned edit commands. */
final class TextEdits {
    private TextEdits() {
    }

    /** One edit replacing the lines that differ (the common first and last lines are kept), or none. */
    static List<TextEdit> diff(String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        StringBuilder text = new StringBuilder();
        for (int i = head; i < b.size() - tail; i++) {
            text.append(b.get(i));
        }
        return List.of(new TextEdit(new Range(new Position(head, 0), end(a, a.size() - tail)), text.toString()));
    }

    /** The position where line {@code index} starts; past the last line, the end of the text. */
    private static Position end(List<String> lines, int index) {
        if (index < lines.size()) {
            return new Position(index, 0);
        }
        if (lines.isEmpty()) {
            return new Position(0, 0);
        }
        String last = lines.get(lines.size() - 1);
        if (last.endsWith("\n")) {
            return new Position(lines.size(), 0);
        }
        return new Position(lines.size() - 1, last.length());
    }

    /** The lines of a text, each with its line ending. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    /** The planned changes of an edit command as a workspace edit (nothing is written). */
    static WorkspaceEdit workspaceEdit(Snapshot s, List<EditCommand.FileChange> changes) {
        Map<String, List<TextEdit>> edits = new LinkedHashMap<>();
        for (EditCommand.FileChange c : changes) {
            if (c.before() == null) {
                continue; // the quick fixes never create files
            }
            edits.put(s.uri(c.path()), diff(c.before(), c.after()));
        }
        return new WorkspaceEdit(edits);
    }

    /** A workspace edit replacing one range of one document. */
    static WorkspaceEdit replace(String uri, Range range, String text) {
        return new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(range, text))));
    }
}

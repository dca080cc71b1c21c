package org.codeset.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies the client's document changes (whole text, or a range replaced) to a text. */
final class TextChanges {
    private TextChanges() {
    }

    static String apply(String text, TextDocumentContentChangeEvent change) {
        Range r = change.getRange();
        if (r == null) {
            return change.getText();
        }
        int from = offset(text, r.getStart());
        int to = Math.max(from, offset(text, r.getEnd()));
        return text.substring(0, from) + change.getText() + text.substring(to);
    }

    /** The offset of a 0-based line and UTF-16 character, clamped to the text. */
    static int offset(String text, Position p) {
        int offset = 0;
        for (int line = 0; line < p.getLine(); line++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return text.length();
            }
            offset = nl + 1;
        }
        int end = text.indexOf('\n', offset);
        if (end < 0) {
            end = text.length();
        }
        return Math.min(offset + Math.max(0, p.getCharacter()), end);
    }
}

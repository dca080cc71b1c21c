package org.codeset.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Client changes applied to a text, and planned texts turned back into edits, at the edges. */
class TextEditsTest {
    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    /** Applies edits the way a client does (from the last to the first). */
    private static String apply(String text, List<TextEdit> edits) {
        String out = text;
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            out = TextChanges.apply(out, new TextDocumentContentChangeEvent(e.getRange(), e.getNewText()));
        }
        return out;
    }

    @Test
    void changesByRangeIncludingPastTheEndAndOverLineBreaks() {
        String text = "a: 1\r\nb: 2\r\nc: 3";
        assertEquals("a: 1\r\nb: 22\r\nc: 3", TextChanges.apply(text,
                new TextDocumentContentChangeEvent(range(1, 4, 1, 4), "2")));
        assertEquals("a: 1\r\nc: 3", TextChanges.apply(text, new TextDocumentContentChangeEvent(range(1, 0, 2, 0), "")));
        assertEquals("a: 1\r\nb: 2\r\nc: 34", TextChanges.apply(text,
                new TextDocumentContentChangeEvent(range(2, 99, 2, 99), "4")));
        assertEquals("x", TextChanges.apply(text, new TextDocumentContentChangeEvent("x")));
    }

    @Test
    void oneEditForTheLinesThatDiffer() {
        String before = "codes:\n  - code: 1\n    display: One\n";
        String after = "codes:\n  - code: \"1\"\n    display: One\n";
        List<TextEdit> edits = TextEdits.diff(before, after);
        assertEquals(List.of(new TextEdit(range(1, 0, 2, 0), "  - code: \"1\"\n")), edits);
        assertEquals(after, apply(before, edits));
        assertEquals(List.of(), TextEdits.diff(before, before));
        // a last line without a line break, lines added and removed
        String noEol = "a\nb";
        assertEquals("a\nb\nc", apply(noEol, TextEdits.diff(noEol, "a\nb\nc")));
        assertEquals("a\n", apply(noEol, TextEdits.diff(noEol, "a\n")));
        assertEquals("x\ny\r\nz", apply("x\r\nz", TextEdits.diff("x\r\nz", "x\ny\r\nz")));
    }
}

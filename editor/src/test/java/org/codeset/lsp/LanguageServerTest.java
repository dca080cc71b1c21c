package org.codeset.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/**
 * The language server driven over JSON-RPC, as an editor drives it: documents opened and
 * changed (never saved), then diagnostics, definition, references, hover, completion and code
 * actions asked for at exact positions. Positions in the assertions are LSP's: 0-based.
 */
class LanguageServerTest extends ServerTestBase {
    @Test
    void anUnsavedChangeIsCheckedWithRuleIdExactRangeAndDocumentationLink() throws Exception {
        client.open(B, B_TEXT);
        PublishDiagnosticsParams clean = client.await(B, p -> Integer.valueOf(1).equals(p.getVersion()));
        assertEquals(List.of(), clean.getDiagnostics());

        client.change(B, 5, 13, 5, 16, "109"); // parent: "100" -> "109", typed, not saved
        PublishDiagnosticsParams p = client.await(B, rule("unresolved-reference"));
        assertEquals(2, p.getVersion());
        Diagnostic d = only(p, "unresolved-reference");
        assertEquals(range(5, 12, 5, 17), d.getRange());
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals("codeset", d.getSource());
        assertEquals("parent \"109\" of code \"200\" is not a code of rad", d.getMessage().getLeft());
        assertEquals(Diagnostics.RULES_PAGE + "#unresolved-reference", d.getCodeDescription().getHref());
        assertEquals(B_TEXT, Files.readString(dir.resolve(B)), "the server never writes files");

        // "did you mean": the nearest codes by edit distance
        List<CodeAction> fixes = actions(B, d.getRange(), d);
        assertEquals(List.of("Did you mean \"100\"?", "Did you mean \"101\"?", "Did you mean \"102\"?"),
                fixes.stream().map(CodeAction::getTitle).toList());
        assertEquals(List.of(new TextEdit(range(5, 12, 5, 17), "\"100\"")),
                fixes.get(0).getEdit().getChanges().get(client.uri(B)));

        client.change(B, 5, 13, 5, 16, "100");
        assertEquals(List.of(), client.await(B, x -> x.getVersion() == 3).getDiagnostics());
    }

    @Test
    void aBrokenBufferGivesYamlSyntaxAndTheServerCarriesOn() throws Exception {
        client.open(A, A_TEXT);
        client.change(A, 2, 13, 2, 13, "[");
        Diagnostic d = only(client.await(A, rule("yaml-syntax")), "yaml-syntax");
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals(3, d.getRange().getStart().getLine(), d.toString());
        // requests on the broken buffer answer, with nothing
        assertEquals(List.of(), client.server.getTextDocumentService()
                .references(new org.eclipse.lsp4j.ReferenceParams(client.doc(A), at(1, 11),
                        new org.eclipse.lsp4j.ReferenceContext(true))).get(10, TimeUnit.SECONDS));
        client.change(A, 2, 13, 2, 14, "");
        assertEquals(List.of(), client.await(A, x -> x.getVersion() == 3).getDiagnostics());
    }

    @Test
    void retiringACodeWarnsTheFilesThatPointAtIt() throws Exception {
        client.open(A, A_TEXT);
        client.await(A, p -> p.getVersion() == 1);
        // code "100" retired in the buffer of a.yaml; b.yaml, not open, refers to it
        client.change(A, 3, 0, 5, 0, "    status: retired\n    effective: 2026-01-01\n    retired: 2026-06-01\n");
        PublishDiagnosticsParams b = client.await(B, rule("reference-to-retired"));
        Diagnostic d = only(b, "reference-to-retired");
        assertEquals(range(5, 12, 5, 17), d.getRange());
        assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
        assertEquals(null, b.getVersion(), "b.yaml is not open");
        PublishDiagnosticsParams a = client.await(A, rule("reference-to-retired"));
        assertEquals(range(10, 12, 10, 17), only(a, "reference-to-retired").getRange());
        // undone: the warning in b.yaml goes away
        client.change(A, 3, 0, 6, 0, "    status: active\n    effective: 2026-01-01\n");
        assertEquals(List.of(), client.await(B, p -> p.getDiagnostics().isEmpty()).getDiagnostics());
        assertEquals(B_TEXT, Files.readString(dir.resolve(B)));
    }

    @Test
    void aDuplicateCodePointsAtItsOtherPlace() throws Exception {
        client.open(B, B_TEXT);
        client.change(B, 1, 11, 1, 14, "101");
        Diagnostic d = only(client.await(B, rule("duplicate-code")), "duplicate-code");
        assertEquals(range(1, 10, 1, 15), d.getRange());
        assertEquals(1, d.getRelatedInformation().size());
        assertEquals(new Location(client.uri(A), range(5, 10, 5, 15)), d.getRelatedInformation().get(0).getLocation());
        // the other file is republished too
        Diagnostic other = only(client.await(A, rule("duplicate-code")), "duplicate-code");
        assertEquals(range(5, 10, 5, 15), other.getRange());
    }

    @Test
    void aReferenceToARetiredCodeIsReplacedByItsReplacement() throws Exception {
        client.open(B, B_TEXT);
        client.change(B, 5, 13, 5, 16, "102");
        Diagnostic d = only(client.await(B, rule("reference-to-retired")), "reference-to-retired");
        List<CodeAction> fixes = actions(B, d.getRange(), d);
        assertEquals(1, fixes.size());
        assertEquals("Replace \"102\" by its replacement \"101\"", fixes.get(0).getTitle());
        assertEquals(List.of(new TextEdit(range(5, 12, 5, 17), "\"101\"")),
                fixes.get(0).getEdit().getChanges().get(client.uri(B)));
    }

    @Test
    void theMissingSideOfAMutuallyExclusivePairIsAddedThroughTheRelateCommand() throws Exception {
        client.open(B, B_TEXT + "    relations:\n      - type: mutually-exclusive\n        target: \"101\"\n");
        Diagnostic d = only(client.await(B, rule("asymmetric-relation")), "asymmetric-relation");
        assertEquals(range(8, 16, 8, 21), d.getRange());
        List<CodeAction> fixes = actions(B, d.getRange(), d);
        assertEquals("Declare \"101\" mutually exclusive with \"200\" too", fixes.get(0).getTitle());
        assertEquals(List.of(new TextEdit(range(12, 0, 12, 0),
                "    relations:\n      - type: mutually-exclusive\n        target: \"200\"\n")),
                fixes.get(0).getEdit().getChanges().get(client.uri(A)));
        assertEquals(A_TEXT, Files.readString(dir.resolve(A)));
    }

    @Test
    void aCodeWrittenAsANumberIsQuoted() throws Exception {
        client.open(B, B_TEXT.replace("code: \"200\"", "code: 200"));
        client.await(B, p -> p.getVersion() == 1);
        List<CodeAction> fixes = actions(B, range(1, 0, 1, 0));
        assertEquals(List.of("Quote code 200 (a YAML number) as the text \"200\""),
                fixes.stream().map(CodeAction::getTitle).toList());
        assertEquals(List.of(new TextEdit(range(1, 10, 1, 13), "\"200\"")),
                fixes.get(0).getEdit().getChanges().get(client.uri(B)));
        // formatting through the canonical writer does the same
        List<? extends TextEdit> format = client.server.getTextDocumentService().formatting(
                new org.eclipse.lsp4j.DocumentFormattingParams(client.doc(B), new org.eclipse.lsp4j.FormattingOptions(2, true)))
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of(new TextEdit(range(1, 0, 2, 0), "  - code: \"200\"\n")), format);
    }

    @Test
    void aFileChangedOnDiskIsReadAgainWhenTheClientSaysSo() throws Exception {
        Files.writeString(dir.resolve(B), B_TEXT.replace("parent: \"100\"", "parent: \"999\""));
        client.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(client.uri(B), org.eclipse.lsp4j.FileChangeType.Changed))));
        assertEquals(range(5, 12, 5, 17), only(client.await(B, rule("unresolved-reference")), "unresolved-reference")
                .getRange());
    }

    @Test
    void aBurstOfKeystrokesEndsInTheDiagnosticsAndAnswersOfTheLastText() throws Exception {
        client.open(B, B_TEXT);
        for (int i = 0; i < 10; i++) {
            client.change(B, 2, 18 + i, 2, 18 + i, "x"); // display: Chest -> Chestxxxxxxxxxx
        }
        client.change(B, 5, 13, 5, 16, "109");
        // a request sent right after the burst sees all of it
        assertEquals("no code `109` in code set rad", client.server.getTextDocumentService()
                .hover(new org.eclipse.lsp4j.HoverParams(client.doc(B), at(5, 13))).get(10, TimeUnit.SECONDS)
                .getContents().getRight().getValue());
        PublishDiagnosticsParams p = client.await(B, x -> x.getVersion() == 12);
        assertEquals(range(5, 12, 5, 17), only(p, "unresolved-reference").getRange());
        client.change(B, 2, 0, 3, 0, "    display: Chest again\n");
        assertEquals(List.of("**200** — Chest again"), List.of(client.server.getTextDocumentService()
                .hover(new org.eclipse.lsp4j.HoverParams(client.doc(B), at(1, 12))).get(10, TimeUnit.SECONDS)
                .getContents().getRight().getValue().split("\n")[0]));
    }
}

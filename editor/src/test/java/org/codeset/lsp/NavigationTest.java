package org.codeset.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.Test;

/** Definition, references, hover, completion and symbols over JSON-RPC, at exact positions. */
class NavigationTest extends ServerTestBase {

    private List<? extends Location> definition(String rel, int line, int character) throws Exception {
        return client.server.getTextDocumentService().definition(new DefinitionParams(client.doc(rel), at(line, character)))
                .get(10, TimeUnit.SECONDS).getLeft();
    }

    private List<? extends Location> references(String rel, int line, int character, boolean declaration)
            throws Exception {
        return client.server.getTextDocumentService().references(new ReferenceParams(client.doc(rel),
                at(line, character), new ReferenceContext(declaration))).get(10, TimeUnit.SECONDS);
    }

    private String hover(String rel, int line, int character) throws Exception {
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(client.doc(rel), at(line, character)))
                .get(10, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    private CompletionList complete(String rel, String text, int line, int character) throws Exception {
        client.open(rel, text);
        return client.server.getTextDocumentService().completion(new CompletionParams(client.doc(rel), at(line, character)))
                .get(10, TimeUnit.SECONDS).getRight();
    }

    private static List<String> labels(CompletionList list) {
        return list.getItems().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void definitionOfAParentACodeTypedPropertyAMappingAndAFrom() throws Exception {
        // parent "100" in a.yaml and in b.yaml (another file)
        assertEquals(List.of(new Location(client.uri(A), range(1, 10, 1, 15))), definition(A, 9, 14));
        assertEquals(List.of(new Location(client.uri(A), range(1, 10, 1, 15))), definition(B, 5, 13));
        // modality: XR -> the code XR of code set mod
        assertEquals(List.of(new Location(client.uri(M), range(1, 10, 1, 12))), definition(A, 11, 16));
        // mapping target dx:M54 -> code set dx
        assertEquals(List.of(new Location(client.uri(D), range(1, 10, 1, 13))), definition(A, 13, 18));
        // relation target "101"
        assertEquals(List.of(new Location(client.uri(A), range(5, 10, 5, 15))), definition(A, 22, 17));
        // from: mod in codeset.yaml -> mod's codeset.yaml
        assertEquals(List.of(new Location(client.uri("codesets/mod/codeset.yaml"), range(0, 4, 0, 7))),
                definition(RAD, 8, 11));
        // a display is no reference
        assertEquals(List.of(), definition(A, 2, 14));
    }

    @Test
    void referencesOfACodeAcrossFilesAndCodeSets() throws Exception {
        assertEquals(List.of(new Location(client.uri(A), range(1, 10, 1, 15)),
                new Location(client.uri(A), range(9, 12, 9, 17)),
                new Location(client.uri(B), range(5, 12, 5, 17))), references(A, 1, 11, true));
        // from a reference, without the declaration
        assertEquals(List.of(new Location(client.uri(A), range(9, 12, 9, 17)),
                new Location(client.uri(B), range(5, 12, 5, 17))), references(B, 5, 14, false));
        // a code of another code set, used as a property value
        assertEquals(List.of(new Location(client.uri(A), range(11, 16, 11, 18))), references(M, 1, 11, false));
        // and the unsaved buffer counts: b.yaml's parent changed to "101"
        client.open(B, B_TEXT.replace("parent: \"100\"", "parent: \"101\""));
        assertEquals(List.of(new Location(client.uri(A), range(9, 12, 9, 17))), references(A, 1, 11, false));
    }

    @Test
    void hoverShowsDisplayStatusDatesAndReplacement() throws Exception {
        assertEquals("**100** — Spine\n\ncode set `rad` · status **active** · effective 2026-01-01", hover(B, 5, 13));
        client.open(B, B_TEXT.replace("parent: \"100\"", "parent: \"102\""));
        assertEquals("**102** — Old spine\n\ncode set `rad` · status **retired** · effective 2020-01-01"
                + " · retired 2025-01-01\n\nreplaced by **101** — Spine two views", hover(B, 5, 13));
        assertEquals("**M54** — Dorsalgia\n\ncode set `dx` · status **active** · effective 2026-01-01",
                hover(A, 13, 20));
        assertEquals(null, hover(A, 3, 12));
    }

    @Test
    void completionOffersCodesOfTheRightCodeSetWithRetiredOnesMarked() throws Exception {
        CompletionList parents = complete(B, B_TEXT.replace("parent: \"100\"", "parent: \"10"), 5, 15);
        assertEquals(List.of("100", "101", "102"), labels(parents));
        CompletionItem retired = parents.getItems().get(2);
        assertEquals(List.of(CompletionItemTag.Deprecated), retired.getTags());
        assertEquals("Old spine (retired)", retired.getDetail());
        assertEquals(new TextEdit(range(5, 12, 5, 15), "\"100\""), parents.getItems().get(0).getTextEdit().getLeft());
        // the editor closed the quote: it is replaced too
        CompletionList closed = complete(B, B_TEXT.replace("parent: \"100\"", "parent: \"10\""), 5, 15);
        assertEquals(new TextEdit(range(5, 12, 5, 16), "\"100\""), closed.getItems().get(0).getTextEdit().getLeft());
    }

    @Test
    void completionOfPropertyValuesMappingTargetsListItemsAndEnumerations() throws Exception {
        // a code-typed property takes codes of its 'from' code set
        assertEquals(List.of("CT", "XR"), labels(complete(A, A_TEXT.replace("modality: XR", "modality: "), 11, 16)));
        // a mapping target: code-set prefixes, then the codes of the one chosen
        assertEquals(List.of("dx:", "mod:", "rad:"), labels(complete(A, A_TEXT.replace("target: dx:M54", "target: "), 13, 16)));
        assertEquals(List.of("dx:M54"), labels(complete(A, A_TEXT.replace("target: dx:M54", "target: dx:M"), 13, 20)));
        // a parent written as a list item
        assertEquals(List.of("101"), labels(complete(B, B_TEXT.replace("parent: \"100\"", "parent:\n      - \"101"), 6, 12)));
        // enumerations
        assertEquals(List.of("active", "deprecated", "retired"),
                labels(complete(B, B_TEXT.replace("status: active", "status: "), 3, 12)));
        assertEquals(List.of("replaced-by", "see-also", "excludes", "mutually-exclusive", "add-on-to"),
                labels(complete(A, A_TEXT.replace("type: replaced-by", "type: "), 21, 14)));
        assertEquals(List.of("equivalent", "broader", "narrower", "related-to"),
                labels(complete(A, A_TEXT.replace("relationship: related-to", "relationship: "), 14, 22)));
        assertEquals(List.of("draft", "active", "retired"), labels(complete(RAD,
                "id: rad\ntitle: Test rad\nsystem: https://codes.example.org/rad\nversion: 1.0.0\nstatus: \n", 4, 8)));
    }

    @Test
    void completionOfFieldNames() throws Exception {
        CompletionList keys = complete(B, B_TEXT + "    no", 6, 6);
        assertEquals(List.of("note"), labels(keys));
        assertEquals(new TextEdit(range(6, 4, 6, 6), "note: "), keys.getItems().get(0).getTextEdit().getLeft());
        assertEquals(List.of("type", "target"), labels(complete(A, A_TEXT + "      - ", 23, 8)));
    }

    @Test
    void outlineNestsCodesUnderTheirParentAndSymbolsSearchTheRepository() throws Exception {
        List<DocumentSymbol> outline = client.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(client.doc(A))).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
        assertEquals(List.of("100", "102"), outline.stream().map(DocumentSymbol::getName).toList());
        assertEquals(range(1, 10, 1, 15), outline.get(0).getSelectionRange());
        assertEquals("Spine", outline.get(0).getDetail());
        assertEquals(List.of("101"), outline.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());

        List<? extends WorkspaceSymbol> found = client.server.getWorkspaceService()
                .symbol(new WorkspaceSymbolParams("spine")).get(10, TimeUnit.SECONDS).getRight();
        assertEquals(List.of("100 Spine", "101 Spine two views", "102 Old spine"),
                found.stream().map(WorkspaceSymbol::getName).toList());
        assertEquals(new Location(client.uri(A), range(5, 10, 5, 15)), found.get(1).getLocation().getLeft());
    }

    @Test
    void theServerExitsCleanlyAfterShutdown() throws Exception {
        client.open("schema/other.yaml", "not: [a code file");
        assertTrue(client.server.getTextDocumentService().hover(new HoverParams(client.doc("schema/other.yaml"),
                new Position(0, 1))).get(10, TimeUnit.SECONDS) == null);
        assertEquals(0, client.shutdownAndExit());
    }
}

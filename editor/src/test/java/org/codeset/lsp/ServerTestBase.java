package org.codeset.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.codeset.core.TestRepo;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small repository of three code sets (a parent across files, a code-typed property, a
 * mapping to another code set, a retired code with its replacement) and a client connected to
 * the real server over JSON-RPC. Positions in the assertions are LSP's: 0-based.
 */
abstract class ServerTestBase {
    static final String A = "codesets/rad/a.yaml";
    static final String B = "codesets/rad/b.yaml";
    static final String M = "codesets/mod/m.yaml";
    static final String D = "codesets/dx/d.yaml";
    static final String RAD = "codesets/rad/codeset.yaml";

    static final String A_TEXT = """
            codes:
              - code: "100"
                display: Spine
                status: active
                effective: 2026-01-01
              - code: "101"
                display: Spine two views
                status: active
                effective: 2026-01-01
                parent: "100"
                properties:
                  modality: XR
                mappings:
                  - target: dx:M54
                    relationship: related-to
              - code: "102"
                display: Old spine
                status: retired
                effective: 2020-01-01
                retired: 2025-01-01
                relations:
                  - type: replaced-by
                    target: "101"
            """;
    static final String B_TEXT = """
            codes:
              - code: "200"
                display: Chest
                status: active
                effective: 2026-01-01
                parent: "100"
            """;

    @TempDir
    Path dir;
    LspClient client;

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir)
                .codeset("rad", "properties:", "  - id: modality", "    type: code", "    from: mod")
                .file(A, A_TEXT)
                .file(B, B_TEXT)
                .codeset("mod")
                .file(M, """
                        codes:
                          - code: XR
                            display: X-ray
                            status: active
                            effective: 2026-01-01
                          - code: CT
                            display: Computed tomography
                            status: active
                            effective: 2026-01-01
                        """)
                .codeset("dx")
                .file(D, """
                        codes:
                          - code: M54
                            display: Dorsalgia
                            status: active
                            effective: 2026-01-01
                        """);
        client = new LspClient(dir, 0);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    static Range range(int line, int from, int toLine, int to) {
        return new Range(new Position(line, from), new Position(toLine, to));
    }

    static Position at(int line, int character) {
        return new Position(line, character);
    }

    static Predicate rule(String rule) {
        return p -> p.getDiagnostics().stream().anyMatch(d -> rule.equals(d.getCode().getLeft()));
    }

    interface Predicate extends java.util.function.Predicate<PublishDiagnosticsParams> {
    }

    static Diagnostic only(PublishDiagnosticsParams p, String rule) {
        List<Diagnostic> ds = p.getDiagnostics().stream().filter(d -> rule.equals(d.getCode().getLeft())).toList();
        assertEquals(1, ds.size(), p.toString());
        return ds.get(0);
    }

    List<CodeAction> actions(String rel, Range range, Diagnostic... diagnostics) throws Exception {
        return client.server.getTextDocumentService()
                .codeAction(new CodeActionParams(client.doc(rel), range, new CodeActionContext(List.of(diagnostics))))
                .get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    }

}

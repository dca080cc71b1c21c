package org.codeset.lsp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.SourceFile;
import org.codeset.core.query.Search;
import org.codeset.core.yaml.YScalar;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolTag;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The outline of a file (its codes, children under their parent) and the search for codes across the repository. */
final class Symbols {
    /** Workspace symbol search returns at most this many codes. */
    static final int MAX_SYMBOLS = 200;

    private Symbols() {
    }

    static List<Either<SymbolInformation, DocumentSymbol>> outline(Snapshot s, String uri) {
        String rel = s.relative(uri);
        SourceFile f = rel == null ? null : s.file(rel);
        CodeSet cs = f == null ? null : s.model().codeSet(f.codeSetId());
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        if (cs == null) {
            return out;
        }
        if (f.kind() == SourceFile.Kind.CODESET) {
            for (PropertyDef p : cs.properties().values()) {
                YScalar id = p.node().scalar("id");
                out.add(Either.forRight(new DocumentSymbol(p.id(), SymbolKind.Property, Snapshot.range(p.node()),
                        Snapshot.range(id == null ? p.node() : id), p.type())));
            }
            return out;
        }
        // one symbol per entry; an entry goes under its first parent when that parent is in the same file
        Map<String, DocumentSymbol> byCode = new LinkedHashMap<>();
        Map<DocumentSymbol, CodeEntry> entries = new LinkedHashMap<>();
        for (CodeEntry e : cs.entries(f)) {
            if (e.code() == null || byCode.containsKey(e.code())) {
                continue;
            }
            DocumentSymbol d = new DocumentSymbol(e.code(), SymbolKind.Constant, Snapshot.range(e.node()),
                    Snapshot.range(e.codeNode()), e.display());
            d.setChildren(new ArrayList<>());
            if (e.isRetired()) {
                d.setTags(List.of(SymbolTag.Deprecated));
            }
            byCode.put(e.code(), d);
            entries.put(d, e);
        }
        List<DocumentSymbol> roots = new ArrayList<>();
        Set<DocumentSymbol> placed = new HashSet<>();
        for (Map.Entry<DocumentSymbol, CodeEntry> e : entries.entrySet()) {
            List<YScalar> parents = e.getValue().parents();
            DocumentSymbol parent = parents.isEmpty() ? null : byCode.get(parents.get(0).text());
            if (parent != null && parent != e.getKey() && !descends(parent, e.getKey(), byCode, entries)) {
                parent.getChildren().add(e.getKey());
                placed.add(e.getKey());
            }
        }
        for (DocumentSymbol d : entries.keySet()) {
            if (!placed.contains(d)) {
                roots.add(d);
            }
        }
        roots.forEach(d -> out.add(Either.forRight(d)));
        return out;
    }

    /** Whether {@code candidate} is (through first parents in the file) below {@code d}: placing d under it would loop. */
    private static boolean descends(DocumentSymbol candidate, DocumentSymbol d, Map<String, DocumentSymbol> byCode,
            Map<DocumentSymbol, CodeEntry> entries) {
        Set<DocumentSymbol> seen = new HashSet<>();
        for (DocumentSymbol c = candidate; c != null && seen.add(c);) {
            if (c == d) {
                return true;
            }
            List<YScalar> parents = entries.get(c).parents();
            c = parents.isEmpty() ? null : byCode.get(parents.get(0).text());
        }
        return false;
    }

    static List<WorkspaceSymbol> search(Snapshot s, String query, CancelChecker cancel) {
        List<WorkspaceSymbol> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        for (Search.Hit h : Search.run(s.model(), query, null, null, MAX_SYMBOLS)) {
            cancel.checkCanceled();
            CodeSet cs = s.model().codeSet(h.codeset());
            CodeEntry e = cs == null ? null : cs.get(h.code());
            if (e == null) {
                continue;
            }
            WorkspaceSymbol w = new WorkspaceSymbol(h.code() + " " + (h.display() == null ? "" : h.display()),
                    SymbolKind.Constant, Either.forLeft(s.location(e.file().path(), e.codeNode())), h.codeset());
            if (e.isRetired()) {
                w.setTags(List.of(SymbolTag.Deprecated));
            }
            out.add(w);
        }
        return out;
    }
}

package org.codeset.lsp;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.yaml.YScalar;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Go to definition, find references and hover: all from what the scalar under the cursor names. */
final class Navigation {
    private Navigation() {
    }

    /** The scalar's target at a 0-based position of a document, or null. */
    static Target target(Snapshot s, String uri, Position p) {
        String rel = s.relative(uri);
        SourceFile f = rel == null ? null : s.file(rel);
        if (f == null) {
            return null;
        }
        return Target.of(s.model(), f, Cursor.at(f.root(), p.getLine() + 1, p.getCharacter() + 1));
    }

    /** Where the named code is defined (every place, when duplicated), or the named code set's codeset.yaml. */
    static List<Location> definition(Snapshot s, String uri, Position p) {
        Target t = target(s, uri, p);
        List<Location> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        CodeSet cs = s.model().codeSet(t.codeset());
        if (cs == null) {
            return out;
        }
        if (t.code() == null) {
            if (cs.metaFile() != null) {
                YScalar id = cs.meta() == null ? null : cs.meta().scalar("id");
                out.add(s.location(cs.metaFile().path(), id));
            }
            return out;
        }
        for (CodeEntry e : cs.all(t.code())) {
            out.add(s.location(e.file().path(), e.codeNode()));
        }
        return out;
    }

    /** Every place that refers to the code under the cursor (its own code or a reference to it). */
    static List<Location> references(Snapshot s, String uri, Position p, boolean declaration, CancelChecker cancel) {
        Target t = target(s, uri, p);
        List<Location> out = new ArrayList<>();
        if (t == null || t.code() == null) {
            return out;
        }
        CodeSet cs = s.model().codeSet(t.codeset());
        if (cs == null) {
            return out;
        }
        if (declaration) {
            for (CodeEntry e : cs.all(t.code())) {
                out.add(s.location(e.file().path(), e.codeNode()));
            }
        }
        cancel.checkCanceled();
        for (WhereUsed.Use u : WhereUsed.of(s.model(), cs, t.code())) {
            out.add(new org.eclipse.lsp4j.Location(s.uri(u.file()), s.rangeAt(u.file(), u.line(), u.column())));
        }
        return out;
    }

    /** The named code's display, status, dates and replacement; or the named code set's title. */
    static Hover hover(Snapshot s, String uri, Position p) {
        Target t = target(s, uri, p);
        if (t == null) {
            return null;
        }
        CodeSet cs = s.model().codeSet(t.codeset());
        StringBuilder b = new StringBuilder();
        if (cs == null) {
            b.append("no code set `").append(t.codeset()).append("`");
        } else if (t.code() == null) {
            b.append("**").append(cs.id()).append("**");
            if (cs.meta() != null && cs.meta().text("title") != null) {
                b.append(" — ").append(cs.meta().text("title"));
            }
            b.append("\n\n").append(cs.entries().size()).append(" codes");
        } else {
            CodeEntry e = cs.get(t.code());
            if (e == null) {
                b.append("no code `").append(t.code()).append("` in code set ").append(cs.id());
            } else {
                b.append(describe(s, cs, e));
            }
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, b.toString()), Snapshot.range(t.at()));
    }

    static String describe(Snapshot s, CodeSet cs, CodeEntry e) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(e.code()).append("** — ").append(e.display() == null ? "(no display)" : e.display());
        b.append("\n\n").append("code set `").append(cs.id()).append("` · status **")
                .append(e.status() == null ? "?" : e.status()).append("**");
        if (e.effective() != null && !e.effective().isNull()) {
            b.append(" · effective ").append(e.effective().text());
        }
        if (e.retired() != null && !e.retired().isNull()) {
            b.append(" · retired ").append(e.retired().text());
        }
        for (YScalar r : e.relationTargets(RelationType.REPLACED_BY)) {
            CodeEntry repl = s.model().resolve(Reference.parse(r.text(), cs, s.model()));
            b.append("\n\nreplaced by **").append(r.text()).append("**");
            if (repl != null && repl.display() != null) {
                b.append(" — ").append(repl.display());
            }
        }
        return b.toString();
    }
}

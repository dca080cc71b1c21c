package org.codeset.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.text.Render;
import org.codeset.core.yaml.YScalar;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes, as workspace edits for the client to apply: replace a reference to a retired code
 * by its replacement; add the missing side of a mutually-exclusive pair (planned by the
 * {@code relate} command); "did you mean" for an unresolved code; quote a code written as a YAML
 * number.
 */
final class QuickFixes {
    /** Suggestions for an unresolved code: at most this many, at most this edit distance. */
    static final int SUGGESTIONS = 3;

    private QuickFixes() {
    }

    static List<Either<Command, CodeAction>> actions(Snapshot s, Codesets codesets, CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        String rel = s.relative(uri);
        SourceFile f = rel == null ? null : s.file(rel);
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (f == null) {
            return out;
        }
        for (Diagnostic d : params.getContext().getDiagnostics()) {
            String rule = d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : null;
            if (rule == null) {
                continue;
            }
            Position p = d.getRange().getStart();
            Target t = Target.of(s.model(), f, Cursor.at(f.root(), p.getLine() + 1, p.getCharacter() + 1));
            if (t == null) {
                continue;
            }
            switch (rule) {
                case "reference-to-retired" -> replacement(s, uri, t, d, out);
                case "unresolved-reference" -> didYouMean(s, uri, t, d, out);
                case "asymmetric-relation" -> otherSide(s, codesets, t, d, out);
                default -> {
                }
            }
        }
        quoteNumbers(s, uri, f, params.getRange(), out);
        return out;
    }

    private static void replacement(Snapshot s, String uri, Target t, Diagnostic d, List<Either<Command, CodeAction>> out) {
        CodeEntry retired = t.entry(s.model());
        if (retired == null) {
            return;
        }
        CodeSet cs = s.model().codeSet(t.codeset());
        for (YScalar r : retired.relationTargets(RelationType.REPLACED_BY)) {
            Reference ref = Reference.parse(r.text(), cs, s.model());
            String written = t.write(ref.codeSetId(), ref.code());
            if (!ref.codeSetId().equals(t.codeset()) && !t.qualified()) {
                continue; // a parent or property value cannot name another code set
            }
            out.add(fix("Replace \"" + t.at().text() + "\" by its replacement \"" + written + "\"", d,
                    TextEdits.replace(uri, Snapshot.range(t.at()), Render.code(written)), true));
        }
    }

    private static void didYouMean(Snapshot s, String uri, Target t, Diagnostic d, List<Either<Command, CodeAction>> out) {
        CodeSet cs = s.model().codeSet(t.codeset());
        if (cs == null || t.code() == null) {
            return;
        }
        for (String code : nearest(cs, t.code())) {
            String written = t.write(cs.id(), code);
            out.add(fix("Did you mean \"" + written + "\"?", d,
                    TextEdits.replace(uri, Snapshot.range(t.at()), Render.code(written)), false));
        }
    }

    /** The codes of a code set nearest to {@code code} by edit distance (ties by code), close enough to be a typo. */
    static List<String> nearest(CodeSet cs, String code) {
        int limit = Math.max(1, Math.min(3, code.length() / 2));
        record Near(String code, int distance) {
        }
        List<Near> near = new ArrayList<>();
        for (String candidate : cs.index().keySet()) {
            if (Math.abs(candidate.length() - code.length()) > limit) {
                continue;
            }
            int dist = distance(code, candidate, limit);
            if (dist <= limit) {
                near.add(new Near(candidate, dist));
            }
        }
        near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::code));
        return near.stream().limit(SUGGESTIONS).map(Near::code).toList();
    }

    /** Levenshtein distance, or more than {@code limit} once it cannot be within it. */
    static int distance(String a, String b, int limit) {
        int d = new org.apache.commons.text.similarity.LevenshteinDistance(limit).apply(a, b);
        return d < 0 ? limit + 1 : d;
    }

    private static void otherSide(Snapshot s, Codesets codesets, Target t, Diagnostic d,
            List<Either<Command, CodeAction>> out) {
        if (codesets == null || t.kind() != Target.Kind.RELATION) {
            return;
        }
        CodeEntry other = t.entry(s.model());
        String home = t.home();
        String code = t.owner();
        if (other == null || code == null) {
            return;
        }
        String back = t.codeset().equals(home) ? code : home + ":" + code;
        try {
            EditCommand relate = codesets.relate().codeset(t.codeset()).code(other.code())
                    .type(RelationType.MUTUALLY_EXCLUSIVE.text()).target(back).unsaved(s::unsaved);
            List<EditCommand.FileChange> changes = relate.preview();
            if (!changes.isEmpty()) {
                out.add(fix("Declare \"" + other.code() + "\" mutually exclusive with \"" + back + "\" too", d,
                        TextEdits.workspaceEdit(s, changes), true));
            }
        } catch (Exception e) {
            // no fix when the other file cannot be edited (it does not parse)
        }
    }

    /** Code scalars in the range written as plain YAML numbers: quote them so they stay text in every reader. */
    private static void quoteNumbers(Snapshot s, String uri, SourceFile f, Range range,
            List<Either<Command, CodeAction>> out) {
        CodeSet cs = s.model().codeSet(f.codeSetId());
        if (f.kind() != SourceFile.Kind.CODES || range == null || cs == null) {
            return;
        }
        int from = range.getStart().getLine() + 1;
        int to = range.getEnd().getLine() + 1;
        for (CodeEntry e : cs.entries(f)) {
            if (e.node().endLine() < from || e.node().line() > to) {
                continue;
            }
            for (YScalar v : codeScalars(cs, e)) {
                if (v.line() >= from && v.line() <= to && v.looksNumeric()) {
                    out.add(fix("Quote code " + v.text() + " (a YAML number) as the text \"" + v.text() + "\"", null,
                            TextEdits.replace(uri, Snapshot.range(v), Render.code(v.text())), false));
                }
            }
        }
    }

    /** The scalars of an entry that are codes: its code and the codes it refers to. */
    private static List<YScalar> codeScalars(CodeSet cs, CodeEntry e) {
        List<YScalar> out = new ArrayList<>();
        if (e.codeNode() != null) {
            out.add(e.codeNode());
        }
        CodeReferences.forEach(e, cs, r -> out.add(r.node()));
        return out;
    }

    private static Either<Command, CodeAction> fix(String title, Diagnostic d, org.eclipse.lsp4j.WorkspaceEdit edit,
            boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        if (d != null) {
            a.setDiagnostics(List.of(d));
        }
        a.setEdit(edit);
        a.setIsPreferred(preferred ? Boolean.TRUE : null);
        return Either.forRight(a);
    }
}

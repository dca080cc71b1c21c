package org.codeset.core.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.SourceFile;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.Render;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * Rewrites code files into the canonical form, touching only what differs from it: every code
 * (and parent, relation and mapping target, code-typed property value) double-quoted as its
 * exact text, and each entry's keys in canonical order ({@link Canonical#KEY_ORDER}). Reordering
 * moves whole fields, their lines unchanged; an entry with comments among its fields keeps its
 * order (a comment's place cannot be guessed) and is reported in the notes.
 */
public final class FormatCommand extends EditCommand {
    private String codeset;
    private String file;

    public FormatCommand(Workspace workspace) {
        super(workspace);
    }

    /** Only this code set (default: all). */
    public FormatCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** Only this file (a path relative to the root; default: all). */
    public FormatCommand file(String rel) {
        this.file = rel;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        int files = 0;
        for (CodeSet cs : plan.repo().codeSets()) {
            if (codeset != null && !cs.id().equals(codeset)) {
                continue;
            }
            for (SourceFile f : cs.codeFiles()) {
                if (!f.document().ok() || f.codeNodes().isEmpty() || (file != null && !f.path().equals(file))) {
                    continue;
                }
                Opened o = plan.open(f.path());
                YSeq codes = o.codes();
                if (codes == null || o.edits.dashIndent(codes) == null) {
                    continue;
                }
                for (YNode item : codes.items()) {
                    if (item instanceof YMap entry) {
                        format(plan, cs, o, entry);
                    }
                }
                if (o.text.changed()) {
                    files++;
                }
            }
        }
        plan.summary(files == 0 ? "all files are in canonical form" : "formatted " + files + " file" + (files == 1 ? "" : "s"));
    }

    private static void format(Plan plan, CodeSet cs, Opened o, YMap entry) {
        boolean ordered = true;
        for (int i = 1; i < entry.size(); i++) {
            if (Canonical.rank(entry.keyName(i - 1)) > Canonical.rank(entry.keyName(i))) {
                ordered = false;
            }
        }
        if (!ordered) {
            if (hasInnerComments(o, entry)) {
                plan.note(o.rel + ":" + entry.line() + ": code " + entry.text("code")
                        + " keeps its key order: it has comments among its fields");
            } else {
                reorder(o, entry, unquoted(cs, entry));
                return;
            }
        }
        for (YScalar s : unquoted(cs, entry)) {
            o.text.replaceInLine(s.line(), s.column(), s.endColumn(), Render.code(s.text()));
        }
    }

    /** The code values of an entry not yet written double-quoted (one-line ones: all codes are). */
    private static List<YScalar> unquoted(CodeSet cs, YMap entry) {
        return codeScalars(cs, entry).stream()
                .filter(s -> s.style() != YScalar.Style.DOUBLE_QUOTED && s.line() == s.endLine()).toList();
    }

    private static List<YScalar> codeScalars(CodeSet cs, YMap entry) {
        List<YScalar> out = new ArrayList<>();
        CodeEntry e = new CodeEntry(entry, null);
        if (e.codeNode() != null && !e.codeNode().isNull()) {
            out.add(e.codeNode());
        }
        CodeReferences.forEach(e, cs, r -> out.add(r.node()));
        // a mapping into another coding system names its code too, though the tool does not resolve it
        for (CodeEntry.Mapping m : e.mappings()) {
            if (m.code() != null && !m.code().isNull()) {
                out.add(m.code());
            }
        }
        return out;
    }

    private static boolean hasInnerComments(Opened o, YMap entry) {
        int last = o.edits.lastContentLine(entry);
        for (int l = entry.line(); l <= last; l++) {
            String line = o.text.line(l);
            if (line.strip().startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    /** Moves each field's lines (key line to its value's last line) into canonical order. */
    private static void reorder(Opened o, YMap entry, List<YScalar> quote) {
        record Block(String key, List<String> lines) {
        }
        String firstLine = o.text.line(entry.line());
        String dashPrefix = firstLine.substring(0, entry.column() - 1);
        String keyIndent = " ".repeat(dashPrefix.length());
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < entry.size(); i++) {
            YScalar k = entry.key(entry.keyName(i));
            int end = Math.max(k.line(), o.edits.lastContentLine(entry.value(i)));
            List<String> lines = new ArrayList<>();
            for (int l = k.line(); l <= end; l++) {
                String line = o.text.line(l);
                // quote codes on the line, right to left so earlier columns stay valid
                List<YScalar> here = new ArrayList<>();
                for (YScalar s : quote) {
                    if (s.line() == l) {
                        here.add(s);
                    }
                }
                here.sort(Comparator.comparingInt(YScalar::column).reversed());
                for (YScalar s : here) {
                    line = line.substring(0, s.column() - 1) + Render.code(s.text()) + line.substring(s.endColumn() - 1);
                }
                lines.add(line);
            }
            if (i == 0) {
                lines.set(0, keyIndent + lines.get(0).substring(dashPrefix.length()));
            }
            blocks.add(new Block(entry.keyName(i), lines));
        }
        blocks.sort(Comparator.comparingInt(b -> Canonical.rank(b.key())));
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            out.addAll(b.lines());
        }
        out.set(0, dashPrefix + out.get(0).substring(keyIndent.length()));
        o.text.replace(entry.line(), o.edits.lastContentLine(entry), out);
    }
}

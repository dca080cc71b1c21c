package org.codeset.core.edit;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.SourceText;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;

/**
 * Adds (or, with {@link #remove(boolean)}, removes) a relation. A symmetric relation
 * ({@code mutually-exclusive}) is written on both codes, since it holds both ways.
 */
public final class RelateCommand extends EditCommand {
    private String codeset;
    private String code;
    private String type;
    private String target;
    private boolean remove;

    public RelateCommand(Workspace workspace) {
        super(workspace);
    }

    public RelateCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public RelateCommand code(String code) {
        this.code = code;
        return this;
    }

    public RelateCommand type(String type) {
        this.type = type;
        return this;
    }

    /** A code of the same code set, or {@code <codeset-id>:<code>}. */
    public RelateCommand target(String target) {
        this.target = target;
        return this;
    }

    /** Remove the relation instead of adding it ({@code unrelate}). */
    public RelateCommand remove(boolean remove) {
        this.remove = remove;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        RelationType relation = RelationType.of(type);
        if (relation == null) {
            throw new InvalidArgumentException("relation type '" + type + "' is not one of "
                    + String.join(", ", Vocabulary.texts(RelationType.values())));
        }
        CodeSet cs = codeSet(plan.repo(), codeset);
        CodeEntry e = entry(cs, code);
        boolean changed = apply(plan, cs, e, target);
        if (relation.symmetric()) {
            Reference ref = Reference.parse(target, cs, plan.repo());
            CodeSet otherSet = plan.repo().codeSet(ref.codeSetId());
            CodeEntry other = otherSet == null ? null : otherSet.get(ref.code());
            if (other != null) {
                String back = otherSet == cs ? code : cs.id() + ":" + code;
                changed |= apply(plan, otherSet, other, back);
            }
        }
        plan.summary((remove ? "unrelate " : "relate ") + cs.id() + ":" + code + " " + type + " " + target
                + (changed ? "" : " (already so)"));
    }

    /** Adds or removes the relation on one entry; returns whether anything changed. */
    static boolean apply(Plan plan, CodeSet cs, CodeEntry e, String type, String target, boolean remove)
            throws CodesetException {
        Opened o = plan.open(e.file().path());
        YMap node = o.entry(e.code());
        YSeq relations = node.get("relations") instanceof YSeq s ? s : null;
        int existing = -1;
        if (relations != null) {
            for (int i = 0; i < relations.size(); i++) {
                YNode item = relations.get(i);
                if (item instanceof YMap m && type.equals(m.text("type")) && same(m.text("target"), target, cs, plan)) {
                    existing = i;
                }
            }
        }
        if (remove) {
            if (existing < 0) {
                return false;
            }
            if (relations.size() == 1) {
                o.edits.removeKey(node, "relations");
            } else if (o.edits.dashIndent(relations) != null) {
                o.edits.removeItem(relations, existing);
            } else {
                rewrite(o, node, relations, existing, null, null);
            }
            return true;
        }
        if (existing >= 0) {
            return false;
        }
        String dash = relations == null ? null : o.edits.dashIndent(relations);
        if (dash != null) {
            o.edits.appendItem(relations, Canonical.relation(dash, type, target));
        } else {
            rewrite(o, node, relations, -1, type, target);
        }
        return true;
    }

    private boolean apply(Plan plan, CodeSet cs, CodeEntry e, String tgt) throws CodesetException {
        return apply(plan, cs, e, type, tgt, remove);
    }

    /** Writes the whole relations list in block form (from a flow list, or a new one). */
    private static void rewrite(Opened o, YMap node, YSeq relations, int drop, String addType, String addTarget) {
        String in = SourceText.indentOf(node);
        List<String> lines = new ArrayList<>();
        lines.add(in + "relations:");
        if (relations != null) {
            for (int i = 0; i < relations.size(); i++) {
                if (i != drop && relations.get(i) instanceof YMap m) {
                    lines.addAll(Canonical.relation(in + "  ", m.text("type"), m.text("target")));
                }
            }
        }
        if (addType != null) {
            lines.addAll(Canonical.relation(in + "  ", addType, addTarget));
        }
        o.edits.setBlock(node, "relations", lines);
    }

    private static boolean same(String written, String target, CodeSet cs, Plan plan) {
        if (written == null) {
            return false;
        }
        return written.equals(target)
                || Reference.parse(written, cs, plan.repo()).equals(Reference.parse(target, cs, plan.repo()));
    }
}

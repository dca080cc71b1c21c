package org.codeset.core.rules;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.finding.Severity;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;

/**
 * A parent, relation or mapping target, a property's {@code from}, or a code-typed property
 * value names a code or code set that does not exist.
 */
public final class UnresolvedReferenceRule extends AbstractRule {
    public UnresolvedReferenceRule() {
        super("unresolved-reference", Severity.ERROR,
                "A parent, relation target, mapping target, property 'from' or code-typed property value names a code or code set that does not exist.",
                "Correct the reference (codes of another code set are written <codeset-id>:<code>), or add the missing code first.");
    }

    /** Findings depend on the file and on the codes it names (looked up through the context). */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        if (cs.codeFiles().isEmpty()) {
            for (PropertyDef p : cs.properties().values()) {
                YScalar from = p.node().scalar("from");
                if (from != null && !from.isNull() && !ctx.codeSetExists(from.text())) {
                    ctx.report(cs.metaFile(), from, null, "property " + p.id() + " takes its values from code set "
                            + q(from.text()) + ", which does not exist");
                }
            }
        }
        for (CodeEntry e : cs.entries()) {
            for (YScalar parent : e.parents()) {
                if (ctx.lookup(cs.id(), parent.text()) == null) {
                    ctx.report(e, parent, "parent " + q(parent.text()) + " of code " + q(e.code())
                            + " is not a code of " + cs.id());
                }
            }
            for (CodeEntry.Relation r : e.relations()) {
                if (r.target() != null && !r.target().isNull()) {
                    check(ctx, e, r.target(), (r.type() == null ? "relation" : r.type().text()) + " target");
                }
            }
            for (CodeEntry.Mapping m : e.mappings()) {
                if (m.target() != null && !m.target().isNull()) {
                    check(ctx, e, m.target(), "mapping target");
                }
            }
            YMap props = e.properties();
            if (props == null) {
                continue;
            }
            for (YMap.Entry pe : props.entries()) {
                PropertyDef def = cs.properties().get(pe.key().text());
                if (def == null || !"code".equals(def.type())) {
                    continue;
                }
                String from = def.from() == null ? cs.id() : def.from();
                if (!ctx.codeSetExists(from)) {
                    continue; // reported once, at the declaration
                }
                for (YScalar value : CodeEntry.scalars(pe.value())) {
                    if (ctx.lookup(from, value.text()) == null) {
                        ctx.report(e, value, "property " + def.id() + " of code " + q(e.code()) + ": "
                                + q(value.text()) + " is not a code of " + from);
                    }
                }
            }
        }
    }

    private static void check(RuleContext ctx, CodeEntry e, YScalar target, String what) {
        Reference ref = ctx.reference(target.text(), ctx.codeSet().id());
        if (!ctx.codeSetExists(ref.codesetId())) {
            ctx.report(e, target, what + " " + q(target.text()) + " of code " + q(e.code()) + " names code set "
                    + q(ref.codesetId()) + ", which does not exist");
        } else if (ctx.lookup(ref.codesetId(), ref.code()) == null) {
            ctx.report(e, target, what + " " + q(target.text()) + " of code " + q(e.code()) + ": "
                    + q(ref.code()) + " is not a code of " + ref.codesetId());
        }
    }
}

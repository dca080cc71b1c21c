package org.codeset.core.rules;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.finding.Severity;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;

/** An active code's parent, relation, mapping or property points at a retired code. */
public final class ReferenceToRetiredRule extends AbstractRule {
    public ReferenceToRetiredRule() {
        super("reference-to-retired", Severity.WARNING,
                "An active code's parent, relation, mapping or code-typed property points at a retired code.",
                "Point the reference at the retired code's replacement (its replaced-by).");
    }

    /** Findings depend on the file and on the codes it names (looked up through the context). */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        for (CodeEntry e : cs.entries()) {
            if (!e.isActive()) {
                continue;
            }
            for (YScalar p : e.parents()) {
                warn(ctx, e, p, "parent", ctx.lookup(cs.id(), p.text()));
            }
            for (CodeEntry.Relation r : e.relations()) {
                if (r.target() != null && !r.target().isNull()) {
                    warn(ctx, e, r.target(), r.type() == null ? "relation" : r.type().text(),
                            ctx.resolve(r.target().text(), cs.id()));
                }
            }
            for (CodeEntry.Mapping m : e.mappings()) {
                if (m.target() != null && !m.target().isNull()) {
                    warn(ctx, e, m.target(), "mapping", ctx.resolve(m.target().text(), cs.id()));
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
                for (YScalar v : CodeEntry.scalars(pe.value())) {
                    warn(ctx, e, v, "property " + def.id(), ctx.lookup(from, v.text()));
                }
            }
        }
    }

    private static void warn(RuleContext ctx, CodeEntry e, YScalar at, String what, CodeEntry target) {
        if (target != null && target.isRetired()) {
            var replacements = target.relationTargets("replaced-by");
            String advice = replacements.isEmpty() ? "" : "; its replacement is " + q(replacements.get(0).text());
            ctx.report(e, at, "active code " + q(e.code()) + " refers (" + what + ") to " + q(at.text())
                    + ", which is retired" + advice);
        }
    }
}

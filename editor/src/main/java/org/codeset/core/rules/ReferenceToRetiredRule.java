package org.codeset.core.rules;

import java.util.List;
import java.util.function.Consumer;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.validate.RuleContext;
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
        Reference.Lookup codes = ctx; // records what each look-up reads
        Consumer<CodeReferences.Ref> warn = r -> warn(ctx, r, r.resolve(codes));
        for (CodeEntry e : cs.entries()) {
            if (e.isActive()) {
                CodeReferences.forEach(e, cs, warn);
            }
        }
    }

    private static void warn(RuleContext ctx, CodeReferences.Ref r, CodeEntry target) {
        if (target != null && target.isRetired()) {
            List<YScalar> replacements = target.relationTargets(RelationType.REPLACED_BY);
            String advice = replacements.isEmpty() ? "" : "; its replacement is " + q(replacements.get(0).text());
            ctx.report(r.entry(), r.node(), "active code " + q(r.entry().code()) + " refers (" + r.label() + ") to "
                    + q(r.text()) + ", which is retired" + advice);
        }
    }
}

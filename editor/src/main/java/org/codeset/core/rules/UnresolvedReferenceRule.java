package org.codeset.core.rules;

import java.util.function.Consumer;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.validate.RuleContext;
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
        Reference.Lookup codes = ctx; // records what each look-up reads
        Consumer<CodeReferences.Ref> check = r -> check(ctx, codes, r);
        for (CodeEntry e : cs.entries()) {
            CodeReferences.forEach(e, cs, check);
        }
    }

    private static void check(RuleContext ctx, Reference.Lookup codes, CodeReferences.Ref r) {
        CodeEntry e = r.entry();
        YScalar at = r.node();
        switch (r.kind()) {
            case PARENT -> {
                if (r.resolve(codes) == null) {
                    ctx.report(e, at, "parent " + q(at.text()) + " of code " + q(e.code()) + " is not a code of "
                            + r.codeSet());
                }
            }
            case PROPERTY -> {
                // a 'from' that names no code set is reported once, at the declaration
                if (codes.codeSetExists(r.codeSet()) && r.resolve(codes) == null) {
                    ctx.report(e, at, r.label() + " of code " + q(e.code()) + ": " + q(at.text())
                            + " is not a code of " + r.codeSet());
                }
            }
            case RELATION, MAPPING -> {
                Reference ref = r.reference(codes);
                String problem = !codes.codeSetExists(ref.codeSetId())
                        ? " names code set " + q(ref.codeSetId()) + ", which does not exist"
                        : codes.resolve(ref) == null ? ": " + q(ref.code()) + " is not a code of " + ref.codeSetId() : null;
                if (problem != null) {
                    ctx.report(e, at, r.label() + " target " + q(at.text()) + " of code " + q(e.code()) + problem);
                }
            }
        }
    }
}

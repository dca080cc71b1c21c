package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YScalar;

/** {@code mutually-exclusive} is declared on one side only. */
public final class AsymmetricRelationRule extends AbstractRule {
    public AsymmetricRelationRule() {
        super("asymmetric-relation", Severity.WARNING,
                "A mutually-exclusive relation is declared on one code but not on the code it names.",
                "Declare the relation on both codes (codeset relate writes both sides).");
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
            for (YScalar target : e.relationTargets(RelationType.MUTUALLY_EXCLUSIVE)) {
                Reference ref = ctx.reference(target.text(), cs.id());
                CodeEntry other = ctx.lookup(ref.codeSetId(), ref.code());
                if (other == null) {
                    continue;
                }
                boolean back = other.relationTargets(RelationType.MUTUALLY_EXCLUSIVE).stream().anyMatch(t -> {
                    Reference r = ctx.reference(t.text(), ref.codeSetId());
                    return r.codeSetId().equals(cs.id()) && r.code().equals(e.code());
                });
                if (!back) {
                    ctx.report(e, target, "code " + q(e.code()) + " is mutually exclusive with " + q(target.text())
                            + ", but " + q(target.text()) + " does not declare it back", RuleContext.at(other.file(),
                                    other.codeNode(), "add the relation here"));
                }
            }
        }
    }
}

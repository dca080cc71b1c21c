package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.validate.RuleContext;

/** A retired code has no {@code replaced-by}. */
public final class RetiredWithoutReplacementRule extends AbstractRule {
    public RetiredWithoutReplacementRule() {
        super("retired-without-replacement", Severity.WARNING,
                "A retired code names no replacement: downstream users cannot follow it to the code in use.",
                "Add a replaced-by relation to the code that took its place (codeset retire <id> <code> --replaced-by CODE); leave it when there truly is none.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        for (CodeEntry e : ctx.codeSet().entries()) {
            if (e.isRetired() && e.relationTargets(RelationType.REPLACED_BY).isEmpty()) {
                ctx.report(e, e.node().scalar("status"), "retired code " + q(e.code()) + " has no replaced-by");
            }
        }
    }
}

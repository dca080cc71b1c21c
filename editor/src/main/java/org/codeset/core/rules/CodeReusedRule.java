package org.codeset.core.rules;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.finding.Severity;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.ReleasedCodes;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;

/** A code retired in a release is active again with another display: a retired code's meaning is reused. */
public final class CodeReusedRule extends AbstractRule {
    public CodeReusedRule() {
        super("code-reused", Severity.ERROR,
                "A code that a release retired is active again with another display: a code's meaning never changes, so a retired code is never reused for a new concept.",
                "Give the new concept a code of its own; reactivate the retired code only for its old meaning (with its old display).");
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        try {
            for (Release r : ReleaseHistory.releases(ctx.repository().root(), cs.id())) {
                for (ReleasedCodes.Fact old : ReleasedCodes.retired(ctx.repository().root(), r).values()) {
                    CodeEntry now = cs.get(old.code());
                    if (now != null && now.isActive() && now.display() != null && old.display() != null
                            && !CodeSet.normalizeDisplay(now.display()).equals(CodeSet.normalizeDisplay(old.display()))) {
                        ctx.report(now, now.node().scalar("display"), "code " + q(old.code()) + " was retired in "
                                + r.tag() + " as " + q(old.display()) + " and is active again as " + q(now.display())
                                + "; a retired code is not reused for another meaning");
                    }
                }
            }
        } catch (CodesetException e) {
            // no readable history: nothing to compare with
        }
    }
}

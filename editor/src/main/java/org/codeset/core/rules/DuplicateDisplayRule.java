package org.codeset.core.rules;

import java.util.List;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.RuleContext;

/**
 * Two active codes of a code set share a display (compared ignoring case and runs of white
 * space): recognised redundancy, or two meanings that need telling apart.
 */
public final class DuplicateDisplayRule extends AbstractRule {
    public DuplicateDisplayRule() {
        super("duplicate-display", Severity.WARNING,
                "Two active codes of one code set have the same display (ignoring case and spacing): either one concept is coded twice, or the displays do not tell the concepts apart.",
                "Make each display say what sets the code apart (\"2 or 3 views\" / \"4 or 5 views\"), or retire the redundant code with replaced-by.");
    }

    /** Each file reports its own entries; the others are looked up through the context. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        String id = ctx.codeSet().id();
        for (CodeEntry e : ctx.codeSet().entries()) {
            if (!e.isActive() || e.display() == null || e.code() == null) {
                continue;
            }
            List<CodeEntry> same = ctx.withDisplay(id, e.display());
            if (same.size() < 2) {
                continue;
            }
            List<String> others = same.stream().filter(o -> o.node() != e.node()).map(o -> q(o.code())).toList();
            Finding.Location[] related = same.stream().filter(o -> o.node() != e.node())
                    .map(o -> RuleContext.at(o.file(), o.node().scalar("display"), "same display"))
                    .toArray(Finding.Location[]::new);
            ctx.report(e, e.node().scalar("display"), "code " + q(e.code()) + " has the same display as "
                    + String.join(", ", others) + ": " + q(e.display()), related);
        }
    }
}

package org.codeset.core.rules;

import java.util.List;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.RuleContext;

/** A code appears twice in a code set; every place is reported, each pointing at the others. */
public final class DuplicateCodeRule extends AbstractRule {
    public DuplicateCodeRule() {
        super("duplicate-code", Severity.ERROR,
                "A code appears more than once in a code set (in one file or across its files); every place is reported.",
                "Keep one entry per code: merge the two, or give the newer concept a code of its own.");
    }

    /** Each file reports its own copies; the others are looked up through the context. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        String id = ctx.codeSet().id();
        for (CodeEntry entry : ctx.codeSet().entries()) {
            if (entry.code() == null) {
                continue;
            }
            List<CodeEntry> entries = ctx.lookupAll(id, entry.code());
            if (entries.size() < 2) {
                continue;
            }
            Finding.Location[] others = entries.stream().filter(o -> o.node() != entry.node())
                    .map(o -> RuleContext.at(o.file(), o.codeNode(), "also defined here"))
                    .toArray(Finding.Location[]::new);
            CodeEntry other = entries.stream().filter(o -> o.node() != entry.node()).findFirst().orElse(entry);
            ctx.report(entry, entry.codeNode(), "code " + q(entry.code()) + " appears " + entries.size()
                    + " times in code set " + id + "; also in " + other.file().path(), others);
        }
    }
}

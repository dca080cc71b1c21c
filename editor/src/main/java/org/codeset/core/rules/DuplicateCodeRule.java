package org.codeset.core.rules;

import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.Finding;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.validate.Severity;

/** A code appears twice in a code set; every place is reported, each pointing at the others. */
public final class DuplicateCodeRule extends AbstractRule {
    public DuplicateCodeRule() {
        super("duplicate-code", Severity.ERROR,
                "A code appears more than once in a code set (in one file or across its files); every place is reported.",
                "Keep one entry per code: merge the two, or give the newer concept a code of its own.");
    }

    @Override
    public void check(RuleContext ctx) {
        for (Map.Entry<String, List<CodeEntry>> e : ctx.codeSet().index().entrySet()) {
            List<CodeEntry> entries = e.getValue();
            if (entries.size() < 2) {
                continue;
            }
            for (CodeEntry entry : entries) {
                Finding.Location[] others = entries.stream().filter(o -> o != entry)
                        .map(o -> RuleContext.at(o.file(), o.codeNode(), "also defined here"))
                        .toArray(Finding.Location[]::new);
                CodeEntry other = entries.get(entries.get(0) == entry ? 1 : 0);
                ctx.report(entry, entry.codeNode(), "code " + q(e.getKey()) + " appears " + entries.size()
                        + " times in code set " + ctx.codeSet().id() + "; also in " + other.file().path(), others);
            }
        }
    }
}

package org.codeset.core.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.finding.Severity;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.ReleasedCodes;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;

/** A code of the code set's latest release is gone from the working tree. */
public final class ReleasedCodeRemovedRule extends AbstractRule {
    public ReleasedCodeRemovedRule() {
        super("released-code-removed", Severity.ERROR,
                "A code present in the code set's latest release (its highest tag <id>/v<version>) is gone: released codes are never deleted.",
                "Put the entry back and retire it instead (codeset retire <id> <code> --replaced-by CODE), so downstream systems can follow it.");
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        List<Release> releases;
        try {
            releases = ReleaseHistory.releases(ctx.repository().root(), cs.id());
            if (releases.isEmpty()) {
                return;
            }
            Release latest = releases.get(releases.size() - 1);
            Path root = ctx.repository().root();
            for (Map.Entry<String, String> e : ReleasedCodes.codeFiles(root, latest).entrySet()) {
                if (!cs.contains(e.getKey())) {
                    String code = e.getKey();
                    String where = cs.codeFiles().stream().anyMatch(f -> f.path().equals(e.getValue()))
                            ? e.getValue() : cs.metaFile() != null ? cs.metaFile().path() : e.getValue();
                    ReleasedCodes.Fact fact = ReleasedCodes.of(root, latest).codes().get(code);
                    ctx.report(where, 1, 1, 1, 1, code, "code " + q(code) + " (" + (fact == null ? "" : fact.display())
                            + ") of release " + latest.tag()
                            + " is gone; released codes are never deleted: restore its entry and retire it");
                }
            }
        } catch (CodesetException e) {
            // no readable history: nothing to compare with
        }
    }
}

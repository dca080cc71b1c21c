package org.codeset.core.rules;

import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.ReleaseFacts;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.validate.Severity;

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
            ReleaseFacts released = ReleaseFacts.of(ctx.repository().root(), latest);
            for (ReleaseFacts.Fact e : released.codes().values()) {
                if (!cs.contains(e.code())) {
                    String where = cs.codeFiles().stream().anyMatch(f -> f.path().equals(e.file()))
                            ? e.file() : cs.metaFile() != null ? cs.metaFile().path() : e.file();
                    ctx.report(where, 1, 1, 1, 1, e.code(), "code " + q(e.code()) + " (" + e.display() + ") of release "
                            + latest.tag() + " is gone; released codes are never deleted: restore its entry and retire it");
                }
            }
        } catch (CodesetException e) {
            // no readable history: nothing to compare with
        }
    }
}

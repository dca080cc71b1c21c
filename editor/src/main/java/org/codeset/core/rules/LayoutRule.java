package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.Reference;
import org.codeset.core.validate.RuleContext;

/**
 * The repository's layout: every folder below {@code codesets/} is a code set with a
 * {@code codeset.yaml} and a valid id as its name; nothing else lies there. (An extension of the
 * contract's rule table.)
 */
public final class LayoutRule extends AbstractRule {
    public LayoutRule() {
        super("layout", Severity.ERROR,
                "A folder below codesets/ has no codeset.yaml or a name that is not a valid code-set id, a file lies directly in codesets/, or a code file ends in .yml (and so is not read).",
                "Give each code set a folder codesets/<id>/ (id: ^[a-z][a-z0-9-]{0,62}$) holding codeset.yaml; name code files *.yaml.");
    }

    @Override
    public void check(RuleContext ctx) {
        String id = ctx.codeSet().id();
        if (!Reference.ID.matcher(id).matches()) {
            ctx.report(Layout.folder(id), 1, 1, 1, 1, null, "folder name " + q(id)
                    + " is not a valid code-set id (lower-case letter first, then lower-case letters, digits and '-', at most 63)");
        }
    }

    @Override
    public void checkRepository(RuleContext ctx) {
        for (CodeSetRepository.LayoutProblem p : ctx.repository().layoutProblems()) {
            ctx.report(p.path(), 1, 1, 1, 1, null, p.message());
        }
    }
}

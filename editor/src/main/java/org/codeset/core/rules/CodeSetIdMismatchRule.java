package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;

/** {@code id} in codeset.yaml differs from the folder name. */
public final class CodeSetIdMismatchRule extends AbstractRule {
    public CodeSetIdMismatchRule() {
        super("codeset-id-mismatch", Severity.ERROR,
                "The id in codeset.yaml differs from the name of the code set's folder.",
                "Make the id equal to the folder name; references elsewhere (icd10cm:M54.2) use the folder name.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        YMap meta = cs.meta();
        if (meta == null) {
            return;
        }
        YScalar id = meta.scalar("id");
        if (id != null && !id.isNull() && !id.text().equals(cs.id())) {
            ctx.report(cs.metaFile(), id, null, "id " + q(id.text()) + " differs from the folder name " + q(cs.id())
                    + "; set id: " + cs.id());
        }
    }
}

package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YMap;

/** A code carries a property its code set does not declare. */
public final class PropertyUndeclaredRule extends AbstractRule {
    public PropertyUndeclaredRule() {
        super("property-undeclared", Severity.ERROR,
                "A code carries a property that its code set does not declare under 'properties:' in codeset.yaml.",
                "Declare the property in codeset.yaml (id, type, and 'from' for codes), or correct the property's name.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        for (CodeEntry e : cs.entries()) {
            YMap props = e.properties();
            if (props == null) {
                continue;
            }
            for (YMap.Entry pe : props.entries()) {
                if (!cs.properties().containsKey(pe.key().text())) {
                    String known = cs.properties().isEmpty() ? "it declares none"
                            : "it declares " + String.join(", ", cs.properties().keySet());
                    ctx.report(e, pe.key(), "code " + q(e.code()) + " has property " + pe.key().text()
                            + ", which code set " + cs.id() + " does not declare (" + known + ")");
                }
            }
        }
    }
}

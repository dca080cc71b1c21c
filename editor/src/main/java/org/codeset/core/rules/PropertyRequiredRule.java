package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YMap;

/** A required property is missing on an active code. */
public final class PropertyRequiredRule extends AbstractRule {
    public PropertyRequiredRule() {
        super("property-required", Severity.ERROR,
                "An active code lacks a property that its code set declares with required: true.",
                "Give the code a value for the property (codeset set <id> <code> --property NAME=VALUE).");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        var required = cs.properties().values().stream().filter(PropertyDef::required).toList();
        if (required.isEmpty()) {
            return;
        }
        for (CodeEntry e : cs.entries()) {
            if (!e.isActive() || e.code() == null) {
                continue;
            }
            YMap props = e.properties();
            for (PropertyDef def : required) {
                if (props == null || props.get(def.id()) == null || (props.scalar(def.id()) != null && props.scalar(def.id()).isNull())) {
                    ctx.report(e, e.codeNode(), "active code " + q(e.code()) + " lacks the required property " + def.id());
                }
            }
        }
    }
}

package org.codeset.core.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/** A property value does not fit its declared type, or a list is given where one value is declared. */
public final class PropertyTypeRule extends AbstractRule {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)");

    public PropertyTypeRule() {
        super("property-type", Severity.ERROR,
                "A property value does not fit the type declared for it (string, code, integer, decimal, boolean, date), or is a list where 'multiple' is not set (or one value where it is).",
                "Write the value in the declared type (integer 3, decimal 1.5, boolean true, date 2026-01-01), or change the declaration.");
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
                PropertyDef def = cs.properties().get(pe.key().text());
                if (def == null) {
                    continue;
                }
                YNode value = pe.value();
                if (value instanceof YSeq seq) {
                    if (!def.multiple()) {
                        ctx.report(e, value, "property " + def.id() + " of code " + q(e.code())
                                + " is a list, but the property takes one value (declare multiple: true to allow lists)");
                        continue;
                    }
                    for (YNode item : seq.items()) {
                        checkValue(ctx, e, def, item);
                    }
                } else if (def.multiple() && value instanceof YScalar) {
                    ctx.report(e, value, "property " + def.id() + " of code " + q(e.code())
                            + " takes a list (multiple: true); write [" + ((YScalar) value).text() + "]");
                } else {
                    checkValue(ctx, e, def, value);
                }
            }
        }
    }

    private static void checkValue(RuleContext ctx, CodeEntry e, PropertyDef def, YNode value) {
        if (!(value instanceof YScalar s) || s.isNull()) {
            ctx.report(e, value, "property " + def.id() + " of code " + q(e.code()) + " is "
                    + (value == null ? "empty" : value.kind()) + ", not a " + def.type());
            return;
        }
        String text = s.text();
        String problem = switch (def.type()) {
            case "integer" -> INTEGER.matcher(text).matches() ? null : "is not an integer";
            case "decimal" -> DECIMAL.matcher(text).matches() ? null : "is not a decimal number";
            case "boolean" -> s.isBoolean() ? null : "is not a boolean (write true or false)";
            case "date" -> isDate(text) ? null : "is not a date (write YYYY-MM-DD)";
            default -> null; // string and code: any text (codes are resolved by unresolved-reference)
        };
        if (problem != null) {
            ctx.report(e, value, "property " + def.id() + " of code " + q(e.code()) + ": " + q(text) + " " + problem);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException ex) {
            return false;
        }
    }
}

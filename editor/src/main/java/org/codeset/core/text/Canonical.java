package org.codeset.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;

/** The canonical form of a code entry: key order, quoting and indentation the tool writes. */
public final class Canonical {
    /** The order of an entry's keys. */
    public static final List<String> KEY_ORDER = List.of("code", "display", "definition", "synonyms", "status",
            "effective", "retired", "abstract", "parent", "properties", "relations", "mappings", "note");

    private Canonical() {
    }

    public static int rank(String key) {
        int i = KEY_ORDER.indexOf(key);
        return i < 0 ? KEY_ORDER.size() : i;
    }

    /** Renders a property value (one, or several for a multiple property) for its declared type. */
    public static String propertyValue(CodeSet cs, String name, List<String> values) {
        return propertyValue(cs == null ? null : cs.properties().get(name), values);
    }

    /** Renders a property value for a declaration (null: an undeclared property, written as text). */
    public static String propertyValue(PropertyDef def, List<String> values) {
        if ((def != null && def.multiple()) || values.size() > 1) {
            boolean text = def == null || def.type().equals("string");
            return Render.flowList(values.stream().map(v -> text ? Render.flowText(v) : scalarFor(def, v)).toList());
        }
        return scalarFor(def, values.get(0));
    }

    /** A typed value that is safe unquoted: the pattern is compiled once, not once per value. */
    private static final java.util.regex.Pattern TYPED_PLAIN = java.util.regex.Pattern.compile("[-+]?[0-9.]+|true|false|[0-9-]+");

    private static String scalarFor(PropertyDef def, String v) {
        String type = def == null ? "string" : def.type();
        return switch (type) {
            case "code" -> Render.code(v);
            case "integer", "decimal", "boolean", "date" -> Render.plainSafe(v) || TYPED_PLAIN.matcher(v).matches()
                    ? v : Render.quoted(v);
            default -> Render.text(v);
        };
    }

    /** The lines of an entry drawn from a draft, with the given indentation of the dash. */
    public static List<String> entry(EntryDraft d, CodeSet cs, String dashIndent) {
        return entry(d, name -> cs == null ? null : cs.properties().get(name), dashIndent);
    }

    /** The lines of an entry, its properties rendered for the declarations {@code defs} gives. */
    public static List<String> entry(EntryDraft d, java.util.function.Function<String, PropertyDef> defs, String dashIndent) {
        String in = dashIndent + "  ";
        List<String> out = new ArrayList<>();
        out.add(dashIndent + "- code: " + Render.code(d.code));
        out.add(in + "display: " + Render.text(d.display));
        if (d.definition != null) {
            out.add(in + "definition: " + Render.text(d.definition));
        }
        if (!d.synonyms.isEmpty()) {
            out.add(in + "synonyms: " + Render.flowList(d.synonyms.stream().map(Render::flowText).toList()));
        }
        out.add(in + "status: " + d.status);
        out.add(in + "effective: " + d.effective);
        if (d.retired != null) {
            out.add(in + "retired: " + d.retired);
        }
        if (d.abstractCode) {
            out.add(in + "abstract: true");
        }
        if (!d.parents.isEmpty()) {
            out.add(in + "parent: " + parents(d.parents));
        }
        if (!d.properties.isEmpty()) {
            out.add(in + "properties:");
            for (Map.Entry<String, List<String>> p : d.properties.entrySet()) {
                out.add(in + "  " + p.getKey() + ": " + propertyValue(defs.apply(p.getKey()), p.getValue()));
            }
        }
        if (!d.relations.isEmpty()) {
            out.add(in + "relations:");
            for (String[] r : d.relations) {
                out.addAll(relation(in + "  ", r[0], r[1]));
            }
        }
        if (!d.mappings.isEmpty()) {
            out.add(in + "mappings:");
            for (String[] m : d.mappings) {
                out.addAll(mapping(in + "  ", m));
            }
        }
        if (d.note != null) {
            out.add(in + "note: " + Render.text(d.note));
        }
        return out;
    }

    public static String parents(List<String> parents) {
        return parents.size() == 1 ? Render.code(parents.get(0))
                : Render.flowList(parents.stream().map(Render::code).toList());
    }

    /** A relation list item, its dash at {@code dashIndent}. */
    public static List<String> relation(String dashIndent, String type, String target) {
        return List.of(dashIndent + "- type: " + type, dashIndent + "  target: " + Render.code(target));
    }

    /** A mapping list item: {target, relationship} or {system, code, relationship}. */
    public static List<String> mapping(String dashIndent, String[] m) {
        if (m.length == 2) {
            return List.of(dashIndent + "- target: " + Render.code(m[0]), dashIndent + "  relationship: " + m[1]);
        }
        return List.of(dashIndent + "- system: " + Render.text(m[0]), dashIndent + "  code: " + Render.code(m[1]),
                dashIndent + "  relationship: " + m[2]);
    }
}

package org.codeset.core.model;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;

/** A property declared in {@code codeset.yaml}. */
public record PropertyDef(String id, String type, String from, boolean required, boolean multiple, YMap node) {
    /** The declared types. */
    public static final java.util.List<String> TYPES = java.util.List.of("string", "code", "integer", "decimal", "boolean", "date");

    static PropertyDef of(YMap node) {
        String id = node.text("id");
        String type = node.text("type");
        String from = node.text("from");
        return new PropertyDef(id, type == null ? "string" : type, from, flag(node.scalar("required")),
                flag(node.scalar("multiple")), node);
    }

    /** Whether the values are codes ({@code type: code}). */
    public boolean isCode() {
        return "code".equals(type);
    }

    /** The code set whose codes a code-typed property's values are: its {@code from}, else its own, {@code homeId}. */
    public String codeSet(String homeId) {
        return from == null ? homeId : from;
    }

    private static boolean flag(YScalar s) {
        return s != null && s.booleanValue();
    }
}

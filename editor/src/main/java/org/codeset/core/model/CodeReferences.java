package org.codeset.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * Which scalars of a code entry name other codes, and what each names: the one place that knows
 * it (rules, where-used, the language server and quick fixes all walk an entry through here).
 * An entry refers to codes through
 * <ul>
 * <li>{@code parent:}, one scalar or a list: codes of its own code set;</li>
 * <li>{@code relations: - target:} and {@code mappings: - target:}: a code of its own code set,
 * or of another one written {@code <codeset-id>:<code>} (see {@link Reference#parse});</li>
 * <li>{@code properties:} whose declared type is {@code code}, one scalar or a list: codes of the
 * property's {@code from} code set, else of its own.</li>
 * </ul>
 * A mapping written as {@code system} and {@code code} names a code outside the repository and is
 * not a reference. Null scalars ({@code parent: ~}) name nothing and are skipped.
 */
public final class CodeReferences {
    private CodeReferences() {
    }

    /** How an entry refers to a code. */
    public enum Kind {
        PARENT, RELATION, MAPPING, PROPERTY;

        /**
         * Whether the text may name a code of another code set as {@code <codeset-id>:<code>};
         * otherwise the field fixes the code set and the text is the code as it stands.
         */
        public boolean qualified() {
            return this == RELATION || this == MAPPING;
        }
    }

    /**
     * One scalar of an entry that names a code.
     *
     * @param home     the id of the code set the entry is in
     * @param entry    the entry
     * @param kind     how it refers
     * @param node     the scalar
     * @param item     the relation or mapping it is the target of; null for a parent or property value
     * @param property the declared property it is a value of; null unless {@link Kind#PROPERTY}
     */
    public record Ref(String home, CodeEntry entry, Kind kind, YScalar node, YMap item, PropertyDef property) {
        /** The text as written. */
        public String text() {
            return node.text();
        }

        /** How it refers, for messages: {@code parent}, the relation's type, {@code mapping}, {@code property NAME}. */
        public String label() {
            return switch (kind) {
                case PARENT -> "parent";
                case RELATION -> {
                    YScalar type = item.scalar("type");
                    yield type == null ? "relation" : type.text();
                }
                case MAPPING -> "mapping";
                case PROPERTY -> "property " + property.id();
            };
        }

        /** The mapping's {@code relationship} as written, or null (and null for every other kind). */
        public String relationship() {
            YScalar r = kind == Kind.MAPPING ? item.scalar("relationship") : null;
            return r == null ? null : r.text();
        }

        /**
         * The code set the field names codes of: the home code set for a parent, the property's
         * for a property value; null for a relation or mapping target, whose text says.
         */
        public String codeSet() {
            return switch (kind) {
                case PARENT -> home;
                case PROPERTY -> property.codeSet(home);
                case RELATION, MAPPING -> null;
            };
        }

        /** The code set and code it names, reading a target's prefix with {@code codes}. */
        public Reference reference(Reference.Lookup codes) {
            return kind.qualified() ? Reference.parse(node.text(), home, codes) : new Reference(codeSet(), node.text());
        }

        /** The entry it names, or null. */
        public CodeEntry resolve(Reference.Lookup codes) {
            return kind.qualified() ? codes.resolve(reference(codes)) : codes.lookup(codeSet(), node.text());
        }
    }

    /**
     * Calls {@code visitor} with each code reference of an entry of code set {@code home}: its
     * parents, then its relations' targets, its mappings' targets, its code-typed property values,
     * each in file order.
     */
    public static void forEach(CodeEntry e, CodeSet home, Consumer<Ref> visitor) {
        YMap node = e.node();
        String id = home.id();
        values(node.get("parent"), id, e, Kind.PARENT, null, visitor);
        targets(node.get("relations"), id, e, Kind.RELATION, visitor);
        targets(node.get("mappings"), id, e, Kind.MAPPING, visitor);
        if (node.get("properties") instanceof YMap props) {
            for (int i = 0; i < props.size(); i++) {
                PropertyDef def = home.properties().get(props.keyName(i));
                if (def != null && def.isCode()) {
                    values(props.value(i), id, e, Kind.PROPERTY, def, visitor);
                }
            }
        }
    }

    /** The code references of an entry of code set {@code home}, in the order of {@link #forEach}. */
    public static List<Ref> of(CodeEntry e, CodeSet home) {
        List<Ref> out = new ArrayList<>();
        forEach(e, home, out::add);
        return out;
    }

    /** The reference an entry of code set {@code home} makes with the scalar {@code node}, or null. */
    public static Ref at(CodeEntry e, CodeSet home, YScalar node) {
        for (Ref r : of(e, home)) {
            if (r.node() == node) {
                return r;
            }
        }
        return null;
    }

    /** A value that is one scalar or a list of them (as {@link CodeEntry#scalars}, without the list). */
    private static void values(YNode value, String home, CodeEntry e, Kind kind, PropertyDef def, Consumer<Ref> visitor) {
        if (value instanceof YScalar s) {
            if (!s.isNull()) {
                visitor.accept(new Ref(home, e, kind, s, null, def));
            }
        } else if (value instanceof YSeq seq) {
            for (int i = 0; i < seq.size(); i++) {
                if (seq.get(i) instanceof YScalar s && !s.isNull()) {
                    visitor.accept(new Ref(home, e, kind, s, null, def));
                }
            }
        }
    }

    /** The {@code target:} of each item of a {@code relations:} or {@code mappings:} list. */
    private static void targets(YNode list, String home, CodeEntry e, Kind kind, Consumer<Ref> visitor) {
        if (list instanceof YSeq seq) {
            for (int i = 0; i < seq.size(); i++) {
                if (seq.get(i) instanceof YMap item) {
                    YScalar t = item.scalar("target");
                    if (t != null && !t.isNull()) {
                        visitor.accept(new Ref(home, e, kind, t, item, null));
                    }
                }
            }
        }
    }
}

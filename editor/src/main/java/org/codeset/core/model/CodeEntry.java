package org.codeset.core.model;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * One entry of a {@code codes:} list, read through its YAML node so that every value keeps its
 * position. Accessors are tolerant of malformed shapes (the {@code schema} rule reports those):
 * a value of the wrong kind reads as absent.
 */
public final class CodeEntry {
    /** A relation as written. */
    public record Relation(YScalar type, YScalar target, YMap node) {
    }

    /** A mapping as written: either {@code target} or {@code system} with {@code code}. */
    public record Mapping(YScalar target, YScalar system, YScalar code, YScalar relationship, YMap node) {
    }

    private final YMap node;
    private final SourceFile file;
    private final YScalar code;
    private final String codeText;

    public CodeEntry(YMap node, SourceFile file) {
        this.node = node;
        this.file = file;
        this.code = node.scalar("code");
        this.codeText = code == null || code.isNull() ? null : code.text();
    }

    public YMap node() {
        return node;
    }

    public SourceFile file() {
        return file;
    }

    /** The code's text, or null when the entry has none. */
    public String code() {
        return codeText;
    }

    public YScalar codeNode() {
        return code;
    }

    public String display() {
        return node.text("display");
    }

    public String status() {
        return node.text("status");
    }

    public boolean isActive() {
        return is(Status.ACTIVE);
    }

    public boolean isRetired() {
        return is(Status.RETIRED);
    }

    public boolean isDeprecated() {
        return is(Status.DEPRECATED);
    }

    /** Whether the entry's status is {@code status}. */
    public boolean is(Status status) {
        return status.text().equals(status());
    }

    public YScalar effective() {
        return node.scalar("effective");
    }

    public YScalar retired() {
        return node.scalar("retired");
    }

    /** The parent codes, whether written as one scalar or a list. */
    public List<YScalar> parents() {
        return scalars(node.get("parent"));
    }

    public List<Relation> relations() {
        if (!(node.get("relations") instanceof YSeq seq)) {
            return List.of();
        }
        List<Relation> out = new ArrayList<>(seq.size());
        for (YNode item : seq.items()) {
            if (item instanceof YMap m) {
                out.add(new Relation(m.scalar("type"), m.scalar("target"), m));
            }
        }
        return out;
    }

    public List<Mapping> mappings() {
        if (!(node.get("mappings") instanceof YSeq seq)) {
            return List.of();
        }
        List<Mapping> out = new ArrayList<>(seq.size());
        for (YNode item : seq.items()) {
            if (item instanceof YMap m) {
                out.add(new Mapping(m.scalar("target"), m.scalar("system"), m.scalar("code"),
                        m.scalar("relationship"), m));
            }
        }
        return out;
    }

    /** The {@code properties:} mapping, or null. */
    public YMap properties() {
        return node.get("properties") instanceof YMap m ? m : null;
    }

    /** The targets of relations of the given type. */
    public List<YScalar> relationTargets(RelationType type) {
        List<YScalar> out = new ArrayList<>(1);
        for (Relation r : relations()) {
            if (r.type() != null && type.text().equals(r.type().text()) && r.target() != null && !r.target().isNull()) {
                out.add(r.target());
            }
        }
        return out;
    }

    /** Scalars of a value that is one scalar or a list of them. */
    public static List<YScalar> scalars(YNode value) {
        if (value instanceof YScalar s) {
            return s.isNull() ? List.of() : List.of(s);
        }
        if (value instanceof YSeq seq) {
            List<YScalar> out = new ArrayList<>(seq.size());
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    out.add(s);
                }
            }
            return out;
        }
        return List.of();
    }

    @Override
    public String toString() {
        return file.codeSetId() + ":" + code();
    }
}

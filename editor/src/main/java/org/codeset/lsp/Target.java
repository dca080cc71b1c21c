package org.codeset.lsp;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.yaml.YScalar;

/**
 * What a scalar under the cursor names: a code (its own {@code code:}, a parent, a relation or
 * mapping target, a code-typed property value) or a code set (a property's {@code from}).
 *
 * @param kind    how the scalar names it
 * @param codeset the code set named (or holding the code)
 * @param code    the code named, or null when the scalar names a code set
 * @param at      the scalar
 * @param home    the code set of the file the scalar is in
 * @param owner   the code of the entry the scalar is in, or null
 */
record Target(Kind kind, String codeset, String code, YScalar at, String home, String owner) {
    enum Kind { CODE, PARENT, RELATION, MAPPING, PROPERTY, FROM }

    /** Whether the scalar is a reference to a code (not the code's own definition). */
    boolean isReference() {
        return kind != Kind.CODE && kind != Kind.FROM;
    }

    /** The entry named, or null. */
    CodeEntry entry(CodeSetRepository repo) {
        CodeSet cs = repo.codeSet(codeset);
        return cs == null || code == null ? null : cs.get(code);
    }

    /** How to write a reference to {@code codesetId:code} at this place (without the prefix in its own code set). */
    String write(String codesetId, String c) {
        return kind == Kind.RELATION || kind == Kind.MAPPING ? (codesetId.equals(home) ? c : codesetId + ":" + c) : c;
    }

    /** What the scalar under the cursor names, or null when it names nothing. */
    static Target of(CodeSetRepository repo, SourceFile file, Cursor c) {
        if (c == null || file == null || c.key() || c.scalar().isNull()) {
            return null;
        }
        String home = file.codesetId();
        CodeSet cs = repo.codeSet(home);
        String text = c.scalar().text();
        if (file.kind() == SourceFile.Kind.CODESET) {
            if ("properties".equals(c.keyAt(0)) && c.indexAt(1) && "from".equals(c.keyAt(2)) && c.path().size() == 3) {
                return new Target(Kind.FROM, text, null, c.scalar(), home, null);
            }
            return null;
        }
        if (cs == null || !"codes".equals(c.keyAt(0)) || !c.indexAt(1)) {
            return null;
        }
        String field = c.keyAt(2);
        String owner = file.rootMap().get("codes") instanceof org.codeset.core.yaml.YSeq seq
                && seq.get((Integer) c.path().get(1)) instanceof org.codeset.core.yaml.YMap m ? m.text("code") : null;
        int size = c.path().size();
        if ("code".equals(field) && size == 3) {
            return new Target(Kind.CODE, home, text, c.scalar(), home, owner);
        }
        if ("parent".equals(field) && (size == 3 || (size == 4 && c.indexAt(3)))) {
            return new Target(Kind.PARENT, home, text, c.scalar(), home, owner);
        }
        if (("relations".equals(field) || "mappings".equals(field)) && size == 5 && c.indexAt(3)
                && "target".equals(c.keyAt(4))) {
            Reference ref = Reference.parse(text, cs, repo);
            return new Target("relations".equals(field) ? Kind.RELATION : Kind.MAPPING, ref.codesetId(), ref.code(),
                    c.scalar(), home, owner);
        }
        if ("properties".equals(field) && (size == 4 || (size == 5 && c.indexAt(4)))) {
            PropertyDef def = cs.properties().get(c.keyAt(3));
            if (def != null && "code".equals(def.type())) {
                return new Target(Kind.PROPERTY, def.from() == null ? home : def.from(), text, c.scalar(), home, owner);
            }
        }
        return null;
    }
}

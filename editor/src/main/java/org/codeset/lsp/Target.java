package org.codeset.lsp;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * What a scalar under the cursor names: a code (its own {@code code:}, or one of the entry's
 * {@link CodeReferences}: a parent, a relation or mapping target, a code-typed property value) or
 * a code set (a property's {@code from}).
 *
 * @param kind    how the scalar names it
 * @param codeset the code set named (or holding the code)
 * @param code    the code named, or null when the scalar names a code set
 * @param at      the scalar
 * @param home    the code set of the file the scalar is in
 * @param owner   the code of the entry the scalar is in, or null
 */
record Target(Kind kind, String codeset, String code, YScalar at, String home, String owner) {
    enum Kind {
        CODE(null), PARENT(CodeReferences.Kind.PARENT), RELATION(CodeReferences.Kind.RELATION),
        MAPPING(CodeReferences.Kind.MAPPING), PROPERTY(CodeReferences.Kind.PROPERTY), FROM(null);

        /** How the entry refers to the code, or null when the scalar is no reference to a code. */
        final CodeReferences.Kind reference;

        Kind(CodeReferences.Kind reference) {
            this.reference = reference;
        }

        static Kind of(CodeReferences.Kind reference) {
            for (Kind k : values()) {
                if (k.reference == reference) {
                    return k;
                }
            }
            throw new IllegalArgumentException(String.valueOf(reference));
        }
    }

    /** Whether the scalar is a reference to a code (not the code's own definition). */
    boolean isReference() {
        return kind.reference != null;
    }

    /** Whether the scalar may name a code of another code set ({@code <codeset-id>:<code>}). */
    boolean qualified() {
        return kind.reference != null && kind.reference.qualified();
    }

    /** The entry named, or null. */
    CodeEntry entry(CodeSetRepository repo) {
        CodeSet cs = repo.codeSet(codeset);
        return cs == null || code == null ? null : cs.get(code);
    }

    /** How to write a reference to {@code codeSetId:code} at this place (without the prefix in its own code set). */
    String write(String codeSetId, String c) {
        return qualified() && !codeSetId.equals(home) ? codeSetId + ":" + c : c;
    }

    /** What the scalar under the cursor names, or null when it names nothing. */
    static Target of(CodeSetRepository repo, SourceFile file, Cursor c) {
        if (c == null || file == null || c.key() || c.scalar().isNull()) {
            return null;
        }
        String home = file.codeSetId();
        CodeSet cs = repo.codeSet(home);
        String text = c.scalar().text();
        if (file.kind() == SourceFile.Kind.CODESET) {
            if ("properties".equals(c.keyAt(0)) && c.indexAt(1) && "from".equals(c.keyAt(2)) && c.path().size() == 3) {
                return new Target(Kind.FROM, text, null, c.scalar(), home, null);
            }
            return null;
        }
        if (cs == null || !"codes".equals(c.keyAt(0)) || !c.indexAt(1)
                || !(file.rootMap().get("codes") instanceof YSeq seq && seq.get((Integer) c.path().get(1)) instanceof YMap m)) {
            return null;
        }
        String owner = m.text("code");
        if ("code".equals(c.keyAt(2)) && c.path().size() == 3) {
            return new Target(Kind.CODE, home, text, c.scalar(), home, owner);
        }
        CodeReferences.Ref r = CodeReferences.at(new CodeEntry(m, file), cs, c.scalar());
        if (r == null) {
            return null;
        }
        Reference ref = r.reference(repo);
        return new Target(Kind.of(r.kind()), ref.codeSetId(), ref.code(), c.scalar(), home, owner);
    }
}

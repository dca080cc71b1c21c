package org.codeset.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Reference;

/** Every place in the repository that refers to a code ("where used"). */
public final class WhereUsed {
    /**
     * One reference: which entry, how (parent, a relation type, mapping, a property), and where.
     *
     * @param kind how the entry refers to the code, as {@code how} says it in words
     */
    public record Use(String codeset, String code, String how, String file, int line, int column,
            CodeReferences.Kind kind) {
        public String describe() {
            return codeset + ":" + code + " (" + how + ")";
        }
    }

    private WhereUsed() {
    }

    public static List<Use> of(CodeSetRepository repo, CodeSet target, String code) {
        List<Use> out = new ArrayList<>();
        Consumer<CodeReferences.Ref> visit = r -> {
            if (names(repo, r, target.id(), code)) {
                out.add(use(r));
            }
        };
        for (CodeSet cs : repo.codeSets()) {
            for (CodeEntry e : cs.entries()) {
                CodeReferences.forEach(e, cs, visit);
            }
        }
        return out;
    }

    /** Whether a reference names {@code codeSetId:code}. */
    private static boolean names(CodeSetRepository repo, CodeReferences.Ref r, String codeSetId, String code) {
        if (!r.text().endsWith(code)) {
            return false; // a reference's code is its text or the end of it: no need to read it
        }
        if (!r.kind().qualified()) {
            return r.codeSet().equals(codeSetId) && r.text().equals(code);
        }
        Reference ref = r.reference(repo);
        return ref.codeSetId().equals(codeSetId) && ref.code().equals(code);
    }

    private static Use use(CodeReferences.Ref r) {
        String how = r.kind() == CodeReferences.Kind.MAPPING
                ? "mapping " + (r.relationship() == null ? "" : r.relationship())
                : r.label();
        CodeEntry e = r.entry();
        return new Use(r.home(), e.code(), how.strip(), e.file().path(), r.node().line(), r.node().column(), r.kind());
    }
}

package org.codeset.core.query;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.NotFoundException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeReferences;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.yaml.YScalar;

/** A code with its neighbourhood: the entry, its parents and children, and where it is used. */
public record CodeView(String codeset, CodeEntry entry, List<Brief> parents, List<Brief> children, List<WhereUsed.Use> usedBy) {
    /** A code and its display, for lists. */
    public record Brief(String code, String display, String status) {
    }

    public static CodeView of(CodeSetRepository repo, String codeSetId, String code) throws NotFoundException {
        CodeSet cs = repo.codeSet(codeSetId);
        if (cs == null) {
            throw new NotFoundException("no code set '" + codeSetId + "'");
        }
        CodeEntry e = cs.get(code);
        if (e == null) {
            throw new NotFoundException("no code \"" + code + "\" in code set " + codeSetId);
        }
        List<Brief> parents = new ArrayList<>();
        for (YScalar p : e.parents()) {
            CodeEntry pe = cs.get(p.text());
            parents.add(new Brief(p.text(), pe == null ? "(missing)" : pe.display(), pe == null ? null : pe.status()));
        }
        List<Brief> children = new ArrayList<>();
        List<WhereUsed.Use> uses = new ArrayList<>();
        for (WhereUsed.Use u : WhereUsed.of(repo, cs, code)) {
            if (u.kind() == CodeReferences.Kind.PARENT && u.codeset().equals(codeSetId)) {
                CodeEntry c = cs.get(u.code());
                children.add(new Brief(u.code(), c.display(), c.status()));
            } else {
                uses.add(u);
            }
        }
        return new CodeView(codeSetId, e, parents, children, uses);
    }
}

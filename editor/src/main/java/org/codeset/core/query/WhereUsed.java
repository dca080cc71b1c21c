package org.codeset.core.query;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;

/** Every place in the repository that refers to a code ("where used"). */
public final class WhereUsed {
    /** One reference: which entry, how (parent, a relation type, mapping, a property), and where. */
    public record Use(String codeset, String code, String how, String file, int line, int column) {
        public String describe() {
            return codeset + ":" + code + " (" + how + ")";
        }
    }

    private WhereUsed() {
    }

    public static List<Use> of(CodeSetRepository repo, CodeSet target, String code) {
        List<Use> out = new ArrayList<>();
        for (CodeSet cs : repo.codeSets()) {
            for (CodeEntry e : cs.entries()) {
                if (cs == target) {
                    for (YScalar p : e.parents()) {
                        if (p.text().equals(code)) {
                            out.add(use(cs, e, "parent", p));
                        }
                    }
                }
                for (CodeEntry.Relation r : e.relations()) {
                    if (r.target() != null && refers(repo, cs, r.target().text(), target, code)) {
                        out.add(use(cs, e, r.type() == null ? "relation" : r.type().text(), r.target()));
                    }
                }
                for (CodeEntry.Mapping m : e.mappings()) {
                    if (m.target() != null && refers(repo, cs, m.target().text(), target, code)) {
                        out.add(use(cs, e, "mapping " + (m.relationship() == null ? "" : m.relationship().text()), m.target()));
                    }
                }
                YMap props = e.properties();
                if (props == null) {
                    continue;
                }
                for (int i = 0; i < props.size(); i++) {
                    PropertyDef def = cs.properties().get(props.keyName(i));
                    if (def == null || !"code".equals(def.type())) {
                        continue;
                    }
                    String from = def.from() == null ? cs.id() : def.from();
                    if (!from.equals(target.id())) {
                        continue;
                    }
                    for (YScalar v : CodeEntry.scalars(props.value(i))) {
                        if (v.text().equals(code)) {
                            out.add(use(cs, e, "property " + def.id(), v));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean refers(CodeSetRepository repo, CodeSet home, String text, CodeSet target, String code) {
        Reference ref = Reference.parse(text, home, repo);
        return ref.codesetId().equals(target.id()) && ref.code().equals(code);
    }

    private static Use use(CodeSet cs, CodeEntry e, String how, YScalar at) {
        return new Use(cs.id(), e.code(), how.strip(), e.file().path(), at.line(), at.column());
    }
}

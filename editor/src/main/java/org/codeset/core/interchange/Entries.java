package org.codeset.core.interchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;

/** Reads the fields of a code entry as exporters need them: exact texts, lists for one-or-many values. */
final class Entries {
    private Entries() {
    }

    static List<String> texts(YNode value) {
        return CodeEntry.scalars(value).stream().map(YScalar::text).toList();
    }

    static List<String> synonyms(CodeEntry e) {
        return texts(e.node().get("synonyms"));
    }

    static List<String> parents(CodeEntry e) {
        return texts(e.node().get("parent"));
    }

    static boolean isAbstract(CodeEntry e) {
        YScalar s = e.node().scalar("abstract");
        return s != null && s.booleanValue();
    }

    /** The properties, each as its list of values, in the entry's order. */
    static Map<String, List<String>> properties(CodeEntry e) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        YMap props = e.properties();
        if (props != null) {
            for (int i = 0; i < props.size(); i++) {
                out.put(props.keyName(i), texts(props.value(i)));
            }
        }
        return out;
    }
}

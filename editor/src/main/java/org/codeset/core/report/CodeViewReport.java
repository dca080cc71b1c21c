package org.codeset.core.report;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.query.CodeView;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.schema.SchemaSet;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A code and where it is used, as {@code codeset show --format json} writes it. */
public final class CodeViewReport {
    private CodeViewReport() {
    }

    /**
     * An object with codeset, file and line (where the code is defined), entry (as its YAML reads),
     * parents and children (code, display; children with status) and usedBy (codeset, code, how,
     * file, line, column).
     */
    public static Report json(CodeView view) {
        CodeEntry e = view.entry();
        ObjectNode o = Formats.JSON.createObjectNode();
        o.put("codeset", view.codeset());
        o.put("file", e.file().path());
        o.put("line", e.node().line());
        o.set("entry", SchemaSet.toJson(e.node()));
        ArrayNode parents = o.putArray("parents");
        view.parents().forEach(p -> parents.addObject().put("code", p.code()).put("display", p.display()));
        ArrayNode children = o.putArray("children");
        view.children().forEach(c -> children.addObject().put("code", c.code()).put("display", c.display())
                .put("status", c.status()));
        ArrayNode used = o.putArray("usedBy");
        for (WhereUsed.Use u : view.usedBy()) {
            used.addObject().put("codeset", u.codeset()).put("code", u.code()).put("how", u.how())
                    .put("file", u.file()).put("line", u.line()).put("column", u.column());
        }
        return Formats.json(o);
    }
}

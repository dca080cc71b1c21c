package org.codeset.core.report;

import java.util.List;

import org.codeset.core.history.CodeHistory;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A code's changes release by release, as {@code codeset history --format json} writes them. */
public final class HistoryReport {
    private HistoryReport() {
    }

    /**
     * An array, oldest first, of objects with release (a tag, or "working tree"), date, action,
     * display, status and fields (field, before, after).
     */
    public static Report json(List<CodeHistory.Step> steps) {
        ArrayNode array = Formats.JSON.createArrayNode();
        for (CodeHistory.Step s : steps) {
            ObjectNode o = array.addObject().put("release", s.release()).put("date", s.date())
                    .put("action", s.action().name()).put("display", s.display()).put("status", s.status());
            ArrayNode fields = o.putArray("fields");
            s.fields().forEach(f -> fields.addObject().put("field", f.name()).put("before", f.before())
                    .put("after", f.after()));
        }
        return Formats.json(array);
    }
}

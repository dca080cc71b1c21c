package org.codeset.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.codeset.core.diff.CodeSetDiff;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The change of a code set between two versions, as {@code codeset diff} and {@code codeset pull
 * --since} write it: JSON with the codes by kind of change, or CSV with one row a code.
 */
public final class DeltaReport {
    /** The columns of the CSV delta. */
    static final List<String> CSV_COLUMNS = List.of("action", "code", "display", "status", "changed_fields", "replaced_by");

    private DeltaReport() {
    }

    /**
     * An object with codeset, from, to, bump, and the arrays added, changed, deprecated, retired,
     * reactivated and removed; each code with its action, display, status, changed fields (before
     * and after) and replacedBy.
     *
     * @param from what the change is from, e.g. the tag radiology/v1.0.0
     * @param to what it is to, e.g. a tag or "working tree"
     */
    public static Report json(String from, String to, CodeSetDiff.Result diff) {
        ObjectNode root = Formats.JSON.createObjectNode();
        root.put("codeset", diff.codeset()).put("from", from).put("to", to)
                .put("bump", diff.bump().name().toLowerCase(Locale.ROOT));
        changes(root.putArray("added"), diff.added());
        changes(root.putArray("changed"), diff.changed());
        changes(root.putArray("deprecated"), diff.deprecated());
        changes(root.putArray("retired"), diff.retired());
        changes(root.putArray("reactivated"), diff.reactivated());
        changes(root.putArray("removed"), diff.removed());
        return Formats.json(root);
    }

    private static void changes(ArrayNode array, List<CodeSetDiff.Change> changes) {
        for (CodeSetDiff.Change ch : changes) {
            ObjectNode o = array.addObject();
            o.put("code", ch.code()).put("action", ch.action().name()).put("display", ch.display()).put("status", ch.status());
            ArrayNode fields = o.putArray("fields");
            for (CodeSetDiff.Field f : ch.fields()) {
                fields.addObject().put("field", f.name()).put("before", f.before()).put("after", f.after());
            }
            ArrayNode rep = o.putArray("replacedBy");
            ch.replacedBy().forEach(rep::add);
        }
    }

    /**
     * One row a changed code, in the order of {@link CodeSetDiff.Result#all()}: action, code,
     * display, status, the names of the changed fields and the replacements (each space-separated).
     */
    public static Report csv(CodeSetDiff.Result diff) {
        List<List<String>> rows = new ArrayList<>();
        for (CodeSetDiff.Change ch : diff.all()) {
            rows.add(List.of(ch.action().name(), ch.code(), Formats.cell(ch.display()), Formats.cell(ch.status()),
                    String.join(" ", ch.fields().stream().map(CodeSetDiff.Field::name).toList()),
                    String.join(" ", ch.replacedBy())));
        }
        return Formats.csv(CSV_COLUMNS, rows);
    }
}

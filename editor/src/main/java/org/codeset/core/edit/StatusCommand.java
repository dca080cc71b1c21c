package org.codeset.core.edit;

import java.time.LocalDate;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.yaml.YMap;

/**
 * Deprecates or retires a code, optionally naming its replacement. A retired code keeps its
 * entry (codes are never deleted once used), gains {@code retired:} and, with a replacement, a
 * {@code replaced-by} relation; the places that refer to it are listed.
 */
public final class StatusCommand extends EditCommand {
    private final String status;
    private String codeset;
    private String code;
    private String replacedBy;
    private String date;
    private LocalDate today = LocalDate.now();

    private StatusCommand(Codesets codesets, String status) {
        super(codesets);
        this.status = status;
    }

    public static StatusCommand deprecate(Codesets codesets) {
        return new StatusCommand(codesets, "deprecated");
    }

    public static StatusCommand retire(Codesets codesets) {
        return new StatusCommand(codesets, "retired");
    }

    public StatusCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public StatusCommand code(String code) {
        this.code = code;
        return this;
    }

    public StatusCommand replacedBy(String code) {
        this.replacedBy = code;
        return this;
    }

    /** The retirement date (default today). */
    public StatusCommand date(String date) {
        this.date = date;
        return this;
    }

    public StatusCommand today(LocalDate date) {
        this.today = date;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        CodeSet cs = codeSet(plan.repo(), codeset);
        CodeEntry e = entry(cs, code);
        if (e.isRetired() && status.equals("deprecated")) {
            throw new EditRefusedException("refused: " + cs.id() + ":" + code + " is retired; a retired code is not deprecated again");
        }
        String when = status.equals("retired") ? (date == null ? today.toString() : date(date, "--date")) : null;
        Opened o = plan.open(e.file().path());
        YMap node = o.entry(code);
        if (!status.equals(e.status())) {
            o.edits.setScalar(node, "status", status);
        }
        if (when != null && !when.equals(node.text("retired"))) {
            o.edits.setScalar(node, "retired", when);
        }
        if (replacedBy != null) {
            RelateCommand.apply(plan, cs, e, "replaced-by", replacedBy, false);
        }
        plan.summary((status.equals("retired") ? "retire " : "deprecate ") + cs.id() + ":" + code
                + (when == null ? "" : " on " + when) + (replacedBy == null ? "" : ", replaced by " + replacedBy));
        plan.unchanged("nothing to change: " + cs.id() + ":" + code + " is already " + status
                + (when == null ? "" : " on " + when) + (replacedBy == null ? "" : ", replaced by " + replacedBy));
        List<WhereUsed.Use> uses = WhereUsed.of(plan.repo(), cs, code);
        for (WhereUsed.Use u : uses) {
            plan.note(u.file() + ":" + u.line() + ": " + u.describe() + " refers to " + cs.id() + ":" + code);
        }
    }
}

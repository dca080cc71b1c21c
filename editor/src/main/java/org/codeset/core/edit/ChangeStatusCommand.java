package org.codeset.core.edit;

import java.time.LocalDate;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;

/**
 * Changes a code's status: deprecates or retires it, optionally naming its replacement. A retired code keeps its
 * entry (codes are never deleted once used), gains {@code retired:} and, with a replacement, a
 * {@code replaced-by} relation; the places that refer to it are listed.
 */
public final class ChangeStatusCommand extends EditCommand {
    private final Status target;
    private final String status;
    private String codeset;
    private String code;
    private String replacedBy;
    private String date;
    private LocalDate today = LocalDate.now();

    private ChangeStatusCommand(Workspace workspace, Status target) {
        super(workspace);
        this.target = target;
        this.status = target.text();
    }

    /** A command that deprecates a code: it stays usable, but new uses are discouraged. */
    public static ChangeStatusCommand deprecate(Workspace workspace) {
        return new ChangeStatusCommand(workspace, Status.DEPRECATED);
    }

    /** A command that retires a code (on a date, today by default), optionally naming its replacement. */
    public static ChangeStatusCommand retire(Workspace workspace) {
        return new ChangeStatusCommand(workspace, Status.RETIRED);
    }

    public ChangeStatusCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public ChangeStatusCommand code(String code) {
        this.code = code;
        return this;
    }

    public ChangeStatusCommand replacedBy(String code) {
        this.replacedBy = code;
        return this;
    }

    /** The retirement date (default today). */
    public ChangeStatusCommand date(String date) {
        this.date = date;
        return this;
    }

    public ChangeStatusCommand today(LocalDate date) {
        this.today = date;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        CodeSet cs = codeSet(plan.repo(), codeset);
        CodeEntry e = entry(cs, code);
        if (e.isRetired() && target == Status.DEPRECATED) {
            throw new EditRefusedException("refused: " + cs.id() + ":" + code + " is retired; a retired code is not deprecated again");
        }
        String when = target == Status.RETIRED ? (date == null ? today.toString() : date(date, "--date")) : null;
        Opened o = plan.open(e.file().path());
        YMap node = o.entry(code);
        if (!status.equals(e.status())) {
            o.edits.setScalar(node, "status", status);
        }
        if (when != null && !when.equals(node.text("retired"))) {
            o.edits.setScalar(node, "retired", when);
        }
        if (replacedBy != null) {
            RelateCommand.apply(plan, cs, e, RelationType.REPLACED_BY.text(), replacedBy, false);
        }
        plan.summary((target == Status.RETIRED ? "retire " : "deprecate ") + cs.id() + ":" + code
                + (when == null ? "" : " on " + when) + (replacedBy == null ? "" : ", replaced by " + replacedBy));
        plan.unchanged("nothing to change: " + cs.id() + ":" + code + " is already " + status
                + (when == null ? "" : " on " + when) + (replacedBy == null ? "" : ", replaced by " + replacedBy));
        List<WhereUsed.Use> uses = WhereUsed.of(plan.repo(), cs, code);
        for (WhereUsed.Use u : uses) {
            plan.note(u.file() + ":" + u.line() + ": " + u.describe() + " refers to " + cs.id() + ":" + code);
        }
    }
}

package org.codeset.core.edit;

import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.query.WhereUsed;
import org.codeset.core.text.SourceText;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YSeq;

/**
 * Removes a code that was never released. A released code is never deleted (concept
 * permanence): the command refuses and advises {@code retire}. A code others refer to is refused
 * by validation, with the places listed.
 */
public final class RemoveCommand extends EditCommand {
    private String codeset;
    private String code;

    public RemoveCommand(Workspace workspace) {
        super(workspace);
    }

    public RemoveCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public RemoveCommand code(String code) {
        this.code = code;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        CodeSet cs = codeSet(plan.repo(), codeset);
        CodeEntry e = entry(cs, code);
        if (ReleaseHistory.releasedCodes(plan.root, cs.id()).contains(code)) {
            throw new EditRefusedException("refused: " + cs.id() + ":" + code + " was released ("
                    + String.join(", ", ReleaseHistory.tags(plan.root, cs.id())) + "); released codes are never deleted. Retire it"
                    + " instead: codeset retire " + cs.id() + " " + code + " --replaced-by CODE");
        }
        List<WhereUsed.Use> uses = WhereUsed.of(plan.repo(), cs, code);
        for (WhereUsed.Use u : uses) {
            plan.note(u.file() + ":" + u.line() + ": " + u.describe() + " refers to " + cs.id() + ":" + code);
        }
        Opened o = plan.open(e.file().path());
        YMap node = o.entry(code);
        YSeq codes = o.codes();
        int index = codes.items().indexOf(node);
        int from = o.text.leadingCommentStart(node.line());
        int to = Math.max(node.line(), o.edits.lastContentLine(node));
        // take one blank separator line with the entry, so the spacing of the list stays as it was
        if (to < o.text.lineCount() && SourceText.blank(o.text.line(to + 1)) && index < codes.size() - 1) {
            to++;
        } else if (from > 1 && SourceText.blank(o.text.line(from - 1)) && index == codes.size() - 1 && index > 0) {
            from--;
        }
        if (codes.size() == 1) {
            o.edits.replaceKey((YMap) o.root, "codes", List.of("codes: []"));
        } else {
            o.text.delete(from, to);
        }
        plan.summary("remove " + cs.id() + ":" + code + " from " + e.file().path());
    }
}

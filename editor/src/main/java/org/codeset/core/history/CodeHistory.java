package org.codeset.core.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;

/** Every release in which one code changed, and what changed: a per-code git log in terminology terms. */
public final class CodeHistory {
    /** One release's change to the code: an action ({@code A}, {@code S}, {@code D}...) and the fields. */
    public record Step(String release, String date, String action, String display, String status,
            List<CodeSetDiff.Field> fields) {
    }

    private CodeHistory() {
    }

    /** The code's changes, oldest first; the working tree's unreleased change last (release "working tree"). */
    public static List<Step> of(Path root, String codeset, String code, CodeSet working) throws CodesetException {
        List<Step> out = new ArrayList<>();
        CodeSet previous = null;
        for (Release r : ReleaseHistory.releases(root, codeset)) {
            CodeSet snapshot = ReleaseHistory.snapshot(root, r);
            step(previous, snapshot, code, r.tag(), r.date().toString().substring(0, 10), out);
            previous = snapshot;
        }
        if (working != null) {
            step(previous, working, code, "working tree", "", out);
        }
        return out;
    }

    private static void step(CodeSet before, CodeSet after, String code, String label, String date, List<Step> out) {
        CodeEntry old = before == null ? null : before.get(code);
        CodeEntry now = after.get(code);
        if (old == null && now == null) {
            return;
        }
        for (CodeSetDiff.Change c : CodeSetDiff.between(before, after).all()) {
            if (c.code().equals(code)) {
                out.add(new Step(label, date, c.action(), c.display(), c.status(), c.fields()));
            }
        }
    }
}

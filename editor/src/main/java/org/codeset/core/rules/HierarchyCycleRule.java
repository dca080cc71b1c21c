package org.codeset.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.validate.Severity;
import org.codeset.core.yaml.YScalar;

/** Following parent links comes back to the start. Each cycle is reported once. */
public final class HierarchyCycleRule extends AbstractRule {
    public HierarchyCycleRule() {
        super("hierarchy-cycle", Severity.ERROR,
                "Following parent links from a code comes back to it: the hierarchy must have no cycles.",
                "Remove the parent link that points back down the hierarchy (the finding names the cycle).");
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        Map<String, List<String>> edges = new HashMap<>();
        for (CodeEntry e : cs.entries()) {
            if (e.code() == null) {
                continue;
            }
            for (YScalar p : e.parents()) {
                if (cs.contains(p.text())) {
                    edges.computeIfAbsent(e.code(), k -> new ArrayList<>(1)).add(p.text());
                }
            }
        }
        for (List<String> cycle : Graphs.cycles(edges)) {
            CodeEntry first = cs.get(cycle.get(0));
            String next = cycle.get(1);
            YScalar link = first.parents().stream().filter(p -> p.text().equals(next)).findFirst().orElse(first.codeNode());
            ctx.report(first, link, "parent links form a cycle: " + String.join(" -> ", cycle.stream().map(AbstractRule::q).toList()));
        }
    }
}

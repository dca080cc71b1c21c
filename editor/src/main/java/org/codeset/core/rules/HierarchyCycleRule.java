package org.codeset.core.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YScalar;

/**
 * Following parent links comes back to the start. Each cycle is reported once, at the parent
 * link of its smallest code.
 */
public final class HierarchyCycleRule extends AbstractRule {
    public HierarchyCycleRule() {
        super("hierarchy-cycle", Severity.ERROR,
                "Following parent links from a code comes back to it: the hierarchy must have no cycles.",
                "Remove the parent link that points back down the hierarchy (the finding names the cycle).");
    }

    /** A file's findings depend on the ancestors of its codes, looked up through the context. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        String id = ctx.codeSet().id();
        // the part of the hierarchy above this file's codes
        Map<String, List<String>> edges = new HashMap<>();
        Deque<CodeEntry> todo = new ArrayDeque<>(ctx.codeSet().entries());
        while (!todo.isEmpty()) {
            CodeEntry e = todo.pop();
            if (e.code() == null || edges.containsKey(e.code())) {
                continue;
            }
            List<String> parents = new ArrayList<>(1);
            for (YScalar p : e.parents()) {
                CodeEntry parent = ctx.lookup(id, p.text());
                if (parent != null) {
                    parents.add(p.text());
                    todo.push(parent);
                }
            }
            edges.put(e.code(), parents);
        }
        for (List<String> cycle : Graphs.cycles(edges)) {
            CodeEntry first = ctx.codeSet().get(cycle.get(0));
            if (first == null) {
                continue; // its smallest code is in another file, which reports it
            }
            String next = cycle.get(1);
            YScalar link = first.parents().stream().filter(p -> p.text().equals(next)).findFirst().orElse(first.codeNode());
            ctx.report(first, link, "parent links form a cycle: " + String.join(" -> ", cycle.stream().map(AbstractRule::q).toList()));
        }
    }
}

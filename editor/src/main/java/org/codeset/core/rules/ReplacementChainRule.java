package org.codeset.core.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YScalar;

/**
 * Following {@code replaced-by} loops, or ends at a retired code that has no replacement of its
 * own: downstream users must be able to follow every retired code to a live one.
 */
public final class ReplacementChainRule extends AbstractRule {
    public ReplacementChainRule() {
        super("replacement-chain", Severity.ERROR,
                "Following replaced-by links loops, or ends at a retired code with no replacement of its own.",
                "Point replaced-by at the code that is in use today (follow the chain to its live end), and break any loop.");
    }

    /** A file's findings depend on the codes its replacements lead to, looked up through the context. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        String id = ctx.codeSet().id();
        for (CodeEntry e : ctx.codeSet().entries()) {
            for (YScalar target : e.relationTargets(RelationType.REPLACED_BY)) {
                CodeEntry to = ctx.resolve(target.text(), id);
                if (to != null && to.isRetired() && to.relationTargets(RelationType.REPLACED_BY).isEmpty()) {
                    ctx.report(e, target, "code " + q(e.code()) + " is replaced by " + q(target.text())
                            + ", which is itself retired without a replacement; point replaced-by at a code in use");
                }
            }
        }
        // loops within the code set, through this file's codes
        Map<String, List<String>> edges = new HashMap<>();
        Deque<CodeEntry> todo = new ArrayDeque<>(ctx.codeSet().entries());
        while (!todo.isEmpty()) {
            CodeEntry e = todo.pop();
            if (e.code() == null || edges.containsKey(e.code())) {
                continue;
            }
            List<String> next = new ArrayList<>(1);
            for (YScalar target : e.relationTargets(RelationType.REPLACED_BY)) {
                Reference ref = ctx.reference(target.text(), id);
                CodeEntry to = ref.codeSetId().equals(id) ? ctx.lookup(id, ref.code()) : null;
                if (to != null) {
                    next.add(ref.code());
                    todo.push(to);
                }
            }
            edges.put(e.code(), next);
        }
        for (List<String> cycle : Graphs.cycles(edges)) {
            CodeEntry first = ctx.codeSet().get(cycle.get(0));
            if (first == null) {
                continue; // reported by the file that holds the loop's smallest code
            }
            String next = cycle.get(1);
            YScalar link = first.relationTargets(RelationType.REPLACED_BY).stream()
                    .filter(t -> ctx.reference(t.text(), id).code().equals(next))
                    .findFirst().orElse(first.codeNode());
            ctx.report(first, link, "replaced-by links form a loop: "
                    + String.join(" -> ", cycle.stream().map(AbstractRule::q).toList()));
        }
    }
}

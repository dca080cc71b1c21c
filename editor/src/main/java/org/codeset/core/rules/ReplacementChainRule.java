package org.codeset.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Reference;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.validate.Severity;
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

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        Map<String, List<String>> edges = new HashMap<>();
        for (CodeEntry e : cs.entries()) {
            if (e.code() == null) {
                continue;
            }
            for (YScalar target : e.relationTargets("replaced-by")) {
                Reference ref = Reference.parse(target.text(), cs, ctx.repository());
                CodeEntry to = ctx.repository().resolve(ref);
                if (to == null) {
                    continue; // unresolved-reference reports it
                }
                if (ref.codesetId().equals(cs.id())) {
                    edges.computeIfAbsent(e.code(), k -> new ArrayList<>(1)).add(ref.code());
                }
                if (to.isRetired() && to.relationTargets("replaced-by").isEmpty()) {
                    ctx.report(e, target, "code " + q(e.code()) + " is replaced by " + q(target.text())
                            + ", which is itself retired without a replacement; point replaced-by at a code in use");
                }
            }
        }
        for (List<String> cycle : Graphs.cycles(edges)) {
            CodeEntry first = cs.get(cycle.get(0));
            String next = cycle.get(1);
            YScalar link = first.relationTargets("replaced-by").stream()
                    .filter(t -> Reference.parse(t.text(), cs, ctx.repository()).code().equals(next))
                    .findFirst().orElse(first.codeNode());
            ctx.report(first, link, "replaced-by links form a loop: "
                    + String.join(" -> ", cycle.stream().map(AbstractRule::q).toList()));
        }
    }
}

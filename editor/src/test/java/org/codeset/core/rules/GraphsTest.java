package org.codeset.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The quick cycle test against Tarjan's components, which find every cycle. */
class GraphsTest {
    @Test
    void theQuickTestFindsACycleExactlyWhenTarjanDoes() {
        Random random = new Random(20261127);
        int cyclic = 0;
        for (int n = 0; n < 3000; n++) {
            int nodes = 1 + random.nextInt(12);
            Map<String, List<String>> edges = new HashMap<>();
            for (int v = 0; v < nodes; v++) {
                List<String> out = new ArrayList<>();
                // mostly links to smaller nodes (a hierarchy); now and then one back up, or to a node with no entry
                for (int e = random.nextInt(3); e > 0; e--) {
                    int w = random.nextInt(10) == 0 ? random.nextInt(nodes + 2) : random.nextInt(v + 1);
                    if (w != v || random.nextInt(20) == 0) {
                        out.add("n" + w);
                    }
                }
                edges.put("n" + v, out);
            }
            boolean tarjan = !Graphs.cyclicComponents(edges).isEmpty();
            assertEquals(tarjan, Graphs.hasCycle(edges), edges::toString);
            assertEquals(Graphs.cyclicComponents(edges), Graphs.cycles(edges));
            cyclic += tarjan ? 1 : 0;
        }
        assertTrue(cyclic > 300 && cyclic < 2700, "both kinds of graph are tried: " + cyclic + " cyclic of 3000");
    }

    @Test
    void aSelfLinkAndALongChain() {
        assertTrue(Graphs.hasCycle(Map.of("a", List.of("a"))));
        Map<String, List<String>> chain = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            chain.put("c" + i, List.of("c" + (i + 1)));
        }
        assertFalse(Graphs.hasCycle(chain), "no recursion: a long chain does not overflow the stack");
        chain.put("c200000", List.of("c0"));
        assertTrue(Graphs.hasCycle(chain));
    }
}

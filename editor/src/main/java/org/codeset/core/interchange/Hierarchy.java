package org.codeset.core.interchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Checks the parents of imported concepts before anything is written: each must exist, and no path may loop. */
final class Hierarchy {
    private Hierarchy() {
    }

    /** The problems, each starting with the concept's place in the source. */
    static List<String> problems(List<ImportedCodeSet.Concept> concepts) {
        List<String> problems = new ArrayList<>();
        Map<String, ImportedCodeSet.Concept> byCode = new HashMap<>();
        concepts.forEach(c -> byCode.putIfAbsent(c.code(), c));
        for (ImportedCodeSet.Concept c : concepts) {
            for (String p : c.parents()) {
                if (!byCode.containsKey(p)) {
                    problems.add(c.where() + ": parent \"" + p + "\" is not a code of this code system");
                }
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, Integer> state = new HashMap<>(); // 1: on the path, 2: done
        // one walk's stacks, empty again after each walk
        Deque<ImportedCodeSet.Concept> path = new ArrayDeque<>();
        Deque<Iterator<String>> next = new ArrayDeque<>();
        List<String> trail = new ArrayList<>();
        for (ImportedCodeSet.Concept start : concepts) {
            if (state.containsKey(start.code())) {
                continue;
            }
            if (start.parents().isEmpty()) {
                state.put(start.code(), 2);
                continue;
            }
            path.push(start);
            next.push(start.parents().iterator());
            trail.add(start.code());
            state.put(start.code(), 1);
            while (!path.isEmpty()) {
                Iterator<String> it = next.peek();
                if (it.hasNext()) {
                    String p = it.next();
                    Integer s = state.get(p);
                    if (s == null) {
                        ImportedCodeSet.Concept pc = byCode.get(p);
                        state.put(p, 1);
                        trail.add(p);
                        path.push(pc);
                        next.push(pc.parents().iterator());
                    } else if (s == 1) {
                        List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(p), trail.size()));
                        cycle.add(p);
                        problems.add(path.peek().where() + ": parent cycle " + String.join(" -> ",
                                cycle.stream().map(x -> "\"" + x + "\"").toList()));
                    }
                } else {
                    state.put(path.pop().code(), 2);
                    next.pop();
                    trail.remove(trail.size() - 1);
                }
            }
        }
        return problems;
    }
}

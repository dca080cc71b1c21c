package org.codeset.core.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cycle detection for the rules that follow links (parent, replaced-by). */
final class Graphs {
    private Graphs() {
    }

    /**
     * The strongly connected components of a directed graph that contain a cycle (two or more
     * nodes, or one node linked to itself), each as a cycle path in link order starting at its
     * smallest node. Iterative Tarjan: no recursion, so long chains cannot overflow the stack.
     */
    static List<List<String>> cycles(Map<String, List<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int counter = 0;
        for (String start : edges.keySet().stream().sorted().toList()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>(); // {node, next edge position}
            work.push(new Object[] {start, 0});
            index.put(start, counter);
            low.put(start, counter++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                List<String> next = edges.getOrDefault(v, List.of());
                int i = (Integer) frame[1];
                if (i < next.size()) {
                    frame[1] = i + 1;
                    String w = next.get(i);
                    if (!index.containsKey(w)) {
                        index.put(w, counter);
                        low.put(w, counter++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || edges.getOrDefault(v, List.of()).contains(v)) {
                        out.add(path(component, edges));
                    }
                }
            }
        }
        return out;
    }

    /** A cycle through the component, starting at its smallest node, ending where it started. */
    private static List<String> path(List<String> component, Map<String, List<String>> edges) {
        java.util.Set<String> members = new java.util.HashSet<>(component);
        String first = component.stream().sorted().findFirst().orElseThrow();
        // breadth-first search for the shortest way back to the first node
        Map<String, String> came = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(first);
        String end = null;
        while (!queue.isEmpty() && end == null) {
            String v = queue.poll();
            for (String w : edges.getOrDefault(v, List.of())) {
                if (!members.contains(w)) {
                    continue;
                }
                if (w.equals(first)) {
                    end = v;
                    break;
                }
                if (!came.containsKey(w)) {
                    came.put(w, v);
                    queue.add(w);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String v = end; v != null && !v.equals(first); v = came.get(v)) {
            path.add(0, v);
        }
        path.add(0, first);
        path.add(first);
        return path;
    }
}

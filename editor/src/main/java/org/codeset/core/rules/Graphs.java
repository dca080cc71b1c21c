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
        // the usual case, no cycle, is found without sorting or numbering the nodes
        return hasCycle(edges) ? cyclicComponents(edges) : List.of();
    }

    /** {@link #cycles} by Tarjan's algorithm, for any graph. */
    static List<List<String>> cyclicComponents(Map<String, List<String>> edges) {
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

    /** Whether following the links from some node comes back to it: a depth-first walk that colours nodes. */
    static boolean hasCycle(Map<String, List<String>> edges) {
        Map<String, Boolean> done = new HashMap<>(edges.size() * 2); // false: on the current path
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> position = new ArrayDeque<>();
        for (String start : edges.keySet()) {
            if (done.containsKey(start)) {
                continue;
            }
            done.put(start, false);
            path.push(start);
            position.push(0);
            while (!path.isEmpty()) {
                List<String> next = edges.getOrDefault(path.peek(), List.of());
                int i = position.pop();
                if (i < next.size()) {
                    position.push(i + 1);
                    String w = next.get(i);
                    Boolean state = done.get(w);
                    if (state == null) {
                        done.put(w, false);
                        path.push(w);
                        position.push(0);
                    } else if (!state) {
                        return true;
                    }
                } else {
                    done.put(path.pop(), true);
                }
            }
        }
        return false;
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

package org.codeset.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall time per phase of one command run, in milliseconds and in order: what {@code --stats}
 * prints and the benchmarks read. Not thread-safe; one per run.
 */
public final class Timings {
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Ends the current phase under {@code name} (adding to it if it ran before) and starts the next. */
    public void lap(String name) {
        long now = System.nanoTime();
        phases.merge(name, (now - mark) / 1_000_000, Long::sum);
        mark = now;
    }

    public long get(String name) {
        return phases.getOrDefault(name, 0L);
    }

    public Map<String, Long> phases() {
        return Map.copyOf(phases);
    }

    @Override
    public String toString() {
        return phases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
    }
}

package org.codeset.core.io;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall time per phase of one command run, in milliseconds and in order: what {@code --stats}
 * prints and the benchmarks read. Alongside, the process's CPU time and the collectors' pause
 * time in each phase: a phase whose CPU time is near its wall time ran on one core. Not
 * thread-safe; one per run.
 */
public final class Timings {
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private final boolean detailed;
    private long mark = System.nanoTime();
    private long cpuMark;
    private long gcMark;

    /** Wall time only: costs nothing, for commands that always keep timings. */
    public Timings() {
        this(false);
    }

    private Timings(boolean detailed) {
        this.detailed = detailed;
        cpuMark = cpu();
        gcMark = gc();
    }

    /** Wall, CPU and collection time per phase (loads the management beans: for --stats only). */
    public static Timings detailed() {
        return new Timings(true);
    }

    /** Ends the current phase under {@code name} (adding to it if it ran before) and starts the next. */
    public void lap(String name) {
        long now = System.nanoTime();
        long cpu = cpu();
        long gc = gc();
        long[] p = phases.computeIfAbsent(name, k -> new long[3]);
        p[0] += (now - mark) / 1_000_000;
        p[1] += (cpu - cpuMark) / 1_000_000;
        p[2] += gc - gcMark;
        mark = now;
        cpuMark = cpu;
        gcMark = gc;
    }

    public long get(String name) {
        long[] p = phases.get(name);
        return p == null ? 0 : p[0];
    }

    public Map<String, Long> phases() {
        return phases.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue()[0]));
    }

    /** The process's CPU time in nanoseconds, or 0 where the platform does not tell. */
    private long cpu() {
        return detailed && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** The collectors' accumulated time in milliseconds. */
    private long gc() {
        if (!detailed) {
            return 0;
        }
        long sum = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    /** {@code read 1052 ms (cpu 1.9 s, gc 240 ms), plan ...}. */
    @Override
    public String toString() {
        return phases.entrySet().stream().map(e -> {
            long[] p = e.getValue();
            return e.getKey() + " " + p[0] + " ms" + (p[1] > 0 ? String.format(" (cpu %.1f s%s)", p[1] / 1000.0,
                    p[2] > 0 ? ", gc " + p[2] + " ms" : "") : "");
        }).collect(Collectors.joining(", "));
    }
}

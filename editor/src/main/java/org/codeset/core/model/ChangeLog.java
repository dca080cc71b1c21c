package org.codeset.core.model;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys that changed from one repository state to the next ({@code c:<codeset>:<code>} for a
 * code whose entry was added, removed or changed, {@code d:<codeset>:<display>} for a display,
 * {@code s:<codeset>} for a code set that appeared or went), linked back to earlier states. A
 * cached finding that depends on none of the keys changed since it was computed still holds.
 */
public final class ChangeLog {
    private static final AtomicLong GENERATIONS = new AtomicLong();
    /** How far back results are reused; older ones are recomputed (and the chain stays short). */
    private static final int MAX_DEPTH = 32;

    private final long generation;
    private final Set<String> keys;
    private final ChangeLog previous;
    private final int depth;
    /** changedSince results, asked for once per cached result but the same for all of one state. */
    private final java.util.Map<Long, Set<String>> since = new java.util.concurrent.ConcurrentHashMap<>();

    private ChangeLog(Set<String> keys, ChangeLog previous) {
        this(GENERATIONS.incrementAndGet(), Set.copyOf(keys), previous);
    }

    private ChangeLog(long generation, Set<String> keys, ChangeLog previous) {
        this.generation = generation;
        this.keys = keys;
        this.previous = previous;
        this.depth = previous == null ? 0 : previous.depth + 1;
    }

    /** A state with no known predecessor (a freshly loaded repository). */
    public static ChangeLog start() {
        return new ChangeLog(Set.of(), null);
    }

    /**
     * The next state, in which {@code changed} keys differ from this one. A chain that reached
     * {@link #MAX_DEPTH} keeps its newest half (so a long editing session does not lose, every
     * 32 changes, what results of the last states it may reuse) and drops the older states.
     */
    public ChangeLog next(Set<String> changed) {
        return new ChangeLog(changed, depth >= MAX_DEPTH ? newest(this, MAX_DEPTH / 2) : this);
    }

    /** A copy of the newest {@code n} states of a chain, with their generations and keys. */
    private static ChangeLog newest(ChangeLog c, int n) {
        return c == null || n == 0 ? null : new ChangeLog(c.generation, c.keys, newest(c.previous, n - 1));
    }

    public long generation() {
        return generation;
    }

    /** Every key changed after state {@code since} up to this one, or null when that state is not an ancestor. */
    public Set<String> changedSince(long since) {
        if (since == generation) {
            return Set.of();
        }
        Set<String> known = this.since.get(since);
        if (known != null) {
            return known == NOT_AN_ANCESTOR ? null : known;
        }
        Set<String> computed = compute(since);
        if (this.since.size() < 64) {
            this.since.put(since, computed == null ? NOT_AN_ANCESTOR : computed);
        }
        return computed;
    }

    private static final Set<String> NOT_AN_ANCESTOR = Set.of("\u0000");

    private Set<String> compute(long since) {
        Set<String> out = new HashSet<>();
        for (ChangeLog c = this; c != null; c = c.previous) {
            if (c.generation == since) {
                return java.util.Collections.unmodifiableSet(out); // a HashSet: probed a great deal
            }
            out.addAll(c.keys);
        }
        return null;
    }

    public static String codeKey(String codeset, String code) {
        return "c:" + codeset + ":" + code;
    }

    public static String displayKey(String codeset, String normalizedDisplay) {
        return "d:" + codeset + ":" + normalizedDisplay;
    }

    /** Changes whenever a file changes at all (lines may have moved): for findings that point into it. */
    public static String fileKey(String path) {
        return "p:" + path;
    }

    public static String codeSetKey(String codeset) {
        return "s:" + codeset;
    }
}

package org.codeset.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable multimap from a key (a code, a display) to entries, cheap to patch: a change adds a
 * small overlay on a shared base instead of copying the whole map, and the overlay is folded into
 * a new base once it grows past an eighth of it. Lets a 100,000-code set absorb a one-file edit in
 * time proportional to the file.
 */
final class Index {
    private static final List<CodeEntry> REMOVED = List.of();

    private final Map<String, List<CodeEntry>> base;
    private final Map<String, List<CodeEntry>> overlay;

    private Index(Map<String, List<CodeEntry>> base, Map<String, List<CodeEntry>> overlay) {
        this.base = base;
        this.overlay = overlay;
    }

    static Index empty() {
        return new Index(Map.of(), Map.of());
    }

    /** An index built in one pass (no overlay): for loading a whole code set. */
    static Index of(java.util.Collection<CodeEntry> entries, java.util.function.Function<CodeEntry, String> key) {
        Map<String, List<CodeEntry>> base = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (CodeEntry e : entries) {
            String k = key.apply(e);
            if (k == null) {
                continue;
            }
            List<CodeEntry> list = base.get(k);
            if (list == null) {
                base.put(k, List.of(e));
            } else {
                List<CodeEntry> more = new ArrayList<>(list.size() + 1);
                more.addAll(list);
                more.add(e);
                base.put(k, Collections.unmodifiableList(more));
            }
        }
        return new Index(base, Map.of());
    }

    /** The entries under a key, in insertion order; empty when none. */
    List<CodeEntry> get(String key) {
        List<CodeEntry> o = overlay.get(key);
        if (o != null) {
            return o;
        }
        return base.getOrDefault(key, REMOVED);
    }

    /** A builder that starts from this index. */
    Builder edit() {
        return new Builder(this);
    }

    /** Every key with its entries (materialised; for rare whole-index uses). */
    Map<String, List<CodeEntry>> asMap() {
        if (overlay.isEmpty()) {
            return Collections.unmodifiableMap(base);
        }
        Map<String, List<CodeEntry>> all = new HashMap<>(base);
        overlay.forEach((k, v) -> {
            if (v.isEmpty()) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        return Collections.unmodifiableMap(all);
    }

    static final class Builder {
        private final Index from;
        private final Map<String, List<CodeEntry>> changes = new HashMap<>();

        private Builder(Index from) {
            this.from = from;
        }

        Builder add(String key, CodeEntry e) {
            List<CodeEntry> now = new ArrayList<>(current(key));
            now.add(e);
            changes.put(key, now);
            return this;
        }

        Builder remove(String key, CodeEntry e) {
            List<CodeEntry> now = new ArrayList<>(current(key));
            now.remove(e);
            changes.put(key, now);
            return this;
        }

        private List<CodeEntry> current(String key) {
            List<CodeEntry> c = changes.get(key);
            return c != null ? c : from.get(key);
        }

        Index build() {
            Map<String, List<CodeEntry>> overlay = new HashMap<>(from.overlay);
            changes.forEach((k, v) -> overlay.put(k, List.copyOf(v)));
            if (overlay.size() * 8L <= Math.max(1024, from.base.size())) {
                return new Index(from.base, overlay);
            }
            Map<String, List<CodeEntry>> base = new HashMap<>(from.base);
            overlay.forEach((k, v) -> {
                if (v.isEmpty()) {
                    base.remove(k);
                } else {
                    base.put(k, v);
                }
            });
            return new Index(base, Map.of());
        }
    }
}

package org.codeset.core.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.SemVer;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.schema.SchemaSet;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;

/**
 * The semantic change between two states of a code set, code by code, each with an {@link Action}
 * in the manner of CMS's quarterly HCPCS files, so a downstream loader can apply a delta without
 * computing one.
 */
public final class CodeSetDiff {
    /** One changed field with its old and new value (as text; lists and mappings as JSON). */
    public record Field(String name, String before, String after) {
    }

    /** One code's change. */
    public record Change(String code, Action action, String display, String status, List<Field> fields,
            List<String> replacedBy) {
    }

    /** The change between two states, sorted by code, with the semver bump it requires. */
    public record Result(String codeset, List<Change> added, List<Change> changed, List<Change> deprecated,
            List<Change> retired, List<Change> reactivated, List<Change> removed, SemVer.Bump bump) {
        public int size() {
            return added.size() + changed.size() + deprecated.size() + retired.size() + reactivated.size() + removed.size();
        }

        /** Every change, by code. */
        public List<Change> all() {
            List<Change> out = new ArrayList<>();
            out.addAll(added);
            out.addAll(changed);
            out.addAll(deprecated);
            out.addAll(retired);
            out.addAll(reactivated);
            out.addAll(removed);
            out.sort(Comparator.comparing(Change::code));
            return out;
        }
    }

    private static final List<String> TEXT = List.of("display", "definition");
    private static final List<String> MISC = List.of("synonyms", "note");

    private CodeSetDiff() {
    }

    /** The change from {@code before} (null: nothing) to {@code after}. */
    public static Result between(CodeSet before, CodeSet after) {
        List<Change> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Change> deprecated = new ArrayList<>();
        List<Change> retired = new ArrayList<>();
        List<Change> reactivated = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>();
        if (before != null) {
            codes.addAll(before.index().keySet());
        }
        codes.addAll(after.index().keySet());
        SemVer.Bump bump = SemVer.Bump.NONE;
        for (String code : codes) {
            CodeEntry old = before == null ? null : before.get(code);
            CodeEntry now = after.get(code);
            if (old == null) {
                added.add(change(code, Action.A, now, List.of()));
                bump = max(bump, SemVer.Bump.MINOR);
                continue;
            }
            if (now == null) {
                removed.add(new Change(code, Action.D, old.display(), "removed", List.of(), List.of()));
                bump = SemVer.Bump.MAJOR;
                continue;
            }
            List<Field> fields = fields(old.node(), now.node());
            if (fields.isEmpty()) {
                continue;
            }
            boolean wasLive = !old.isRetired();
            if (now.isRetired() && wasLive) {
                retired.add(change(code, Action.D, now, fields));
                bump = SemVer.Bump.MAJOR;
            } else if (now.isActive() && !old.isActive()) {
                reactivated.add(change(code, Action.R, now, fields));
                bump = max(bump, SemVer.Bump.MINOR);
            } else if (now.isDeprecated() && !old.isDeprecated()) {
                deprecated.add(change(code, Action.F, now, fields));
                bump = max(bump, SemVer.Bump.MINOR);
            } else {
                boolean text = fields.stream().anyMatch(f -> TEXT.contains(f.name()));
                boolean misc = fields.stream().allMatch(f -> TEXT.contains(f.name()) || MISC.contains(f.name()));
                Action action;
                if (misc) {
                    boolean display = fields.stream().anyMatch(f -> f.name().equals("display"));
                    boolean definition = fields.stream().anyMatch(f -> f.name().equals("definition"));
                    action = display && !definition ? Action.S : definition && !display ? Action.C : text ? Action.S : Action.T;
                    bump = max(bump, SemVer.Bump.PATCH);
                } else {
                    action = text ? Action.B : Action.F;
                    bump = max(bump, SemVer.Bump.MINOR);
                }
                changed.add(change(code, action, now, fields));
            }
        }
        if (bump == SemVer.Bump.NONE && before != null && !Objects.equals(meta(before), meta(after))) {
            bump = SemVer.Bump.PATCH; // only metadata changed
        }
        return new Result(after.id(), added, changed, deprecated, retired, reactivated, removed, bump);
    }

    private static String meta(CodeSet cs) {
        YMap m = cs.meta();
        if (m == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            if (!m.keyName(i).equals("version")) {
                b.append(m.keyName(i)).append('=').append(value(m.value(i))).append('\n');
            }
        }
        return b.toString();
    }

    private static SemVer.Bump max(SemVer.Bump a, SemVer.Bump b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Change change(String code, Action action, CodeEntry e, List<Field> fields) {
        List<String> replacedBy = e.relationTargets(RelationType.REPLACED_BY).stream().map(YScalar::text).toList();
        return new Change(code, action, e.display(), e.status(), fields, replacedBy);
    }

    /** The fields whose values differ (by content, not position), in canonical key order. */
    static List<Field> fields(YMap before, YMap after) {
        TreeSet<String> keys = new TreeSet<>(Comparator.comparingInt(org.codeset.core.text.Canonical::rank)
                .thenComparing(Comparator.naturalOrder()));
        keys.addAll(before.keys());
        keys.addAll(after.keys());
        List<Field> out = new ArrayList<>();
        for (String k : keys) {
            String a = value(before.get(k));
            String b = value(after.get(k));
            if (!Objects.equals(a, b)) {
                out.add(new Field(k, a, b));
            }
        }
        return out;
    }

    /** A value as text: a scalar's text, a list or mapping as compact JSON; null when absent. */
    static String value(YNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar s) {
            return s.isNull() ? null : s.text();
        }
        return SchemaSet.toJson(node).toString();
    }
}

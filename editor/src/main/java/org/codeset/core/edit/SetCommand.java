package org.codeset.core.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.Render;
import org.codeset.core.text.SourceText;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;

/**
 * Changes fields of a code: {@code codesets.set().codeset("radiology").code("72040").display("...").call()}.
 * Only the lines of the changed fields are written.
 */
public final class SetCommand extends EditCommand {
    /** The fields {@code unset} accepts, besides {@code properties.NAME}. */
    public static final List<String> UNSETTABLE = List.of("definition", "synonyms", "note", "parent", "abstract", "retired");

    private String codeset;
    private String code;
    private final Map<String, String> scalars = new LinkedHashMap<>();
    private final List<String> parents = new ArrayList<>();
    private final Map<String, List<String>> properties = new LinkedHashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private Boolean abstractCode;

    public SetCommand(Workspace workspace) {
        super(workspace);
    }

    public SetCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public SetCommand code(String code) {
        this.code = code;
        return this;
    }

    public SetCommand display(String v) {
        scalars.put("display", v);
        return this;
    }

    public SetCommand definition(String v) {
        scalars.put("definition", v);
        return this;
    }

    public SetCommand note(String v) {
        scalars.put("note", v);
        return this;
    }

    public SetCommand effective(String v) {
        scalars.put("effective", v);
        return this;
    }

    /** A parent; give several for a polyhierarchy. Replaces the current parents. */
    public SetCommand parent(String v) {
        parents.add(v);
        return this;
    }

    public SetCommand abstractCode(boolean v) {
        abstractCode = v;
        return this;
    }

    /** A property value; repeat for a multiple property. Replaces the property's current value. */
    public SetCommand property(String name, String value) {
        properties.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Removes a field ({@link #UNSETTABLE}) or a property ({@code properties.NAME}). */
    public SetCommand unset(String field) {
        unset.add(field);
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        CodeSet cs = codeSet(plan.repo(), codeset);
        CodeEntry e = entry(cs, code);
        for (String f : unset) {
            if (!UNSETTABLE.contains(f) && !f.startsWith("properties.")) {
                throw new InvalidArgumentException("--unset " + f + ": cannot remove that field; fields that can be removed: "
                        + String.join(", ", UNSETTABLE) + ", properties.NAME");
            }
        }
        if (scalars.containsKey("effective")) {
            scalars.put("effective", date(scalars.get("effective"), "--effective"));
        }
        Opened o = plan.open(e.file().path());
        YMap node = o.entry(code);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> s : scalars.entrySet()) {
            String key = s.getKey();
            String rendered = key.equals("effective") ? s.getValue() : Render.text(s.getValue());
            if (!s.getValue().equals(node.text(key))) {
                o.edits.setScalar(node, key, rendered);
                changed.add(key);
            }
        }
        if (!parents.isEmpty()) {
            o.edits.setScalar(node, "parent", Canonical.parents(parents));
            changed.add("parent");
        }
        if (abstractCode != null) {
            o.edits.setScalar(node, "abstract", abstractCode.toString());
            changed.add("abstract");
        }
        Set<String> unsetProps = new LinkedHashSet<>();
        for (String f : unset) {
            if (f.startsWith("properties.")) {
                unsetProps.add(f.substring("properties.".length()));
            } else if (node.has(f)) {
                o.edits.removeKey(node, f);
                changed.add("-" + f);
            }
        }
        if (!properties.isEmpty() || !unsetProps.isEmpty()) {
            editProperties(cs, o, node, unsetProps, changed);
        }
        plan.summary("set " + String.join(", ", changed) + " of " + cs.id() + ":" + code);
        plan.unchanged("nothing to change: " + cs.id() + ":" + code + " already has these values");
    }

    private void editProperties(CodeSet cs, Opened o, YMap node, Set<String> unsetProps, List<String> changed) {
        YMap props = node.get("properties") instanceof YMap m ? m : null;
        if (props == null) {
            if (properties.isEmpty()) {
                return;
            }
            String in = SourceText.indentOf(node);
            List<String> lines = new ArrayList<>();
            lines.add(in + "properties:");
            for (Map.Entry<String, List<String>> p : properties.entrySet()) {
                lines.add(in + "  " + p.getKey() + ": " + Canonical.propertyValue(cs, p.getKey(), p.getValue()));
                changed.add("properties." + p.getKey());
            }
            o.edits.setBlock(node, "properties", lines);
            return;
        }
        int remaining = props.size();
        for (String name : unsetProps) {
            if (props.has(name)) {
                remaining--;
            }
        }
        if (remaining == 0 && properties.isEmpty()) {
            o.edits.removeKey(node, "properties");
            changed.add("-properties");
            return;
        }
        for (String name : unsetProps) {
            if (props.has(name)) {
                o.edits.removeKey(props, name);
                changed.add("-properties." + name);
            }
        }
        for (Map.Entry<String, List<String>> p : properties.entrySet()) {
            o.edits.setScalar(props, p.getKey(), Canonical.propertyValue(cs, p.getKey(), p.getValue()));
            changed.add("properties." + p.getKey());
        }
    }
}

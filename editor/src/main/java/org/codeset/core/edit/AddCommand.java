package org.codeset.core.edit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Layout;
import org.codeset.core.model.SourceFile;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.EntryDraft;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;

/**
 * Adds a code: {@code codesets.add().codeset("radiology").code("72041").display("...").call()}.
 * The entry goes into the file of its parent (or the given file, or the code set's main code
 * file) at its place in code order, written in canonical form.
 */
public final class AddCommand extends EditCommand {
    private final EntryDraft draft = new EntryDraft();
    private String codeset;
    private String file;
    private LocalDate today = LocalDate.now();

    public AddCommand(Workspace workspace) {
        super(workspace);
    }

    public AddCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    public AddCommand code(String code) {
        draft.code = code;
        return this;
    }

    public AddCommand display(String display) {
        draft.display = display;
        return this;
    }

    public AddCommand definition(String definition) {
        draft.definition = definition;
        return this;
    }

    public AddCommand synonym(String synonym) {
        draft.synonyms.add(synonym);
        return this;
    }

    public AddCommand parent(String parent) {
        draft.parents.add(parent);
        return this;
    }

    public AddCommand effective(String date) {
        draft.effective = date;
        return this;
    }

    public AddCommand abstractCode(boolean value) {
        draft.abstractCode = value;
        return this;
    }

    /** A property value; repeat for a multiple property. */
    public AddCommand property(String name, String value) {
        draft.properties.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public AddCommand relation(String type, String target) {
        draft.relations.add(new String[] {type, target});
        return this;
    }

    /** A mapping to a code of another code set ({@code icd10cm:M54.2}). */
    public AddCommand mapping(String target, String relationship) {
        draft.mappings.add(new String[] {target, relationship});
        return this;
    }

    /** A mapping to a code of an external system. */
    public AddCommand mapping(String system, String code, String relationship) {
        draft.mappings.add(new String[] {system, code, relationship});
        return this;
    }

    public AddCommand note(String note) {
        draft.note = note;
        return this;
    }

    /** The file to add to: relative to the code set's folder, or to the repository root. */
    public AddCommand file(String path) {
        this.file = path;
        return this;
    }

    /** The date {@code effective} defaults to (today, unless a test says otherwise). */
    public AddCommand today(LocalDate date) {
        this.today = date;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        CodeSet cs = codeSet(plan.repo(), codeset);
        if (draft.code == null || draft.code.isEmpty()) {
            throw new InvalidArgumentException("give the code to add");
        }
        if (draft.display == null || draft.display.isBlank()) {
            throw new InvalidArgumentException("give the new code a display (--display TEXT)");
        }
        draft.effective = draft.effective == null ? today.toString() : date(draft.effective, "--effective");
        String rel = targetFile(cs);
        plan.summary("add " + cs.id() + ":" + draft.code + " to " + rel);
        if (!java.nio.file.Files.exists(plan.root.resolve(rel))) {
            List<String> lines = new ArrayList<>();
            lines.add("codes:");
            lines.addAll(Canonical.entry(draft, cs, "  "));
            plan.create(rel, String.join("\n", lines) + "\n");
            return;
        }
        Opened o = plan.open(rel);
        YSeq codes = o.codes();
        if (codes != null && codes.size() > 0 && o.edits.dashIndent(codes) == null) {
            throw new org.codeset.core.errors.EditRefusedException("refused: " + rel
                    + " writes its codes as a flow list [...]; write them as a block list ('- code: ...') first");
        }
        if (codes == null || codes.size() == 0) {
            // no entries yet: write 'codes:' as a block list with the one entry
            List<String> lines = new ArrayList<>();
            lines.add("codes:");
            lines.addAll(Canonical.entry(draft, cs, "  "));
            YMap root = o.root instanceof YMap m ? m : null;
            if (root == null || !root.has("codes")) {
                o.text.insertAfter(o.text.lineCount(), lines);
            } else {
                o.edits.replaceKey(root, "codes", lines);
            }
            return;
        }
        String dash = o.edits.dashIndent(codes);
        List<String> lines = Canonical.entry(draft, cs, dash);
        boolean blankSeparated = o.text.itemsSeparatedByBlankLines(codes);
        for (YNode item : codes.items()) {
            if (item instanceof YMap m && m.text("code") != null && m.text("code").compareTo(draft.code) > 0) {
                List<String> withGap = new ArrayList<>(lines);
                if (blankSeparated) {
                    withGap.add("");
                }
                o.text.insertBefore(o.text.leadingCommentStart(m.line()), withGap);
                return;
            }
        }
        List<String> withGap = new ArrayList<>();
        if (blankSeparated) {
            withGap.add("");
        }
        withGap.addAll(lines);
        o.edits.appendItem(codes, withGap);
    }

    private String targetFile(CodeSet cs) throws InvalidArgumentException {
        String base = Layout.folder(cs.id()) + "/";
        if (file != null) {
            String rel = file.startsWith(Layout.CODESETS + "/") ? file : base + file;
            if (!rel.startsWith(base) || !rel.endsWith(".yaml") || rel.equals(Layout.codeSetFile(cs.id())) || rel.contains("..")) {
                throw new InvalidArgumentException("--file " + file + " is not a code file of " + cs.id()
                        + " (a *.yaml below " + base + ", other than codeset.yaml)");
            }
            return rel;
        }
        for (String p : draft.parents) {
            CodeEntry parent = cs.get(p);
            if (parent != null) {
                return parent.file().path();
            }
        }
        return mainFile(cs);
    }

    /** The code set's main code file: codes.yaml when there is one, else its first code file. */
    static String mainFile(CodeSet cs) {
        String main = Layout.codesFile(cs.id());
        for (SourceFile f : cs.codeFiles()) {
            if (f.path().equals(main)) {
                return main;
            }
        }
        return cs.codeFiles().isEmpty() ? main : cs.codeFiles().get(0).path();
    }
}

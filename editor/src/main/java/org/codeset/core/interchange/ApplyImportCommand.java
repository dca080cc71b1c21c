package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codeset.core.edit.EditCommand;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Layout;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.model.SourceFile;
import org.codeset.core.model.Vocabulary.CodeSetStatus;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.text.Canonical;
import org.codeset.core.text.EntryDraft;
import org.codeset.core.text.Render;
import org.codeset.core.text.SourceText;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;

/**
 * Brings a code set in line with an imported one, as one batch edit: validated once, each file
 * written once and atomically. A code set that does not exist is created (its code files written
 * whole, in canonical form); an existing one is updated entry by entry with the same line edits
 * as {@code add}, {@code set}, {@code deprecate} and {@code retire}: new codes are added, changed
 * displays, definitions, synonyms, parents, properties and statuses are set, and codes the
 * import no longer lists are retired, never deleted (only when the source lists every code).
 * Fields the import knows nothing of (relations, mappings, notes, other properties) are left alone.
 */
public final class ApplyImportCommand extends EditCommand {
    /** A first import writes one codes.yaml up to this many codes, else files of {@link #CHUNK} codes. */
    static final int ONE_FILE = 5000;
    static final int CHUNK = 1000;

    /** What changed, code by code. */
    public record Changes(List<String> added, Map<String, List<String>> changed, List<String> deprecated,
            List<String> retired, List<String> reactivated, List<String> newProperties, List<String> metadata,
            boolean created) {
        public int size() {
            return added.size() + changed.size() + deprecated.size() + retired.size() + reactivated.size();
        }
    }

    private ImportedCodeSet image;
    private String format = "import";
    private Progress progress = Progress.NONE;
    private Changes changes;

    public ApplyImportCommand(Workspace workspace) {
        super(workspace);
    }

    public ApplyImportCommand image(ImportedCodeSet image) {
        this.image = image;
        return this;
    }

    /** The format's name, for the summary ({@code fhir}, {@code csv}). */
    public ApplyImportCommand format(String format) {
        this.format = format;
        return this;
    }

    public ApplyImportCommand progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** What the last {@link #call()} changed (also when it was refused or a dry run). */
    public Changes changes() {
        return changes;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        if (image == null) {
            throw new IllegalStateException("no image to import");
        }
        String id = image.id();
        if (id == null || !Reference.ID.matcher(id).matches()) {
            throw new InvalidArgumentException("code-set id '" + id + "' is not valid: a lower-case letter, then lower-case"
                    + " letters, digits and '-', at most 63 characters (give one with --id)");
        }
        CodeSet cs = plan.repo().codeSet(id);
        changes = new Changes(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), cs == null);
        if (cs == null) {
            create(plan, id);
        } else {
            update(plan, cs);
        }
        progress.update("validate and write", 0, -1); // what EditCommand does once the plan is made
        plan.summary(format + " into " + id + ": " + (changes.created() ? "new code set, " : "") + changes.added().size()
                + " added, " + changes.changed().size() + " changed, " + changes.deprecated().size() + " deprecated, "
                + changes.retired().size() + " retired, " + changes.reactivated().size() + " reactivated");
    }

    // ---- a new code set: whole files in canonical form ----

    private void create(Plan plan, String id) throws CodesetException {
        String base = Layout.folder(id) + "/";
        StringBuilder meta = new StringBuilder();
        meta.append("id: ").append(id).append('\n');
        meta.append("title: ").append(Render.text(image.title() == null ? id : image.title())).append('\n');
        meta.append("system: ").append(Render.text(image.system())).append('\n');
        meta.append("version: ").append(image.version() == null ? "0.1.0" : image.version()).append('\n');
        meta.append("status: ").append(image.status() == null ? CodeSetStatus.DRAFT.text() : image.status()).append('\n');
        if (image.publisher() != null) {
            meta.append("publisher: ").append(Render.text(image.publisher())).append('\n');
        }
        if (image.description() != null) {
            meta.append("description: ").append(Render.text(image.description())).append('\n');
        }
        if (!image.properties().isEmpty()) {
            meta.append("properties:\n");
            for (ImportedCodeSet.Property p : image.properties()) {
                propertyLines(p, "  ").forEach(l -> meta.append(l).append('\n'));
                changes.newProperties().add(p.id());
            }
        }
        plan.create(Layout.codeSetFile(id), meta.toString());
        Map<String, PropertyDef> defs = defs(image.properties());
        List<ImportedCodeSet.Concept> concepts = image.concepts();
        int n = concepts.size();
        int files = n <= ONE_FILE ? 1 : (n + CHUNK - 1) / CHUNK;
        // the files are rendered in parallel (each is independent), then created in order
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<String> texts = java.util.stream.IntStream.range(0, files).parallel().mapToObj(f -> {
            int from = files == 1 ? 0 : f * CHUNK;
            int to = files == 1 ? n : Math.min(n, from + CHUNK);
            StringBuilder b = new StringBuilder(Math.max(16, (to - from) * 160));
            b.append(to == from ? "codes: []\n" : "codes:\n");
            for (int i = from; i < to; i++) {
                for (String line : Canonical.entry(draft(concepts.get(i), image.effective()), defs::get, "  ")) {
                    b.append(line).append('\n');
                }
            }
            synchronized (done) {
                progress.update("plan", done.addAndGet(to - from), n);
            }
            return b.toString();
        }).toList();
        for (int f = 0; f < files; f++) {
            plan.create(base + (files == 1 ? Layout.CODES_FILE : String.format("codes-%04d.yaml", f + 1)), texts.get(f));
        }
        concepts.forEach(c -> changes.added().add(c.code()));
    }

    static List<String> propertyLines(ImportedCodeSet.Property p, String dashIndent) {
        List<String> out = new ArrayList<>();
        out.add(dashIndent + "- id: " + p.id());
        out.add(dashIndent + "  type: " + p.type());
        if (p.from() != null) {
            out.add(dashIndent + "  from: " + p.from());
        }
        if (p.multiple()) {
            out.add(dashIndent + "  multiple: true");
        }
        if (p.description() != null && !p.description().isBlank()) {
            out.add(dashIndent + "  description: " + Render.text(p.description()));
        }
        return out;
    }

    private static Map<String, PropertyDef> defs(List<ImportedCodeSet.Property> props) {
        Map<String, PropertyDef> defs = new HashMap<>();
        for (ImportedCodeSet.Property p : props) {
            defs.put(p.id(), new PropertyDef(p.id(), p.type(), p.from(), false, p.multiple(), null));
        }
        return defs;
    }

    private static EntryDraft draft(ImportedCodeSet.Concept c, String effective) {
        EntryDraft d = new EntryDraft();
        d.code = c.code();
        d.display = c.display();
        d.definition = c.definition();
        d.synonyms.addAll(c.synonyms());
        d.status = c.status();
        d.effective = c.effective() == null ? effective : c.effective();
        if (c.status().equals(Status.RETIRED.text())) {
            d.retired = c.retired() == null ? effective : c.retired();
            if (d.retired.compareTo(d.effective) < 0) {
                d.effective = d.retired; // the source's retirement date is a fact; the effective date a default
            }
        }
        d.abstractCode = c.abstractCode();
        d.parents.addAll(c.parents());
        d.properties.putAll(c.properties());
        c.relations().forEach((type, targets) -> targets.forEach(t -> d.relations.add(new String[] {type, t})));
        return d;
    }

    // ---- an existing code set: line edits of the entries that differ ----

    private void update(Plan plan, CodeSet cs) throws CodesetException {
        String system = cs.meta() == null ? null : cs.meta().text("system");
        if (system != null && image.system() != null && !system.equals(image.system())) {
            throw new EditRefusedException("refused: code set " + cs.id() + " is the code system " + system
                    + ", the file is " + image.system() + "; import it with another --id");
        }
        Map<String, PropertyDef> defs = new HashMap<>(cs.properties());
        List<ImportedCodeSet.Property> added = new ArrayList<>();
        for (ImportedCodeSet.Property p : image.properties()) {
            PropertyDef known = cs.properties().get(p.id());
            if (known == null) {
                added.add(p);
                defs.put(p.id(), new PropertyDef(p.id(), p.type(), p.from(), false, p.multiple(), null));
            } else if (!known.type().equals(p.type()) || (p.multiple() && !known.multiple())) {
                plan.note("property " + p.id() + " is declared " + known.type() + (known.multiple() ? " (multiple)" : "")
                        + "; the import has " + p.type() + (p.multiple() ? " (multiple)" : "") + ": the declaration is kept");
            }
        }
        Set<String> imported = new HashSet<>();
        image.properties().forEach(p -> imported.add(p.id()));
        if (!added.isEmpty()) {
            declare(plan, cs, added);
        }
        // after the declarations: a key added at the end of codeset.yaml must come after new property items
        metadata(plan, cs);
        Map<String, Map<String, YMap>> nodesByFile = new HashMap<>();
        Map<String, String> targetOf = new HashMap<>();
        Map<String, List<String>> appended = new LinkedHashMap<>();
        Set<String> incoming = new HashSet<>();
        String fallback = fallbackFile(cs);
        int done = 0;
        for (ImportedCodeSet.Concept c : image.concepts()) {
            incoming.add(c.code());
            CodeEntry e = cs.get(c.code());
            if (e == null) {
                String target = fallback;
                for (String p : c.parents()) {
                    CodeEntry pe = cs.get(p);
                    if (pe != null) {
                        target = pe.file().path();
                        break;
                    }
                    if (targetOf.containsKey(p)) {
                        target = targetOf.get(p);
                        break;
                    }
                }
                targetOf.put(c.code(), target);
                appended.computeIfAbsent(target, k -> new ArrayList<>()).add(c.code());
                changes.added().add(c.code());
            } else {
                // compared with the loaded model's entry; the file is opened only when the entry differs
                Delta delta = delta(e.node(), c, defs, imported);
                if (!delta.set().isEmpty()) {
                    Opened o = plan.open(e.file().path());
                    YMap node = nodes(o, nodesByFile).get(c.code());
                    if (node == null) {
                        throw new org.codeset.core.errors.NotFoundException("code \"" + c.code() + "\" is no longer in "
                                + e.file().path() + "; run the import again");
                    }
                    if (node != e.node()) {
                        delta = delta(node, c, defs, imported); // the file changed since the model was loaded
                    }
                    record(delta);
                    apply(o, node, delta.set(), delta.block());
                }
            }
            if (++done % 5000 == 0) {
                progress.update("plan", done, image.concepts().size());
            }
        }
        if (image.complete()) {
            for (CodeEntry e : cs.entries()) {
                if (e.code() != null && !incoming.contains(e.code()) && !e.isRetired()) {
                    Opened o = plan.open(e.file().path());
                    YMap node = nodes(o, nodesByFile).get(e.code());
                    Map<String, String> set = new LinkedHashMap<>();
                    set.put("status", Status.RETIRED.text());
                    set.put("retired", notBefore(image.effective(), node.text("effective")));
                    apply(o, node, set, Set.of());
                    changes.retired().add(e.code());
                }
            }
        }
        Map<String, ImportedCodeSet.Concept> byCode = new HashMap<>();
        image.concepts().forEach(c -> byCode.put(c.code(), c));
        for (Map.Entry<String, List<String>> f : appended.entrySet()) {
            append(plan, cs, f.getKey(), f.getValue().stream().map(byCode::get).toList(), defs);
        }
    }

    /** The metadata the source gives (title, status, publisher, description), set where it differs. */
    private void metadata(Plan plan, CodeSet cs) throws CodesetException {
        if (cs.meta() == null) {
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        given.put("title", image.title());
        given.put("status", image.status());
        given.put("publisher", image.publisher());
        given.put("description", image.description());
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() != null && !e.getValue().equals(cs.meta().text(e.getKey()))) {
                Opened o = plan.open(cs.metaFile().path());
                o.edits().setScalar((YMap) o.root(), e.getKey(), e.getKey().equals("status") ? e.getValue() : Render.text(e.getValue()));
                changes.metadata().add(e.getKey());
            }
        }
    }

    private static Map<String, YMap> nodes(Opened o, Map<String, Map<String, YMap>> cache) {
        return cache.computeIfAbsent(o.rel(), k -> {
            Map<String, YMap> m = new HashMap<>();
            YSeq codes = o.codes();
            if (codes != null) {
                for (YNode item : codes.items()) {
                    if (item instanceof YMap node && node.text("code") != null) {
                        m.putIfAbsent(node.text("code"), node);
                    }
                }
            }
            return m;
        });
    }

    /** Where new codes without a known parent go: codes.yaml, else the last code file. */
    private static String fallbackFile(CodeSet cs) {
        String main = Layout.codesFile(cs.id());
        for (SourceFile f : cs.codeFiles()) {
            if (f.path().equals(main)) {
                return main;
            }
        }
        return cs.codeFiles().isEmpty() ? main : cs.codeFiles().get(cs.codeFiles().size() - 1).path();
    }

    private static String notBefore(String date, String effective) {
        return effective != null && date.compareTo(effective) < 0 ? effective : date;
    }

    /**
     * How an entry must change to match a concept: the keys to set (rendered value, or null to
     * remove), which of them are blocks, the fields reported as changed, and a status change
     * ("retired", "active", "deprecated") or null.
     */
    private record Delta(String code, Map<String, String> set, Set<String> block, List<String> fields, String newStatus) {
    }

    private void record(Delta d) {
        if (d.newStatus() != null) {
            (d.newStatus().equals(Status.RETIRED.text()) ? changes.retired() : d.newStatus().equals(Status.ACTIVE.text()) ? changes.reactivated()
                    : changes.deprecated()).add(d.code());
        }
        if (!d.fields().isEmpty()) {
            changes.changed().put(d.code(), d.fields());
        }
    }

    private Delta delta(YMap node, ImportedCodeSet.Concept c, Map<String, PropertyDef> defs, Set<String> imported) {
        Map<String, String> set = new LinkedHashMap<>(); // key -> rendered value, or null to remove
        List<String> fields = new ArrayList<>();
        String newStatus = null;
        if (!c.display().equals(node.text("display"))) {
            set.put("display", Render.text(c.display()));
            fields.add("display");
        }
        if (!java.util.Objects.equals(c.definition(), node.text("definition"))) {
            set.put("definition", c.definition() == null ? null : Render.text(c.definition()));
            fields.add("definition");
        }
        List<String> synonyms = texts(node.get("synonyms"));
        if (!synonyms.equals(c.synonyms())) {
            set.put("synonyms", c.synonyms().isEmpty() ? null
                    : Render.flowList(c.synonyms().stream().map(Render::flowText).toList()));
            fields.add("synonyms");
        }
        boolean wasAbstract = node.scalar("abstract") != null && node.scalar("abstract").booleanValue();
        if (wasAbstract != c.abstractCode()) {
            set.put("abstract", c.abstractCode() ? "true" : null);
            fields.add("abstract");
        }
        List<String> parents = texts(node.get("parent"));
        if (!new HashSet<>(parents).equals(new HashSet<>(c.parents()))) {
            set.put("parent", c.parents().isEmpty() ? null : Canonical.parents(c.parents()));
            fields.add("parent");
        }
        if (c.effective() != null && !c.effective().equals(node.text("effective"))) {
            set.put("effective", c.effective());
            fields.add("effective");
        }
        String status = node.text("status");
        if (!c.status().equals(status)) {
            set.put("status", c.status());
            newStatus = c.status();
            if (c.status().equals(Status.RETIRED.text())) {
                set.put("retired", notBefore(c.retired() == null ? image.effective() : c.retired(), node.text("effective")));
            } else if (node.has("retired")) {
                set.put("retired", null);
            }
        } else if (c.status().equals(Status.RETIRED.text()) && c.retired() != null && !c.retired().equals(node.text("retired"))) {
            set.put("retired", notBefore(c.retired(), node.text("effective")));
            fields.add("retired");
        }
        Set<String> block = new HashSet<>();
        Map<String, List<String>> props = new LinkedHashMap<>();
        YMap existing = node.get("properties") instanceof YMap m ? m : null;
        if (existing != null) {
            for (int i = 0; i < existing.size(); i++) {
                props.put(existing.keyName(i), texts(existing.value(i)));
            }
        }
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (!imported.contains(k)) {
                wanted.put(k, v);
            }
        });
        wanted.putAll(c.properties());
        if (!wanted.equals(props)) {
            if (wanted.isEmpty()) {
                set.put("properties", null);
            } else {
                String in = SourceText.indentOf(node);
                List<String> lines = new ArrayList<>();
                lines.add(in + "properties:");
                wanted.forEach((k, v) -> lines.add(in + "  " + k + ": " + Canonical.propertyValue(defs.get(k), v)));
                set.put("properties", String.join("\n", lines));
                block.add("properties");
            }
            fields.add("properties");
        }
        // relations: those of the types the import carries are set; others are left alone
        List<String[]> had = new ArrayList<>();
        if (node.get("relations") instanceof YSeq rs) {
            for (YNode item : rs.items()) {
                if (item instanceof YMap r && r.text("type") != null && r.text("target") != null) {
                    had.add(new String[] {r.text("type"), r.text("target")});
                }
            }
        }
        List<String[]> want = new ArrayList<>();
        had.stream().filter(r -> !image.relationTypes().contains(r[0])).forEach(want::add);
        c.relations().forEach((type, targets) -> targets.forEach(t -> want.add(new String[] {type, t})));
        if (!pairs(want).equals(pairs(had))) {
            if (want.isEmpty()) {
                set.put("relations", null);
            } else {
                String in = SourceText.indentOf(node);
                List<String> lines = new ArrayList<>();
                lines.add(in + "relations:");
                want.forEach(r -> lines.addAll(Canonical.relation(in + "  ", r[0], r[1])));
                set.put("relations", String.join("\n", lines));
                block.add("relations");
            }
            fields.add("relations");
        }
        return new Delta(c.code(), set, block, fields, newStatus);
    }

    /**
     * Applies the key changes of one entry: first the keys it does not have yet, in canonical
     * order, then the ones it has (replaced or removed), so that edits at one line never overlap.
     */
    private static void apply(Opened o, YMap node, Map<String, String> set, Set<String> block) {
        List<String> keys = new ArrayList<>(set.keySet());
        keys.sort(java.util.Comparator.comparingInt(Canonical::rank));
        for (boolean inserting : new boolean[] {true, false}) {
            for (String key : keys) {
                if (node.has(key) == inserting) {
                    continue;
                }
                String value = set.get(key);
                if (value == null) {
                    if (node.has(key)) {
                        o.edits().removeKey(node, key);
                    }
                } else if (block.contains(key)) {
                    o.edits().setBlock(node, key, List.of(value.split("\n")));
                } else {
                    o.edits().setScalar(node, key, value);
                }
            }
        }
    }

    private static java.util.Set<String> pairs(List<String[]> relations) {
        java.util.Set<String> out = new HashSet<>();
        relations.forEach(r -> out.add(r[0] + "\u0000" + r[1]));
        return out;
    }

    private static List<String> texts(YNode value) {
        return CodeEntry.scalars(value).stream().map(YScalar::text).toList();
    }

    private void declare(Plan plan, CodeSet cs, List<ImportedCodeSet.Property> added) throws CodesetException {
        Opened o = plan.open(cs.metaFile().path());
        YMap root = (YMap) o.root();
        List<String> lines = new ArrayList<>();
        if (root.get("properties") instanceof YSeq seq && seq.size() > 0 && o.edits().dashIndent(seq) != null) {
            String dash = o.edits().dashIndent(seq);
            added.forEach(p -> lines.addAll(propertyLines(p, dash)));
            o.edits().appendItem(seq, lines);
        } else {
            lines.add("properties:");
            added.forEach(p -> lines.addAll(propertyLines(p, "  ")));
            o.edits().setBlock(root, "properties", lines);
        }
        added.forEach(p -> changes.newProperties().add(p.id()));
    }

    private void append(Plan plan, CodeSet cs, String rel, List<ImportedCodeSet.Concept> concepts,
            Map<String, PropertyDef> defs) throws CodesetException {
        if (!java.nio.file.Files.exists(plan.root().resolve(rel))) {
            List<String> lines = new ArrayList<>();
            lines.add("codes:");
            for (ImportedCodeSet.Concept c : concepts) {
                lines.addAll(Canonical.entry(draft(c, image.effective()), defs::get, "  "));
            }
            plan.create(rel, String.join("\n", lines) + "\n");
            return;
        }
        Opened o = plan.open(rel);
        YSeq codes = o.codes();
        String dash = codes == null || codes.size() == 0 ? "  " : o.edits().dashIndent(codes);
        if (dash == null) {
            throw new EditRefusedException("refused: " + rel
                    + " writes its codes as a flow list [...]; write them as a block list ('- code: ...') first");
        }
        boolean gap = codes != null && o.text().itemsSeparatedByBlankLines(codes);
        List<String> lines = new ArrayList<>();
        for (ImportedCodeSet.Concept c : concepts) {
            if (gap) {
                lines.add("");
            }
            lines.addAll(Canonical.entry(draft(c, image.effective()), defs::get, dash));
        }
        if (codes == null || codes.size() == 0) {
            lines.add(0, "codes:");
            YMap root = o.root() instanceof YMap m ? m : null;
            if (root == null || !root.has("codes")) {
                o.text().insertAfter(o.text().lineCount(), lines);
            } else {
                o.edits().replaceKey(root, "codes", lines);
            }
        } else {
            o.edits().appendItem(codes, lines);
        }
    }
}

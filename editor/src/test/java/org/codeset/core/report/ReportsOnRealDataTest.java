package org.codeset.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.history.CodeHistory;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.model.CodeSet;
import org.codeset.core.release.DiffCommand;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The downstream formats, made by the report classes on the bundled code sets released twice. */
class ReportsOnRealDataTest {
    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void release() throws Exception {
        root = ReleasedBundle.build(dir);
    }

    private static String text(Report r) {
        return new String(r.toBytes(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(Report r) {
        String s = text(r);
        assertTrue(s.endsWith("}\n") || s.endsWith("]\n"), "one document and a newline: " + s);
        return JsonMapper.builder().build().readTree(s);
    }

    private static DiffCommand.Outcome diff(String from, String to) throws Exception {
        return Codesets.open(root).diff().codeset("radiology").from(from).to(to).call();
    }

    private static Release release(String version) throws Exception {
        return ReleaseHistory.find(ReleaseHistory.releases(root, "radiology"), "radiology", version);
    }

    @Test
    void jsonDeltaOfTwoReleases() throws Exception {
        DiffCommand.Outcome o = diff("1.0.0", "2.0.0");
        JsonNode d = json(DeltaReport.json(o.from(), o.to(), o.diff()));
        assertEquals("radiology", d.get("codeset").asString());
        assertEquals("radiology/v1.0.0", d.get("from").asString());
        assertEquals("radiology/v2.0.0", d.get("to").asString());
        assertEquals("major", d.get("bump").asString());
        List<String> keys = new ArrayList<>();
        d.propertyNames().forEach(keys::add);
        assertEquals(List.of("codeset", "from", "to", "bump", "added", "changed", "deprecated", "retired", "reactivated",
                "removed"), keys);
        JsonNode added = d.get("added").get(0);
        assertEquals("72021", added.get("code").asString());
        assertEquals("A", added.get("action").asString());
        assertEquals("active", added.get("status").asString());
        JsonNode changed = d.get("changed").get(0);
        assertEquals("72040", changed.get("code").asString());
        assertEquals("S", changed.get("action").asString());
        assertEquals(ReleasedBundle.NEW_72040, changed.get("display").asString());
        JsonNode field = changed.get("fields").get(0);
        assertEquals("display", field.get("field").asString());
        assertEquals("X-ray of cervical spine, 2 or 3 views", field.get("before").asString());
        assertEquals(ReleasedBundle.NEW_72040, field.get("after").asString());
        assertEquals(0, changed.get("replacedBy").size());
        JsonNode retired = d.get("retired").get(0);
        assertEquals("72050", retired.get("code").asString());
        assertEquals("D", retired.get("action").asString());
        assertEquals("retired", retired.get("status").asString());
        assertEquals("72052", retired.get("replacedBy").get(0).asString());
        assertEquals(1, d.get("added").size() + d.get("deprecated").size() + d.get("reactivated").size()
                + d.get("removed").size());
    }

    @Test
    void jsonDeltaWithTheWorkingTreeIsIndentedAndNamesIt() throws Exception {
        DiffCommand.Outcome o = diff("2.0.0", null);
        String s = text(DeltaReport.json(o.from(), o.to(), o.diff()));
        assertTrue(s.startsWith("{\n  \"codeset\" : \"radiology\",\n  \"from\" : \"radiology/v2.0.0\",\n  \"to\" : \"working tree\",\n"), s);
        JsonNode note = JsonMapper.builder().build().readTree(s).get("changed").get(0);
        assertEquals("72040", note.get("code").asString());
        assertEquals("note", note.get("fields").get(0).get("field").asString());
        assertTrue(note.get("fields").get(0).get("before").isNull(), note.toString());
    }

    @Test
    void csvDeltaHasOneRowAChangedCode() throws Exception {
        DiffCommand.Outcome o = diff("1.0.0", "2.0.0");
        List<String> lines = text(DeltaReport.csv(o.diff())).lines().toList();
        assertEquals("action,code,display,status,changed_fields,replaced_by", lines.get(0));
        assertTrue(lines.contains("A,72021,\"X-ray of spine, 2 views, level specified\",active,,"), lines.toString());
        assertTrue(lines.contains("S,72040,\"X-ray of cervical spine, 2 or 3 views (\"\"AP and lateral\"\")\",active,display,"),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("D,72050,\"X-ray of cervical spine, 4 or 5 views\",retired,")
                && l.endsWith(",72052")), lines.toString());
        assertEquals(4, lines.size());
    }

    @Test
    void jsonSnapshotOfARelease() throws Exception {
        Release v2 = release("2.0.0");
        CodeSet cs = ReleaseHistory.snapshot(root, v2);
        JsonNode s = json(SnapshotReport.json(v2, cs));
        assertEquals("radiology", s.get("codeset").asString());
        assertEquals("2.0.0", s.get("version").asString());
        assertEquals("radiology/v2.0.0", s.get("tag").asString());
        assertEquals(v2.commit(), s.get("commit").asString());
        assertEquals("Radiology procedures", s.get("metadata").get("title").asString());
        assertEquals("2.0.0", s.get("metadata").get("version").asString());
        List<String> codes = new ArrayList<>();
        s.get("codes").forEach(c -> codes.add(c.get("code").asString()));
        assertEquals(cs.entries().size(), codes.size());
        assertEquals(codes.stream().sorted().toList(), codes, "sorted by code");
        JsonNode c72040 = s.get("codes").get(codes.indexOf("72040"));
        assertEquals(ReleasedBundle.NEW_72040, c72040.get("display").asString());
        assertEquals("CSPINE", c72040.get("properties").get("bodyPart").asString());
        assertEquals(2, c72040.get("properties").get("views").asInt());
        assertFalse(c72040.has("note"), "the unreleased note is not in the release");
    }

    @Test
    void jsonSnapshotLeavesTheStreamOpen() throws Exception {
        Release v1 = release("1.0.0");
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        out.write("before\n".getBytes(StandardCharsets.UTF_8));
        Report r = SnapshotReport.json(v1, ReleaseHistory.snapshot(root, v1));
        r.writeTo(out);
        assertFalse(closed[0]);
        assertEquals("before\n" + text(r), out.toString(StandardCharsets.UTF_8));
        StringWriter w = new StringWriter();
        r.writeTo(w);
        assertEquals(text(r), w.toString());
    }

    @Test
    void csvSnapshotHasFixedColumns() throws Exception {
        Release v2 = release("2.0.0");
        List<String> lines = text(SnapshotReport.csv(ReleaseHistory.snapshot(root, v2))).lines().toList();
        assertEquals("code,display,status,effective,retired,parent,replaced_by,definition", lines.get(0));
        assertTrue(lines.contains("72050,\"X-ray of cervical spine, 4 or 5 views\",retired,2000-01-01,2025-02-01,72020-72295,72052,"
                + "\"Plain radiographs of the cervical spine, four or five views.\""), lines.toString());
        assertTrue(lines.contains("71010,\"X-ray of chest, single frontal view\",retired,2000-01-01,2018-01-01,71010-71555,71045,"
                + "\"Plain radiograph of the chest, one frontal view.\""), lines.toString());
        List<String> codes = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
    }

    @Test
    void jsonOfACodeAndWhereItIsUsed() throws Exception {
        Workspace w = Workspace.open(root);
        JsonNode v = json(CodeViewReport.json(org.codeset.core.query.CodeView.of(w.model(), "radiology", "72040")));
        assertEquals("radiology", v.get("codeset").asString());
        assertEquals("codesets/radiology/spine.yaml", v.get("file").asString());
        assertEquals(20, v.get("line").asInt());
        assertEquals("72040", v.get("entry").get("code").asString());
        assertEquals("not released yet", v.get("entry").get("note").asString());
        assertEquals("icd10cm:M54.2", v.get("entry").get("mappings").get(0).get("target").asString());
        assertEquals("72020-72295", v.get("parents").get(0).get("code").asString());
        assertEquals(0, v.get("children").size());
        List<String> users = new ArrayList<>();
        v.get("usedBy").forEach(u -> users.add(u.get("codeset").asString() + ":" + u.get("code").asString() + " "
                + u.get("how").asString()));
        assertTrue(users.contains("charges:3200040 property cpt"), users.toString());
        assertTrue(users.contains("charges:3200040 mapping equivalent"), users.toString());
        assertTrue(users.stream().anyMatch(u -> u.startsWith("radiology:72020 ")), users.toString());
        JsonNode first = v.get("usedBy").get(0);
        assertTrue(first.get("line").asInt() > 0 && first.get("column").asInt() > 0, first.toString());
    }

    @Test
    void jsonHistoryOfACode() throws Exception {
        Workspace w = Workspace.open(root);
        JsonNode h = json(HistoryReport.json(CodeHistory.of(w.root(), "radiology", "72040", w.model().codeSet("radiology"))));
        assertEquals(3, h.size(), h.toString());
        assertEquals("radiology/v1.0.0", h.get(0).get("release").asString());
        assertEquals("A", h.get(0).get("action").asString());
        assertEquals("radiology/v2.0.0", h.get(1).get("release").asString());
        assertEquals("S", h.get(1).get("action").asString());
        assertEquals(ReleasedBundle.NEW_72040, h.get(1).get("fields").get(0).get("after").asString());
        assertEquals("working tree", h.get(2).get("release").asString());
        assertEquals("note", h.get(2).get("fields").get(0).get("field").asString());
        assertEquals("not released yet", h.get(2).get("fields").get(0).get("after").asString());
        assertEquals(10, h.get(0).get("date").asString().length(), h.get(0).toString());
    }

    @Test
    void jsonListOfReleases() throws Exception {
        JsonNode r = json(ReleasesReport.json(ReleaseHistory.summaries(root, "radiology")));
        assertEquals(2, r.size());
        assertEquals("radiology", r.get(0).get("codeset").asString());
        assertEquals("1.0.0", r.get(0).get("version").asString());
        assertEquals("radiology/v2.0.0", r.get(1).get("tag").asString());
        int v1 = r.get(0).get("codes").asInt();
        assertEquals(v1, r.get(0).get("changes").asInt(), "a first release adds every code");
        assertEquals(v1 + 1, r.get(1).get("codes").asInt());
        assertEquals(3, r.get(1).get("changes").asInt());
        assertEquals(40, r.get(1).get("commit").asString().length());
    }
}

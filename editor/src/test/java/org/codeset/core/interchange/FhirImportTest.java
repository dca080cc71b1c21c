package org.codeset.core.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YScalar;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR CodeSystem import and export: the mapping of fields, the round trip, HAPI's reading of the export, bad input. */
class FhirImportTest {
    @TempDir
    Path dir;
    private Path repo;

    /** Nested concepts and a polyhierarchy, statuses, designations, typed properties, codes that are easy to mangle. */
    static final String CODE_SYSTEM = """
            {
              "resourceType": "CodeSystem",
              "id": "demo-procedures",
              "url": "http://example.org/fhir/CodeSystem/demo-procedures",
              "version": "2.1.0",
              "name": "DemoProcedures",
              "title": "Demo procedures",
              "status": "active",
              "date": "2026-01-01",
              "publisher": "Example coding team",
              "content": "complete",
              "hierarchyMeaning": "is-a",
              "property": [
                {"code": "parent", "type": "code"},
                {"code": "status", "type": "code"},
                {"code": "notSelectable", "type": "boolean"},
                {"code": "views", "type": "integer", "description": "Number of views"},
                {"code": "price", "type": "decimal"},
                {"code": "billable", "type": "boolean"},
                {"code": "added-on", "type": "dateTime"},
                {"code": "modifier", "type": "code"}
              ],
              "concept": [
                {"code": "0100-0199", "display": "Anesthesia", "property": [{"code": "notSelectable", "valueBoolean": true}],
                 "concept": [
                   {"code": "01996", "display": "Daily epidural management", "definition": "Daily hospital management of epidural drug administration.",
                    "designation": [{"value": "Epidural, daily"}, {"language": "de", "value": "Epidural taeglich"}],
                    "property": [{"code": "views", "valueInteger": 0}, {"code": "price", "valueDecimal": 1.10},
                                 {"code": "billable", "valueBoolean": true}, {"code": "added-on", "valueDateTime": "2001-01-01"},
                                 {"code": "modifier", "valueCode": "Y"}, {"code": "modifier", "valueCode": "N"}]},
                   {"code": "01990", "display": "Old anesthesia code", "property": [{"code": "status", "valueCode": "retired"}]},
                   {"code": "01991", "display": "Discouraged anesthesia code", "property": [{"code": "status", "valueCode": "deprecated"}]}
                 ]},
                {"code": "7000-7999", "display": "Radiology", "property": [{"code": "notSelectable", "valueBoolean": true}],
                 "concept": [
                   {"code": "72040", "display": "X-ray of cervical spine, 2 or 3 views", "property": [{"code": "parent", "valueCode": "0100-0199"}, {"code": "views", "valueInteger": 2}]}
                 ]},
                {"code": "Y", "display": "Yes"},
                {"code": "N", "display": "No"},
                {"code": "A B", "display": "A code with a space"},
                {"code": "X\\u00a0", "display": "A code with a trailing non-breaking space"}
              ]
            }
            """;

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        new TestRepo(repo);
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ImportCommand.Result importFhir(Path file, String id) throws Exception {
        return Codesets.open(repo).importer().format("fhir").file(file).id(id).call();
    }

    private static List<Finding> errors(Path repo) throws Exception {
        return Codesets.open(repo).validate().call().findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void aCodeSystemBecomesAValidCodeSetWithEveryFieldMapped() throws Exception {
        ImportCommand.Result r = importFhir(write("cs.json", CODE_SYSTEM), null);
        assertEquals("demo-procedures", r.image().id());
        assertEquals(10, r.changes().added().size());
        assertEquals(List.of(), errors(repo));
        CodeSet cs = Workspace.open(repo).model().codeSet("demo-procedures");
        YMap meta = cs.meta();
        assertEquals("http://example.org/fhir/CodeSystem/demo-procedures", meta.text("system"));
        assertEquals("2.1.0", meta.text("version"));
        assertEquals("Demo procedures", meta.text("title"));
        assertEquals("active", meta.text("status"));
        assertEquals("integer", cs.properties().get("views").type());
        assertEquals("decimal", cs.properties().get("price").type());
        assertEquals("date", cs.properties().get("addedOn").type());
        assertEquals("code", cs.properties().get("modifier").type(), "Y and N are codes of this CodeSystem");
        assertTrue(cs.properties().get("modifier").multiple());

        CodeEntry epidural = cs.get("01996");
        assertNotNull(epidural, "the leading zero is kept");
        assertEquals("Daily epidural management", epidural.display());
        assertEquals("Daily hospital management of epidural drug administration.", epidural.node().text("definition"));
        assertEquals(List.of("Epidural, daily", "Epidural taeglich"), texts(epidural.node().get("synonyms")));
        assertEquals(List.of("0100-0199"), texts(epidural.node().get("parent")));
        assertEquals("2026-01-01", epidural.effective().text(), "effective defaults to the CodeSystem's date");
        assertEquals("1.10", epidural.properties().text("price"), "a decimal keeps its text");
        assertEquals("0", epidural.properties().text("views"));
        assertEquals(List.of("Y", "N"), texts(epidural.properties().get("modifier")));
        assertEquals("retired", cs.get("01990").status());
        assertEquals("2026-01-01", cs.get("01990").retired().text());
        assertEquals("deprecated", cs.get("01991").status());
        assertEquals("true", cs.get("0100-0199").node().text("abstract"));
        assertEquals(List.of("7000-7999", "0100-0199"), texts(cs.get("72040").node().get("parent")), "nesting and parent property: two parents");
        assertNotNull(cs.get("Y"));
        assertNotNull(cs.get("A B"));
        assertNotNull(cs.get("X\u00a0"), "a trailing non-breaking space is kept");
        assertTrue(r.image().warnings().stream().anyMatch(w -> w.contains("2 code(s) with spaces") && w.contains("X\\u00A0")),
                () -> "codes with spaces are reported: " + r.image().warnings());
        assertTrue(r.image().warnings().stream().anyMatch(w -> w.contains("property added-on is named addedOn")));
        assertTrue(r.image().warnings().stream().anyMatch(w -> w.contains("designation(s) carry language")));
    }

    @Test
    void theExportIsAValidR4CodeSystemAndItsImportChangesNothing() throws Exception {
        importFhir(write("cs.json", CODE_SYSTEM), "demo");
        ExportCommand.Result ex = Codesets.open(repo).export().codeset("demo").format("fhir").call();
        byte[] json = ex.export().documents().get(0).bytes();

        CodeSystem cs = Fhir.codeSystem(json);
        assertEquals("http://example.org/fhir/CodeSystem/demo-procedures", cs.getUrl());
        assertEquals("2.1.0", cs.getVersion());
        assertEquals("active", cs.getStatus().toCode());
        assertEquals("complete", cs.getContent().toCode());
        assertEquals(10, cs.getCount());
        assertEquals("is-a", cs.getHierarchyMeaning().toCode());
        Map<String, String> declared = new TreeMap<>();
        cs.getProperty().forEach(p -> declared.put(p.getCode(), p.getType().toCode()));
        assertEquals("code", declared.get("status"));
        assertEquals("boolean", declared.get("notSelectable"));
        assertEquals("code", declared.get("parent"));
        assertEquals("integer", declared.get("views"));
        assertEquals("decimal", declared.get("price"));
        assertEquals("dateTime", declared.get("addedOn"));
        CodeSystem.ConceptDefinitionComponent c = cs.getConcept().stream().filter(x -> x.getCode().equals("01996")).findFirst().orElseThrow();
        assertEquals("Daily epidural management", c.getDisplay());
        assertEquals("0100-0199", value(c, "parent"));
        assertEquals("active", value(c, "status"));
        assertEquals("1.10", value(c, "price"));
        CodeSystem.ConceptDefinitionComponent spaced = cs.getConcept().stream().filter(x -> x.getCode().startsWith("X")).findFirst().orElseThrow();
        assertEquals("X\u00a0", spaced.getCode(), "HAPI reads the code exactly, trailing non-breaking space included");
        assertEquals("true", value(cs.getConcept().get(0), "notSelectable"));

        Path exported = dir.resolve("export.json");
        Files.write(exported, json);
        importFhir(exported, "again");
        assertEquals(List.of(), errors(repo));
        CodeSet first = Workspace.open(repo).model().codeSet("demo");
        CodeSet second = Workspace.open(repo).model().codeSet("again");
        assertEquals(entries(first), entries(second));
        assertEquals(Files.readString(repo.resolve("codesets/demo/codes.yaml")), Files.readString(repo.resolve("codesets/again/codes.yaml")));
    }

    @Test
    void mappingsBecomeAConceptMapThatHapiReads() throws Exception {
        new TestRepo(repo).codeset("dx").codeset("rad")
                .file("codesets/dx/codes.yaml", "codes:\n  - code: \"M54.2\"\n    display: Cervicalgia\n    status: active\n    effective: 2020-01-01\n")
                .file("codesets/rad/codes.yaml", """
                        codes:
                          - code: "72040"
                            display: X-ray of cervical spine
                            status: active
                            effective: 2020-01-01
                            mappings:
                              - target: "dx:M54.2"
                                relationship: related-to
                              - system: http://snomed.info/sct
                                code: "241574005"
                                relationship: equivalent
                        """);
        Exporter.Export ex = Codesets.open(repo).export().codeset("rad").call().export();
        assertEquals(2, ex.documents().size());
        ConceptMap map = Fhir.conceptMap(ex.documents().get(1).bytes());
        assertEquals(2, map.getGroup().size());
        assertEquals("https://codes.example.org/dx", map.getGroup().get(0).getTarget());
        assertEquals("M54.2", map.getGroup().get(0).getElement().get(0).getTarget().get(0).getCode());
        assertEquals("relatedto", map.getGroup().get(0).getElement().get(0).getTarget().get(0).getEquivalence().toCode());
        assertEquals("equivalent", map.getGroup().get(1).getElement().get(0).getTarget().get(0).getEquivalence().toCode());
    }

    @Test
    void badInputIsRefusedWithItsJsonPathAndTheRepositoryIsUntouched() throws Exception {
        importFhir(write("cs.json", CODE_SYSTEM), "demo");
        Map<String, String> before = snapshot(repo);
        String dup = CODE_SYSTEM.replace("{\"code\": \"01991\", \"display\": \"Discouraged", "{\"code\": \"01996\", \"display\": \"Discouraged");
        String cycle = CODE_SYSTEM.replace("{\"code\": \"Y\", \"display\": \"Yes\"}",
                "{\"code\": \"Y\", \"display\": \"Yes\", \"property\": [{\"code\": \"parent\", \"valueCode\": \"N\"}]}")
                .replace("{\"code\": \"N\", \"display\": \"No\"}",
                        "{\"code\": \"N\", \"display\": \"No\", \"property\": [{\"code\": \"parent\", \"valueCode\": \"Y\"}]}");
        Map<String, String> cases = Map.of(
                "{\"resourceType\": \"ValueSet\", \"url\": \"http://x\"}", "resourceType: \"ValueSet\"; expected \"CodeSystem\"",
                dup, "concept[0].concept[2].code: duplicate code \"01996\" (first at concept[0].concept[0])",
                cycle, "parent cycle",
                CODE_SYSTEM.substring(0, CODE_SYSTEM.length() / 2), "not valid JSON",
                CODE_SYSTEM.replace("\"type\": \"decimal\"", "\"type\": \"Quantity\""), "property[4].type: unknown property type \"Quantity\"",
                "[1, 2]", "$: not a FHIR resource",
                CODE_SYSTEM.replace("{\"code\": \"Y\", \"display\": \"Yes\"}",
                        "{\"code\": \"Y\", \"display\": \"Yes\", \"property\": {\"code\": \"parent\", \"valueCode\": \"N\"}}"),
                "concept[2].property: not a list",
                CODE_SYSTEM.replace("{\"code\": \"Y\", \"display\": \"Yes\"}",
                        "{\"code\": \"Y\", \"display\": \"Yes\", \"designation\": {\"value\": \"Ja\"}}"),
                "concept[2].designation: not a list",
                CODE_SYSTEM + "{\"resourceType\": \"CodeSystem\"}", "more JSON after the end of the CodeSystem");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = write("bad.json", c.getKey());
            InvalidImportException e = assertThrows(InvalidImportException.class, () -> importFhir(f, "demo"));
            assertTrue(e.getMessage().contains(c.getValue()), () -> e.getMessage() + " should contain " + c.getValue());
            assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
            assertEquals(before, snapshot(repo));
        }
        Path cut = write("cut.json", CODE_SYSTEM.substring(0, CODE_SYSTEM.indexOf("Old anesthesia code")));
        InvalidImportException truncated = assertThrows(InvalidImportException.class, () -> importFhir(cut, "demo"));
        assertTrue(truncated.getMessage().contains(": concept[0].concept[1].display: line "), truncated.getMessage());
        InvalidImportException cyc = assertThrows(InvalidImportException.class, () -> importFhir(write("c.json", cycle), "demo"));
        assertTrue(cyc.getMessage().contains("\"Y\" -> \"N\" -> \"Y\"") || cyc.getMessage().contains("\"N\" -> \"Y\" -> \"N\""),
                cyc.getMessage());
    }

    @Test
    void aConceptsElementsMayComeInAnyOrder() throws Exception {
        // FHIR's order is code, display, designation, property, concept; the reader streams
        // concepts and must keep what comes before the code until the code is known
        String head = """
                {"resourceType": "CodeSystem", "url": "http://example.org/order", "status": "active", "content": "complete",
                 "property": [{"code": "views", "type": "integer"}],
                 "concept": [""";
        ImportCommand.Result fhirOrder = importFhir(write("a.json", head + """
                {"code": "P", "display": "Parent", "designation": [{"value": "Parent"}, {"value": "Top"}],
                 "property": [{"code": "views", "valueInteger": 2}], "concept": [{"code": "C", "display": "Child"}]}]}
                """), "order-a");
        ImportCommand.Result reversed = importFhir(write("b.json", head + """
                {"concept": [{"display": "Child", "code": "C"}], "property": [{"valueInteger": 2, "code": "views"}],
                 "designation": [{"value": "Parent"}, {"value": "Top"}], "display": "Parent", "code": "P"}]}
                """), "order-b");
        assertEquals(fhirOrder.image().concepts(), reversed.image().concepts());
        assertEquals("[P, C]", fhirOrder.image().concepts().stream().map(c -> c.code()).toList().toString());
        assertEquals(List.of("Top"), reversed.image().concepts().get(0).synonyms(), "the display is not also a synonym");
        assertEquals(List.of("P"), reversed.image().concepts().get(1).parents());
        assertEquals(Map.of("views", List.of("2")), reversed.image().concepts().get(0).properties());
    }

    @Test
    void aCodingPropertyWithPlainValuesIsKeptAsText() throws Exception {
        // the declaration says Coding, the values are not: kept as strings, as written
        ImportCommand.Result r = importFhir(write("coding.json", """
                {"resourceType": "CodeSystem", "url": "http://example.org/coding", "status": "active", "content": "complete",
                 "property": [{"code": "map", "type": "Coding"}],
                 "concept": [{"code": "A", "display": "A", "property": [{"code": "map", "valueDecimal": 1.5}]},
                             {"code": "B", "display": "B", "property": [{"code": "map", "valueString": "x"}]}]}
                """), "coding");
        assertEquals(Map.of("map", List.of("1.5")), r.image().concepts().get(0).properties());
        assertEquals("string", r.image().properties().get(0).type());
    }

    @Test
    void aNewerVersionUpdatesThroughEditsAndRetiresWhatVanished() throws Exception {
        importFhir(write("cs.json", CODE_SYSTEM), "demo");
        String before = Files.readString(repo.resolve("codesets/demo/codes.yaml"));
        String newer = CODE_SYSTEM.replace("\"version\": \"2.1.0\"", "\"version\": \"2.2.0\"")
                .replace("Daily epidural management", "Daily management of epidural")
                .replace("{\"code\": \"A B\", \"display\": \"A code with a space\"},", "")
                .replace("{\"code\": \"Y\", \"display\": \"Yes\"}", "{\"code\": \"Y\", \"display\": \"Yes\", \"property\": [{\"code\": \"status\", \"valueCode\": \"deprecated\"}]}")
                .replace("{\"code\": \"01990\", \"display\": \"Old anesthesia code\", \"property\": [{\"code\": \"status\", \"valueCode\": \"retired\"}]}",
                        "{\"code\": \"01990\", \"display\": \"Old anesthesia code\"}")
                .replace("{\"code\": \"N\", \"display\": \"No\"}", "{\"code\": \"N\", \"display\": \"No\"}, {\"code\": \"U\", \"display\": \"Unknown\"}");
        ImportCommand.Result r = Codesets.open(repo).importer().format("fhir").file(write("new.json", newer)).id("demo")
                .effective("2027-01-01").call();
        assertEquals(List.of("U"), r.changes().added());
        assertEquals(Map.of("01996", List.of("display")), r.changes().changed());
        assertEquals(List.of("Y"), r.changes().deprecated());
        assertEquals(List.of("A B"), r.changes().retired());
        assertEquals(List.of("01990"), r.changes().reactivated());
        assertEquals(List.of(), errors(repo));
        CodeSet cs = Workspace.open(repo).model().codeSet("demo");
        assertEquals("retired", cs.get("A B").status(), "retired, never deleted");
        assertEquals("2027-01-01", cs.get("A B").retired().text());
        assertEquals("2027-01-01", cs.get("U").effective().text());
        // only the touched lines changed
        List<String> after = Files.readString(repo.resolve("codesets/demo/codes.yaml")).lines().toList();
        List<String> removed = new ArrayList<>(before.lines().toList());
        removed.removeAll(after);
        assertEquals(List.of("    display: Daily epidural management", "    retired: 2026-01-01"), removed);
        assertEquals(before.lines().count() + 4, after.size(), "U added (4 lines), A B gains retired:, 01990 loses it");

        ImportCommand.Result again = Codesets.open(repo).importer().format("fhir").file(dir.resolve("new.json")).id("demo")
                .effective("2027-01-01").call();
        assertEquals(0, again.changes().size(), "importing the same file again changes nothing");
        assertFalse(again.edit().changed());
    }

    @Test
    void anUpdateDeclaresNewPropertiesAndAddsNewBranches() throws Exception {
        importFhir(write("cs.json", CODE_SYSTEM), "demo");
        String meta = Files.readString(repo.resolve("codesets/demo/codeset.yaml"));
        String newer = CODE_SYSTEM.replace("{\"code\": \"modifier\", \"type\": \"code\"}",
                "{\"code\": \"modifier\", \"type\": \"code\"}, {\"code\": \"laterality\", \"type\": \"string\"}")
                .replace("{\"code\": \"Y\", \"display\": \"Yes\"},", "{\"code\": \"8000-8999\", \"display\": \"Pathology\", \"concept\": ["
                        + "{\"code\": \"88305\", \"display\": \"Tissue exam\", \"property\": [{\"code\": \"laterality\", \"valueString\": \"left, upper\"}]}]},"
                        + " {\"code\": \"Y\", \"display\": \"Yes\"},");
        newer = newer.replace("\"publisher\": \"Example coding team\",", "\"publisher\": \"Example coding team, 2027\",");
        ImportCommand.Result r = importFhir(write("newer.json", newer), "demo");
        assertEquals(List.of("publisher"), r.changes().metadata());
        assertEquals(List.of("8000-8999", "88305"), r.changes().added());
        assertEquals(List.of("laterality"), r.changes().newProperties());
        assertEquals(0, r.changes().changed().size() + r.changes().retired().size());
        assertEquals(List.of(), errors(repo));
        String metaAfter = Files.readString(repo.resolve("codesets/demo/codeset.yaml"));
        assertEquals(meta.replace("publisher: Example coding team", "publisher: Example coding team, 2027")
                + "  - id: laterality\n    type: string\n", metaAfter, "the declaration is appended; nothing else changes");
        CodeSet cs = Workspace.open(repo).model().codeSet("demo");
        assertEquals("left, upper", cs.get("88305").properties().text("laterality"));
        assertEquals(List.of("8000-8999"), texts(cs.get("88305").node().get("parent")));
    }

    @Test
    void aLargeImportReportsProgressAndIsWrittenInFilesOfAThousandCodes() throws Exception {
        Path file = dir.resolve("large.json");
        org.codeset.bench.GenerateCodeSystem.main(new String[] {file.toString(), "12000"});
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportCommand.Result r = Codesets.open(repo).importer().format("fhir").file(file)
                .progress((phase, done, total) -> progress.add(phase + " " + done + "/" + total)).call();
        assertEquals(12000, r.changes().added().size());
        // the files are rendered in parallel; progress counts the codes of each finished file, never going back
        List<String> expected = new java.util.ArrayList<>(List.of("read 5000/-1", "read 10000/-1"));
        for (int done = 1000; done <= 12000; done += 1000) {
            expected.add("plan " + done + "/12000");
        }
        expected.add("validate and write 0/-1");
        assertEquals(expected, progress);
        try (Stream<Path> files = Files.list(repo.resolve("codesets/bench-dx"))) {
            assertEquals(13, files.count(), "codeset.yaml and codes-0001.yaml to codes-0012.yaml");
        }
        assertTrue(Files.exists(repo.resolve("codesets/bench-dx/codes-0012.yaml")));
        assertEquals(List.of(), errors(repo));
    }

    @Test
    void relationsTravelAsPropertiesAndComeBackAsRelations() throws Exception {
        importFhir(write("cs.json", CODE_SYSTEM), "demo");
        Codesets c = Codesets.open(repo);
        c.relate().codeset("demo").code("01991").type("replaced-by").target("01996").call();
        c.relate().codeset("demo").code("01996").type("see-also").target("72040").call();
        Exporter.Export ex = Codesets.open(repo).export().codeset("demo").call().export();
        assertTrue(ex.warnings().stream().anyMatch(w -> w.contains("seeAlso, replacedBy")), ex.warnings().toString());
        CodeSystem cs = Fhir.codeSystem(ex.documents().get(0).bytes());
        assertEquals("01996", value(cs.getConcept().stream().filter(x -> x.getCode().equals("01991"))
                .findFirst().orElseThrow(), "replacedBy"));
        Path exported = write("export.json", new String(ex.documents().get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8));
        importFhir(exported, "again");
        assertEquals(Files.readString(repo.resolve("codesets/demo/codes.yaml")), Files.readString(repo.resolve("codesets/again/codes.yaml")));
        assertEquals(0, importFhir(exported, "demo").changes().size(), "its own export changes nothing");

        // an upstream file without relations leaves them alone; one with other relations sets them
        assertEquals(0, importFhir(dir.resolve("cs.json"), "demo").changes().size());
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build(); // 1.10 stays 1.10
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) mapper.readTree(ex.documents().get(0).bytes());
        for (tools.jackson.databind.JsonNode concept : tree.get("concept")) {
            for (tools.jackson.databind.JsonNode p : concept.get("property")) {
                if (p.get("code").asString().equals("replacedBy")) {
                    ((tools.jackson.databind.node.ObjectNode) p).put("valueCode", "72040");
                }
            }
        }
        String moved = mapper.writeValueAsString(tree);
        ImportCommand.Result r = importFhir(write("moved.json", moved), "demo");
        assertEquals(Map.of("01991", List.of("relations")), r.changes().changed());
        assertEquals(List.of("72040"), Workspace.open(repo).model().codeSet("demo").get("01991").relationTargets(RelationType.REPLACED_BY)
                .stream().map(YScalar::text).toList());
    }

    @Test
    void everyRelationTypeIsReadFromThePropertyTheExportWritesForIt() {
        for (RelationType t : RelationType.values()) {
            assertEquals(t, FhirPropertyTypes.RELATIONS.get(FhirExporter.relationProperty(t.text())), t.text());
        }
        assertEquals(RelationType.values().length, FhirPropertyTypes.RELATIONS.size());
    }

    @Test
    void everyBundledCodeSetExportsToFhirThatHapiReads() throws Exception {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        Codesets bundled = Codesets.open(project);
        for (CodeSet cs : bundled.workspace().model().codeSets()) {
            Exporter.Export ex = bundled.export().codeset(cs.id()).format("fhir").call().export();
            CodeSystem fhir = Fhir.codeSystem(ex.documents().get(0).bytes());
            assertEquals(cs.entries().size(), fhir.getCount(), cs.id());
            if (ex.documents().size() > 1) {
                ConceptMap map = Fhir.conceptMap(ex.documents().get(1).bytes());
                assertFalse(map.getGroup().isEmpty(), cs.id());
            }
        }
        byte[] radiology = bundled.export().codeset("radiology").call().export().documents().get(0).bytes();
        CodeSystem r = Fhir.codeSystem(radiology);
        assertEquals("Coding", r.getProperty().stream().filter(p -> p.getCode().equals("modality")).findFirst().orElseThrow()
                .getType().toCode(), "a code of another code set (modalities) is a Coding");
        CodeSystem.ConceptDefinitionComponent c = r.getConcept().stream().filter(x -> x.getCode().equals("72040")).findFirst().orElseThrow();
        org.hl7.fhir.r4.model.Coding modality = (org.hl7.fhir.r4.model.Coding) c.getProperty().stream()
                .filter(p -> p.getCode().equals("modality")).findFirst().orElseThrow().getValue();
        assertEquals("https://codes.example.org/modalities", modality.getSystem());
    }

    @Test
    void theBundledRadiologyComesBackWithItsCodePropertiesIntoOtherCodeSets() throws Exception {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        try (Stream<Path> s = Files.walk(project.resolve("codesets"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = repo.resolve(project.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        byte[] json = Codesets.open(repo).export().codeset("radiology").call().export().documents().get(0).bytes();
        ImportCommand.Result r = importFhir(write("radiology.json", new String(json, java.nio.charset.StandardCharsets.UTF_8)),
                "radiology-copy");
        assertTrue(r.image().warnings().stream().anyMatch(w -> w.contains("modality (type Coding) is read as codes of code set modalities")),
                r.image().warnings().toString());
        assertEquals(List.of(), errors(repo));
        CodeSet original = Workspace.open(repo).model().codeSet("radiology");
        CodeSet copy = Workspace.open(repo).model().codeSet("radiology-copy");
        assertEquals("modalities", copy.properties().get("modality").from());
        assertEquals(original.properties().keySet(), copy.properties().keySet());
        for (String p : original.properties().keySet()) {
            assertEquals(original.properties().get(p).type(), copy.properties().get(p).type(), p);
        }
        assertEquals(entries(original), entries(copy), "codes, displays, statuses, dates, parents, properties");
        for (CodeEntry e : original.entries()) {
            assertEquals(e.relations().stream().map(x -> x.type().text() + " " + x.target().text()).toList(),
                    copy.get(e.code()).relations().stream().map(x -> x.type().text() + " " + x.target().text()).toList(), e.code());
        }
    }

    private static String value(CodeSystem.ConceptDefinitionComponent c, String code) {
        return c.getProperty().stream().filter(p -> p.getCode().equals(code)).findFirst()
                .map(p -> p.getValue().primitiveValue()).orElse(null);
    }

    static List<String> texts(org.codeset.core.yaml.YNode n) {
        return CodeEntry.scalars(n).stream().map(YScalar::text).toList();
    }

    /** Every entry as comparable text: code, display, status, dates, parents, properties, synonyms, definition. */
    static List<String> entries(CodeSet cs) {
        return cs.entries().stream().map(e -> String.join(" | ", e.code(), e.display(), e.status(),
                String.valueOf(e.node().text("definition")), String.valueOf(texts(e.node().get("synonyms"))),
                String.valueOf(e.node().text("abstract")), String.valueOf(texts(e.node().get("parent"))),
                e.effective() == null ? "" : e.effective().text(), e.retired() == null ? "" : e.retired().text(),
                e.properties() == null ? "" : org.codeset.core.schema.SchemaSet.toJson(e.properties()).toString())).toList();
    }

    static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root.resolve("codesets"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}

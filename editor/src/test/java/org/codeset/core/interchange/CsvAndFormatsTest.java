package org.codeset.core.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV export and import, the JSON export, and formats contributed through ServiceLoader. */
class CsvAndFormatsTest {
    @TempDir
    Path dir;
    private Path repo;

    @BeforeEach
    void importDemo() throws Exception {
        repo = dir.resolve("repo");
        new TestRepo(repo);
        Path cs = dir.resolve("cs.json");
        Files.writeString(cs, FhirImportTest.CODE_SYSTEM);
        Codesets.open(repo).importer().format("fhir").file(cs).id("demo").call();
    }

    @Test
    void csvRoundTripKeepsCodesDisplaysStatusesParentsAndProperties() throws Exception {
        byte[] csv = Codesets.open(repo).export().codeset("demo").format("csv").call().export().documents().get(0).bytes();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("code,display,definition,synonyms,status,effective,retired,abstract,parent,views,price,"
                + "billable,addedOn,modifier\n"), text);
        assertTrue(text.contains("\n01996,\"Daily epidural management\","), "leading zero kept: " + text);
        assertTrue(text.contains("\nX\u00a0,\"A code with a trailing"), "the trailing non-breaking space is kept: " + text);
        Path file = dir.resolve("demo.csv");
        Files.write(file, csv);
        var r = Codesets.open(repo).importer().format("csv").file(file).id("copy").system("http://example.org/copy")
                .title("Copy").call();
        assertEquals(10, r.changes().added().size());
        CodeSet a = Workspace.open(repo).model().codeSet("demo");
        CodeSet b = Workspace.open(repo).model().codeSet("copy");
        assertEquals(FhirImportTest.entries(a).stream().map(CsvAndFormatsTest::withoutProperties).toList(),
                FhirImportTest.entries(b).stream().map(CsvAndFormatsTest::withoutProperties).toList());
        for (CodeEntry e : a.entries()) {
            assertEquals(FhirImportTest.texts(e.properties() == null ? null : e.properties().get("views")),
                    FhirImportTest.texts(b.get(e.code()).properties() == null ? null : b.get(e.code()).properties().get("views")));
        }
        assertTrue(r.image().warnings().stream().anyMatch(w -> w.contains("\"X\\u00A0\" has leading or trailing spaces")),
                r.image().warnings().toString());

        // the same CSV into the code set it came from changes nothing
        var same = Codesets.open(repo).importer().format("csv").file(file).id("demo").call();
        assertEquals(0, same.changes().size(), same.changes().toString());
    }

    private static String withoutProperties(String entry) {
        return entry.substring(0, entry.lastIndexOf(" | "));
    }

    @Test
    void csvColumnsAndErrorsNameTheirLine() throws Exception {
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, "Code,Name,Ignored\nA1,First,x\nA2,Second,y\n");
        var r = Codesets.open(repo).importer().format("csv").file(f).id("small").columns(List.of("code", "display", "-"))
                .system("http://example.org/small").call();
        assertEquals(List.of("A1", "A2"), r.changes().added());
        Files.writeString(f, "\ufeffcode,display\r\nA1,First\r\nA2,Second, revised\r\n".replace("Second, revised", "\"Second, revised\""));
        var spreadsheet = Codesets.open(repo).importer().format("csv").file(f).id("small").call();
        assertEquals(java.util.Map.of("A2", List.of("display")), spreadsheet.changes().changed(), "a BOM and CRLF, as spreadsheets write");
        Files.writeString(f, "code,display\nA1,First\nA2,Second\nA1,Again\n");
        InvalidImportException dup = assertThrows(InvalidImportException.class,
                () -> Codesets.open(repo).importer().format("csv").file(f).id("small").call());
        assertTrue(dup.getMessage().contains("line 4: duplicate code \"A1\" (first at line 2)"), dup.getMessage());
        Files.writeString(f, "code,display,parent\nA1,First,A2\nA2,Second,A1\n");
        InvalidImportException cycle = assertThrows(InvalidImportException.class,
                () -> Codesets.open(repo).importer().format("csv").file(f).id("small").call());
        assertTrue(cycle.getMessage().contains("parent cycle"), cycle.getMessage());
        Files.writeString(f, "code,display\nA1,\"unterminated\n");
        InvalidImportException truncated = assertThrows(InvalidImportException.class,
                () -> Codesets.open(repo).importer().format("csv").file(f).id("small").call());
        assertTrue(truncated.getMessage().contains("not valid CSV"), truncated.getMessage());
    }

    @Test
    void aFhirUpdateOfACsvImportAddsMetadataAfterNewPropertyDeclarations() throws Exception {
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, "code,display,grade\nA1,First,x\n");
        Codesets.open(repo).importer().format("csv").file(f).id("small").system("http://example.org/small").call();
        assertTrue(Files.readString(repo.resolve("codesets/small/codeset.yaml")).endsWith("  - id: grade\n    type: string\n"));
        Path json = dir.resolve("small.json");
        Files.writeString(json, """
                {"resourceType": "CodeSystem", "url": "http://example.org/small", "status": "active", "publisher": "P",
                 "content": "complete", "property": [{"code": "grade", "type": "string"}, {"code": "rank", "type": "integer"}],
                 "concept": [{"code": "A1", "display": "First", "property": [{"code": "rank", "valueInteger": 1}]}]}
                """);
        var r = Codesets.open(repo).importer().format("fhir").file(json).id("small").call();
        assertEquals(List.of("status", "publisher"), r.changes().metadata());
        assertEquals(List.of("rank"), r.changes().newProperties());
        assertEquals(List.of(), Codesets.open(repo).validate().call().findings().stream().filter(x -> x.file().contains("small"))
                .map(Object::toString).toList());
        assertTrue(Files.readString(repo.resolve("codesets/small/codeset.yaml"))
                .endsWith("  - id: rank\n    type: integer\npublisher: P\n"), Files.readString(repo.resolve("codesets/small/codeset.yaml")));
    }

    @Test
    void jsonExportHoldsEveryField() throws Exception {
        byte[] json = Codesets.open(repo).export().codeset("demo").format("json").call().export().documents().get(0).bytes();
        var root = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        assertEquals("demo", root.get("codeset").asString());
        assertEquals(10, root.get("codes").size());
        assertEquals("01996", root.get("codes").get(1).get("code").asString());
        assertEquals("1.10", root.get("codes").get(1).get("properties").get("price").asString());
    }

    /** An exporter from another class path entry: one code per line. */
    public static final class LinesExporter implements Exporter {
        @Override
        public String id() {
            return "lines";
        }

        @Override
        public String description() {
            return "one code per line";
        }

        @Override
        public Export export(ExportSource source, Progress progress) {
            StringBuilder b = new StringBuilder();
            source.codeSet().entries().forEach(e -> b.append(e.code()).append('\n'));
            return new Export(List.of(new Document("", "lines", b.toString().getBytes(StandardCharsets.UTF_8))), List.of());
        }
    }

    @Test
    void formatsAreContributionsFoundThroughServiceLoader() throws Exception {
        assertEquals(List.of("csv", "fhir"), Interchange.importers().stream().map(Importer::id).toList());
        assertEquals(List.of("csv", "fhir", "json"), Interchange.exporters().stream().map(Exporter::id).toList());
        Path plugin = dir.resolve("plugin");
        Path services = plugin.resolve("META-INF/services/" + Exporter.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, LinesExporter.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader())) {
            Exporter lines = Interchange.exporters(loader).stream().filter(e -> e.id().equals("lines")).findFirst().orElseThrow();
            CodeSet cs = Workspace.open(repo).model().codeSet("demo");
            String out = new String(lines.export(new ExportSource(cs, null, "1"), Progress.NONE).documents().get(0).bytes(),
                    StandardCharsets.UTF_8);
            assertEquals(10, out.lines().count());
        }
    }
}

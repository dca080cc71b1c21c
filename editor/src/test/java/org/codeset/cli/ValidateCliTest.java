package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.TestRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code codeset validate} as scripts see it: output formats and exit codes. */
class ValidateCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private String repo;

    /** A repository with one error (line 3) and one warning (line 7). */
    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir).codeset("rad", "codePattern: '^[0-9]{5}$'").file("codesets/rad/codes.yaml", """
                codes:
                  - code: "72040"
                    display: X-ray of cervical spine, 2 or 3 views
                    status: active
                    effective: 2026-01-01
                  - code: "7205O"
                    display: X-ray of cervical spine, 2 or 3 views
                    status: active
                    effective: 2026-01-01
                """);
        repo = dir.toString();
    }

    @Test
    void textLinesSortedWithExitOne() {
        Cli r = Cli.run("validate", "--repo", repo);
        assertEquals(1, r.exit());
        assertEquals("""
                codesets/rad/codes.yaml:3:14: warning [duplicate-display] code "72040" has the same display as "7205O": "X-ray of cervical spine, 2 or 3 views"
                codesets/rad/codes.yaml:6:11: error [code-pattern] code "7205O" does not match the code set's codePattern '^[0-9]{5}$'
                codesets/rad/codes.yaml:7:14: warning [duplicate-display] code "7205O" has the same display as "72040": "X-ray of cervical spine, 2 or 3 views"
                """, r.out());
        assertEquals("1 code set, 2 files, 2 codes: 1 error, 2 warnings\n", r.err());
    }

    @Test
    void jsonHasTheContractFields() throws Exception {
        Cli r = Cli.run("validate", "--repo", repo, "--format", "json");
        assertEquals(1, r.exit());
        JsonNode array = JSON.readTree(r.out());
        assertEquals(3, array.size());
        JsonNode error = array.get(1);
        assertEquals("code-pattern", error.get("rule").asString());
        assertEquals("error", error.get("severity").asString());
        assertEquals("codesets/rad/codes.yaml", error.get("file").asString());
        assertEquals(6, error.get("line").asInt());
        assertEquals(11, error.get("column").asInt());
        assertEquals("rad", error.get("codeset").asString());
        assertEquals("7205O", error.get("code").asString());
        assertTrue(error.get("message").asString().contains("7205O"));
        assertEquals(7, array.get(0).get("related").get(0).get("line").asInt());
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        Cli r = Cli.run("validate", "--repo", repo, "--format", "sarif");
        assertEquals(1, r.exit());
        JsonNode sarif = JSON.readTree(r.out());
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<Error> errors = schema.validate(sarif);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        assertEquals("2.1.0", sarif.get("version").asString());
        JsonNode run = sarif.get("runs").get(0);
        JsonNode result = run.get("results").get(1);
        assertEquals("code-pattern", result.get("ruleId").asString());
        assertEquals("error", result.get("level").asString());
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(6, region.get("startLine").asInt());
        assertEquals(11, region.get("startColumn").asInt());
        int index = result.get("ruleIndex").asInt();
        assertEquals("code-pattern", run.get("tool").get("driver").get("rules").get(index).get("id").asString());
    }

    @Test
    void sarifOfACleanRepositoryIsValidToo() throws Exception {
        new TestRepo(dir).file("codesets/rad/codes.yaml", "codes: []\n");
        Cli r = Cli.run("validate", "--repo", repo, "--format", "sarif");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, JSON.readTree(r.out()).get("runs").get(0).get("results").size());
    }

    @Test
    void warningsAloneExitZeroUnlessStrict() throws Exception {
        new TestRepo(dir).codeset("rad"); // drop the pattern: only the duplicate displays remain
        assertEquals(0, Cli.run("validate", "--repo", repo).exit());
        Cli strict = Cli.run("validate", "--repo", repo, "--strict");
        assertEquals(1, strict.exit());
        assertEquals(2, strict.out().lines().count());
    }

    @Test
    void codesetFilterReportsOneCodeSet() throws Exception {
        new TestRepo(dir).codeset("other").file("codesets/other/codes.yaml", "codes: []\n");
        Cli r = Cli.run("validate", "--repo", repo, "--codeset", "other");
        assertEquals(0, r.exit());
        assertEquals("", r.out());
        Cli unknown = Cli.run("validate", "--repo", repo, "--codeset", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no code set 'nope'"), unknown.err());
    }

    @Test
    void missingRepositoryIsExitTwoWithAClearLine() {
        Cli r = Cli.run("validate", "--repo", dir.resolve("nowhere").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("codeset: "), r.err());
        assertTrue(r.err().contains("no such folder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void folderWithoutCodesetsIsExitTwo() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli r = Cli.run("validate", "--repo", empty.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("has no codesets/ folder"), r.err());
    }

    @Test
    void brokenRepositorySchemaIsExitTwo() throws Exception {
        new TestRepo(dir).file("schema/codes.schema.json", "{ \"type\": ");
        Cli r = Cli.run("validate", "--repo", repo);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("codeset: schema/codes.schema.json: not valid JSON"), r.err());
    }

    @Test
    void repositorySchemaIsUsedWhenPresent() throws Exception {
        // A stricter schema that makes definition required.
        String bundled = new String(org.codeset.core.schema.SchemaSet.bundledBytes("codes.schema.json"));
        String strict = bundled.replace("\"required\": [\"code\", \"display\", \"status\", \"effective\"]",
                "\"required\": [\"code\", \"display\", \"status\", \"effective\", \"definition\"]");
        assertFalse(strict.equals(bundled));
        new TestRepo(dir).codeset("rad").file("schema/codes.schema.json", strict);
        Cli r = Cli.run("validate", "--repo", repo);
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("codesets/rad/codes.yaml:2:5: error [schema] code \"72040\": required property 'definition' not found"),
                r.out());
    }

    @Test
    void badUsageIsExitTwo() {
        Cli r = Cli.run("validate", "--format", "xml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--format"), r.err());
        Cli typo = Cli.run("valdate");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("validate"), typo.err());
    }

    @Test
    void aTypoInACodeFileYieldsOneClearFindingAtItsLine() throws Exception {
        new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml", """
                codes:
                  - code: "72040"
                    dispaly: X-ray of cervical spine, 2 or 3 views
                    status: active
                    effective: 2026-01-01
                """);
        Cli r = Cli.run("validate", "--repo", repo);
        assertEquals(1, r.exit());
        assertEquals("codesets/rad/codes.yaml:3:5: error [schema] code \"72040\": unknown field 'dispaly'; did you mean"
                + " 'display'? (display is required)\n", r.out());
    }

    @Test
    void aBadParentOrPropertyValueYieldsOneSchemaFindingThatSaysWhatIsWrong() throws Exception {
        // parent and property values take one value or a list: each wrong value is one finding
        // about that value, not also a complaint from the form it did not try to have
        new TestRepo(dir).file("codesets/rad/codeset.yaml", """
                id: rad
                title: Radiology
                system: http://example.org/rad
                version: 1.0.0
                status: active
                properties:
                  - id: bilateral
                    type: boolean
                """).file("codesets/rad/codes.yaml", """
                codes:
                  - code: "72040"
                    display: X-ray of cervical spine, 2 or 3 views
                    status: active
                    effective: 2026-01-01
                    parent: []
                  - code: "72050"
                    display: X-ray of cervical spine, 4 or 5 views
                    status: active
                    effective: 2026-01-01
                    parent: {code: "72040"}
                    properties:
                      bilateral: {value: true}
                """);
        Cli r = Cli.run("validate", "--repo", repo);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("""
                codesets/rad/codes.yaml:6:13: error [schema] code "72040": parent: must have at least 1 items but found 0
                codesets/rad/codes.yaml:11:13: error [schema] code "72050": parent: object found, [string, array] expected
                codesets/rad/codes.yaml:13:18: error [schema] code "72050": properties.bilateral: object found, [string, boolean, array] expected
                """, r.out().lines().filter(l -> l.contains("[schema]")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining()));
    }

    @Test
    void helpTeaches() {
        Cli top = Cli.run("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("validate") && top.out().contains("Exit status"), top.out());
        Cli v = Cli.run("validate", "--help");
        assertEquals(0, v.exit());
        assertTrue(v.out().contains("<file>:<line>:<col>: <severity> [<rule-id>] <message>"), v.out());
        assertTrue(v.out().contains("--strict"), v.out());
    }
}

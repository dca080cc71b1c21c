package org.codeset.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases of the rules beyond their documented examples, each with its exact finding lines. */
class RuleCasesTest {
    @TempDir
    Path dir;

    private static String code(String code, String display, String status, String... extra) {
        StringBuilder b = new StringBuilder("  - code: \"" + code + "\"\n    display: " + display + "\n    status: " + status
                + "\n    effective: 2018-01-01\n");
        if (status.equals("retired")) {
            b.append("    retired: 2020-01-01\n");
        }
        for (String e : extra) {
            b.append("    ").append(e).append('\n');
        }
        return b.toString();
    }

    @Test
    void replacementChainEndingAtARetiredCodeIsReportedAtTheLastLink() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("r").file("codesets/r/codes.yaml", "codes:\n"
                + code("A", "a", "retired", "relations:", "  - type: replaced-by", "    target: \"B\"")
                + code("B", "b", "retired"));
        assertEquals(List.of(
                "codesets/r/codes.yaml:9:17: error [replacement-chain] code \"A\" is replaced by \"B\", which is itself retired without a replacement; point replaced-by at a code in use",
                "codesets/r/codes.yaml:12:13: warning [retired-without-replacement] retired code \"B\" has no replaced-by"),
                repo.lines());
    }

    @Test
    void polyhierarchyIsAllowedAndEachParentIsResolved() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("p").file("codesets/p/codes.yaml", "codes:\n"
                + code("G1", "group 1", "active", "abstract: true")
                + code("G2", "group 2", "active", "abstract: true")
                + code("C", "child", "active", "parent: [\"G1\", \"G2\", \"G3\"]"));
        assertEquals(List.of(
                "codesets/p/codes.yaml:16:26: error [unresolved-reference] parent \"G3\" of code \"C\" is not a code of p"),
                repo.lines());
    }

    @Test
    void crossCodeSetReferencesResolveOrNameWhatIsMissing() throws Exception {
        TestRepo repo = new TestRepo(dir)
                .codeset("a", "properties:", "  - id: mod", "    type: code", "    from: mods", "    multiple: true",
                        "  - id: other", "    type: code", "    from: nowhere")
                .codeset("mods")
                .file("codesets/mods/codes.yaml", "codes:\n" + code("26", "Professional", "active"))
                .file("codesets/a/codes.yaml", "codes:\n" + code("1", "one", "active",
                        "properties:", "  mod: [\"26\", TC]",
                        "relations:", "  - type: see-also", "    target: mods:26", "  - type: see-also",
                        "    target: ghost:1"));
        assertEquals(List.of(
                "codesets/a/codes.yaml:7:19: error [unresolved-reference] property mod of code \"1\": \"TC\" is not a code of mods",
                "codesets/a/codes.yaml:12:17: error [unresolved-reference] see-also target \"ghost:1\" of code \"1\" names code set \"ghost\", which does not exist",
                "codesets/a/codeset.yaml:13:11: error [unresolved-reference] property other takes its values from code set \"nowhere\", which does not exist"),
                repo.lines());
    }

    @Test
    void multipleAndSingleValuedPropertiesAreChecked() throws Exception {
        TestRepo repo = new TestRepo(dir)
                .codeset("a", "properties:", "  - id: views", "    type: integer", "  - id: tags", "    type: string",
                        "    multiple: true", "  - id: price", "    type: decimal", "  - id: since", "    type: date")
                .file("codesets/a/codes.yaml", "codes:\n"
                        + code("1", "one", "active", "properties:", "  views: [1, 2]", "  tags: x", "  price: 12.5",
                                "  since: 2026-13-01")
                        + code("2", "two", "active", "properties:", "  views: -3", "  tags: [x, y]", "  price: 1,5"));
        assertEquals(List.of(
                "codesets/a/codes.yaml:7:14: error [property-type] property views of code \"1\" is a list, but the property takes one value (declare multiple: true to allow lists)",
                "codesets/a/codes.yaml:8:13: error [property-type] property tags of code \"1\" takes a list (multiple: true); write [x]",
                "codesets/a/codes.yaml:10:14: error [property-type] property since of code \"1\": \"2026-13-01\" is not a date (write YYYY-MM-DD)",
                "codesets/a/codes.yaml:18:14: error [property-type] property price of code \"2\": \"1,5\" is not a decimal number"),
                repo.lines());
    }

    @Test
    void retiredDateOnAnActiveCodeAndBrokenPattern() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("a", "codePattern: '[0-9'")
                .file("codesets/a/codes.yaml", "codes:\n" + code("1", "one", "active", "retired: 2030-01-01"));
        assertEquals(List.of(
                "codesets/a/codes.yaml:6:14: error [date-order] code \"1\" has status active but a retired date; remove 'retired:' or set status: retired",
                "codesets/a/codeset.yaml:6:14: error [code-pattern] codePattern is not a valid regular expression: Unclosed character class"),
                repo.lines());
    }

    @Test
    void duplicateCodeAcrossFilesNamesBothPlaces() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("a")
                .file("codesets/a/one.yaml", "codes:\n" + code("X", "first", "active"))
                .file("codesets/a/sub/two.yaml", "# comment\ncodes:\n" + code("X", "second", "active"));
        List<Finding> f = repo.validate();
        assertEquals(List.of(
                "codesets/a/one.yaml:2:11: error [duplicate-code] code \"X\" appears 2 times in code set a; also in codesets/a/sub/two.yaml",
                "codesets/a/sub/two.yaml:3:11: error [duplicate-code] code \"X\" appears 2 times in code set a; also in codesets/a/one.yaml"),
                f.stream().map(Finding::toString).toList());
        assertEquals(new Finding.Location("codesets/a/sub/two.yaml", 3, 11, "also defined here"), f.get(0).related().get(0));
        assertEquals("X", f.get(0).code());
        assertEquals("a", f.get(0).codeset());
    }

    @Test
    void asymmetricRelationAcrossCodeSets() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("a").codeset("b")
                .file("codesets/a/codes.yaml", "codes:\n" + code("1", "one", "active", "relations:",
                        "  - type: mutually-exclusive", "    target: b:2"))
                .file("codesets/b/codes.yaml", "codes:\n" + code("2", "two", "active", "relations:",
                        "  - type: mutually-exclusive", "    target: a:1")
                        + code("3", "three", "active", "relations:", "  - type: mutually-exclusive", "    target: a:1"));
        assertEquals(List.of(
                "codesets/b/codes.yaml:15:17: warning [asymmetric-relation] code \"3\" is mutually exclusive with \"a:1\", but \"a:1\" does not declare it back"),
                repo.lines());
    }

    @Test
    void layoutProblemsOutsideAnyCodeSet() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("a").file("codesets/stray.yaml", "codes: []\n")
                .file("codesets/Bad_Name/codeset.yaml", "id: Bad_Name\n")
                .file("codesets/empty/notes.txt", "no codeset.yaml here\n");
        List<String> lines = repo.lines();
        assertEquals(List.of(
                "codesets/Bad_Name:1:1: error [layout] folder name \"Bad_Name\" is not a valid code-set id (lower-case letter first, then lower-case letters, digits and '-', at most 63)",
                "codesets/Bad_Name/codeset.yaml:1:1: error [schema] required property 'status' not found",
                "codesets/Bad_Name/codeset.yaml:1:1: error [schema] required property 'system' not found",
                "codesets/Bad_Name/codeset.yaml:1:1: error [schema] required property 'title' not found",
                "codesets/Bad_Name/codeset.yaml:1:1: error [schema] required property 'version' not found",
                "codesets/Bad_Name/codeset.yaml:1:5: error [schema] id \"Bad_Name\": does not match the regex pattern ^[a-z][a-z0-9-]{0,62}$",
                "codesets/empty:1:1: error [layout] code-set folder without codeset.yaml; add one (codeset new empty) or remove the folder",
                "codesets/stray.yaml:1:1: error [layout] files belong in a code-set folder codesets/<id>/, not directly in codesets/"),
                lines);
    }
}

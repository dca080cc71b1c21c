package org.codeset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.model.CodeSet;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes are the text written, and no input hangs, overflows or crashes the reader. */
class YamlReadingTest {
    @TempDir
    Path dir;

    private static String entry(String codeAsWritten, String display) {
        return "  - code: " + codeAsWritten + "\n    display: " + display + "\n    status: active\n    effective: 2026-01-01\n";
    }

    @Test
    void yamlSpellingTrapsStayDistinctCodes() throws Exception {
        // Each plain scalar a YAML 1.1 loader would turn into a number, boolean or null-ish value.
        String[] written = {"01996", "1996", "1.10", "1.1", "Y", "y", "on", "ON", "yes", "no", "0x1F", "31", "1e3",
            "1000", "0o17", "017", "2026-01-01", "'01996 '"};
        StringBuilder codes = new StringBuilder("codes:\n");
        for (int i = 0; i < written.length; i++) {
            codes.append(entry(written[i], "Display " + i));
        }
        TestRepo repo = new TestRepo(dir).codeset("traps").file("codesets/traps/codes.yaml", codes.toString());
        assertEquals(List.of(), repo.lines(), "no spelling is a duplicate, a number or a wrong type");
        CodeSet cs = Workspace.open(dir).model().codeSet("traps");
        List<String> read = cs.entries().stream().map(e -> e.code()).toList();
        assertEquals(List.of("01996", "1996", "1.10", "1.1", "Y", "y", "on", "ON", "yes", "no", "0x1F", "31", "1e3",
                "1000", "0o17", "017", "2026-01-01", "01996 "), read);
    }

    @Test
    void plainTrueAsCodeIsASchemaErrorNotASilentBoolean() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("flags")
                .file("codesets/flags/codes.yaml", "codes:\n" + entry("true", "Yes flag"));
        List<Finding> f = repo.validate();
        assertEquals(1, f.size(), f.toString());
        assertEquals("schema", f.get(0).rule());
        assertEquals(2, f.get(0).line());
        assertEquals(11, f.get(0).column());
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondKeyWithTheFirstAsRelated() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("x").file("codesets/x/codes.yaml",
                "codes:\n  - code: \"A1\"\n    display: One\n    status: active\n    code: \"A2\"\n    effective: 2026-01-01\n");
        List<Finding> f = repo.validate();
        assertEquals(1, f.size(), f.toString());
        assertEquals("yaml-syntax", f.get(0).rule());
        assertEquals(5, f.get(0).line());
        assertEquals(5, f.get(0).column());
        assertEquals(2, f.get(0).related().get(0).line());
        assertTrue(f.get(0).message().contains("'code' is repeated"), f.get(0).message());
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(p);
            }
            b.append("]\n");
        }
        YamlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlParser.parse(b.toString()));
        assertTrue(doc.problems().get(0).message().contains("aliases"), doc.problems().toString());
        assertEquals(2, doc.problems().get(0).line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{a: "})
    void deepNestingIsAProblemNotAStackOverflow(String opener) {
        String text = "codes: " + opener.repeat(200_000);
        YamlDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> YamlParser.parse(text));
        assertNull(doc.root());
        assertTrue(doc.problems().get(0).message().contains("nesting is deeper than 64"), doc.problems().toString());
    }

    @Test
    void deepBlockNestingIsAProblem() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            b.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        YamlDocument doc = YamlParser.parse(b.toString());
        assertTrue(doc.problems().get(0).message().contains("nesting is deeper"), doc.problems().toString());
        assertEquals(65, doc.problems().get(0).line());
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws Exception {
        byte[] bytes = ("codes:\n" + entry("\"A1\"", "Caf")).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 1];
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("Caf") + 3;
        System.arraycopy(bytes, 0, bad, 0, at);
        bad[at] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(bytes, at, bad, at + 1, bytes.length - at);
        TestRepo repo = new TestRepo(dir).codeset("x").bytes("codesets/x/codes.yaml", bad);
        List<Finding> f = repo.validate();
        assertEquals(1, f.size(), f.toString());
        assertEquals("codesets/x/codes.yaml:3:17: error [yaml-syntax] file is not valid UTF-8: byte 0xE9 cannot start"
                + " or continue a character; save the file as UTF-8", f.get(0).toString());
    }

    @Test
    void emptyFilesGiveAClearFinding() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("x").file("codesets/x/codes.yaml", "").file("codesets/x/blank.yaml",
                "# nothing here yet\n");
        assertEquals(List.of(
                "codesets/x/blank.yaml:1:1: error [schema] the file is empty; a code file holds 'codes:' with a list of codes",
                "codesets/x/codes.yaml:1:1: error [schema] the file is empty; a code file holds 'codes:' with a list of codes"),
                repo.lines());
    }

    @Test
    void hugeFileIsRefusedWithoutReadingIt() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("x");
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve("codesets/x/huge.yaml"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), YamlParser.MAX_BYTES + 10L); // sparse
        }
        List<String> lines = repo.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("codesets/x/huge.yaml:1:1: error [yaml-syntax] file is 67,108,875 bytes, over the limit"),
                lines.get(0));
    }

    @Test
    void aLineOverAMebicharacterIsRefusedBeforeAnyParserSeesIt() {
        String atLimit = "codes:\n  - code: \"A1\"\n    display: " + "x".repeat(YamlParser.MAX_LINE - 13) + "\n";
        assertTrue(YamlParser.parse(atLimit).ok(), "a line of exactly the limit is read");
        // a tab makes the fast reader give up: this is the slow path that took minutes on such lines
        String over = "codes:\n  - code: \"A1\"\n    display: " + "x".repeat(YamlParser.MAX_LINE) + "\t\n";
        YamlDocument doc = YamlParser.parse(over);
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        assertEquals(3, doc.problems().get(0).line());
        assertEquals(YamlParser.MAX_LINE + 1, doc.problems().get(0).column());
        assertTrue(doc.problems().get(0).message().startsWith("line 3 is 1,048,590 characters long, over the limit of 1,048,576"),
                doc.problems().get(0).message());
    }

    @Test
    void malformedYamlPointsAtTheProblem() throws Exception {
        TestRepo repo = new TestRepo(dir).codeset("x").file("codesets/x/codes.yaml",
                "codes:\n  - code: \"A1\"\n    display: [unclosed\n    status: active\n");
        List<Finding> f = repo.validate();
        assertEquals(1, f.size(), f.toString());
        assertEquals("yaml-syntax", f.get(0).rule());
        assertEquals(4, f.get(0).line(), f.get(0).toString());
    }

    @Test
    void tabsAndSecondDocumentsAreSyntaxErrors() {
        assertEquals(2, YamlParser.parse("codes:\n\t- code: A\n").problems().get(0).line());
        YamlDocument two = YamlParser.parse("codes: []\n---\ncodes: []\n");
        assertTrue(two.problems().get(0).message().contains("one YAML document"), two.problems().toString());
        assertEquals(2, two.problems().get(0).line());
    }

    @Test
    void scalarsKeepStyleAndSpan() {
        YamlDocument doc = YamlParser.parse("code: \"01996\"\nplain: 01996\n");
        YMap root = (YMap) doc.root();
        assertEquals("01996", root.text("code"));
        assertEquals("01996", root.text("plain"));
        assertTrue(root.scalar("plain").looksNumeric());
        assertEquals(1, root.scalar("code").line());
        assertEquals(7, root.scalar("code").column());
        assertEquals(14, root.scalar("code").endColumn());
    }
}

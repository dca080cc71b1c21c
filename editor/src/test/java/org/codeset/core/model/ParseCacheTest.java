package org.codeset.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.yaml.YMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache gives the same model and findings as parsing, and never a stale one. */
class ParseCacheTest {
    @TempDir
    Path dir;

    private static final String CODES = """
            # a comment
            codes:
              - code: "01996"
                display: Daily hospital management of epidural drug administration
                status: active
                effective: 2026-01-01
                synonyms: ['a', "b"]
                properties:
                  views: 2
              - code: 'Y'
                display: Yes
                status: current
                effective: 2026-01-01
                relations:
                  - type: see-also
                    target: "01996"
            """;

    private void age(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private List<String> findings(boolean cached) throws Exception {
        Codesets cs = cached ? Codesets.openCached(dir) : Codesets.open(dir);
        return cs.validate().call().findings().stream().map(Finding::toString).toList();
    }

    @Test
    void cachedRunEqualsParsedRun() throws Exception {
        new TestRepo(dir).codeset("a", "properties:", "  - id: views", "    type: integer")
                .file("codesets/a/codes.yaml", CODES);
        age(dir.resolve("codesets/a/codes.yaml"));
        age(dir.resolve("codesets/a/codeset.yaml"));
        List<String> parsed = findings(false);
        assertEquals(1, parsed.size(), parsed.toString()); // the schema error on 'current'
        assertEquals(parsed, findings(true)); // fills the cache
        try (Stream<Path> s = Files.list(dir.resolve(".codeset/cache"))) {
            assertEquals(2, s.count());
        }
        assertEquals(parsed, findings(true)); // reads the cache
        YMap entry = Workspace.openCached(dir).model().codeSet("a").codeFiles().get(0).codeNodes().get(0);
        assertEquals("01996", entry.text("code"));
        assertEquals(3, entry.scalar("code").line());
        assertEquals(11, entry.scalar("code").column());
        assertEquals(3, entry.key("code").line());
    }

    @Test
    void changedFileIsParsedAgain() throws Exception {
        Path file = dir.resolve("codesets/a/codes.yaml");
        new TestRepo(dir).codeset("a", "properties:", "  - id: views", "    type: integer").file("codesets/a/codes.yaml", CODES);
        age(file);
        List<String> before = findings(true);
        Files.writeString(file, CODES.replace("status: current", "status: active"));
        age(file); // even with an old timestamp, the size differs
        List<String> after = findings(true);
        assertNotEquals(before, after);
        assertEquals(List.of(), after);
    }

    @Test
    void aChangeWithinOneTimestampTickIsCaughtByChecksum() throws Exception {
        Path file = dir.resolve("codesets/a/codes.yaml");
        new TestRepo(dir).codeset("a").file("codesets/a/codes.yaml",
                "codes:\n  - code: \"A1\"\n    display: One\n    status: active\n    effective: 2026-01-01\n");
        FileTime tick = Files.getLastModifiedTime(file);
        assertEquals("A1", Workspace.openCached(dir).model().codeSet("a").entries().get(0).code());
        // same size, same timestamp, other bytes: only the checksum can tell
        Files.writeString(file, "codes:\n  - code: \"A2\"\n    display: One\n    status: active\n    effective: 2026-01-01\n");
        Files.setLastModifiedTime(file, tick);
        assertEquals("A2", Workspace.openCached(dir).model().codeSet("a").entries().get(0).code());
    }

    @Test
    void damagedEntryIsIgnored() throws Exception {
        new TestRepo(dir).codeset("a", "properties:", "  - id: views", "    type: integer").file("codesets/a/codes.yaml", CODES);
        age(dir.resolve("codesets/a/codes.yaml"));
        age(dir.resolve("codesets/a/codeset.yaml"));
        List<String> expected = findings(true);
        try (Stream<Path> s = Files.list(dir.resolve(".codeset/cache"))) {
            for (Path p : s.toList()) {
                byte[] b = Files.readAllBytes(p);
                Files.write(p, java.util.Arrays.copyOf(b, b.length / 2));
            }
        }
        assertEquals(expected, findings(true));
    }
}

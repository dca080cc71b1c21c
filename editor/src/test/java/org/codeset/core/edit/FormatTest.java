package org.codeset.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fmt: codes quoted, keys in canonical order, comments kept, and nothing else touched. */
class FormatTest {
    @TempDir
    Path dir;

    @Test
    void quotesCodesAndOrdersKeysLeavingCommentsAndOtherLines() throws Exception {
        new TestRepo(dir).codeset("r", "properties:", "  - id: mod", "    type: code").file("codesets/r/codes.yaml", """
                # top comment
                codes:
                  - code: 01996
                    status: active
                    display: Epidural management   # trailing comment stays with its line
                    effective: 2026-01-01
                    parent: '01990'
                    relations:
                      - type: see-also
                        target: 01990

                  - code: "01990"
                    # a comment inside: this entry keeps its key order
                    status: active
                    display: Anesthesia group
                    effective: 2026-01-01
                    abstract: true
                    properties:
                      mod: 01996
                """);
        Path file = dir.resolve("codesets/r/codes.yaml");
        EditResult check = Codesets.open(dir).format().dryRun(true).call();
        assertEquals(List.of("codesets/r/codes.yaml"), check.files());
        EditResult r = Codesets.open(dir).format().call();
        assertEquals(List.of("codesets/r/codes.yaml:12: code 01990 keeps its key order: it has comments among its fields"),
                r.notes());
        assertEquals("""
                # top comment
                codes:
                  - code: "01996"
                    display: Epidural management   # trailing comment stays with its line
                    status: active
                    effective: 2026-01-01
                    parent: "01990"
                    relations:
                      - type: see-also
                        target: "01990"

                  - code: "01990"
                    # a comment inside: this entry keeps its key order
                    status: active
                    display: Anesthesia group
                    effective: 2026-01-01
                    abstract: true
                    properties:
                      mod: "01996"
                """, Files.readString(file));
        assertEquals(List.of(), Codesets.open(dir).format().dryRun(true).call().files(), "a second run changes nothing");
    }
}

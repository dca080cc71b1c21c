package org.codeset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.model.SourceFile;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a one-file change only that file is parsed again; the findings follow the change. */
class IncrementalTest {
    @Test
    void reloadingOneFileKeepsTheOthersAndRevalidates(@TempDir Path dir) throws Exception {
        new TestRepo(dir).codeset("a").codeset("b")
                .file("codesets/a/codes.yaml", "codes:\n  - code: \"1\"\n    display: One\n    status: active\n    effective: 2026-01-01\n")
                .file("codesets/b/codes.yaml", "codes:\n  - code: \"2\"\n    display: Two\n    status: active\n    effective: 2026-01-01\n"
                        + "    mappings:\n      - target: a:1\n        relationship: equivalent\n");
        Workspace cs = Workspace.open(dir);
        assertEquals(List.of(), Codesets.on(cs).validate().call().findings());
        SourceFile bFile = cs.model().codeSet("b").codeFiles().get(0);

        cs.reload("codesets/a/codes.yaml",
                "codes:\n  - code: \"1\"\n    display: One\n    status: retired\n    effective: 2026-01-01\n    retired: 2026-06-01\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertSame(bFile, cs.model().codeSet("b").codeFiles().get(0), "the unchanged file is not parsed again");
        List<String> after = Codesets.on(cs).validate().call().findings().stream().map(Finding::toString).toList();
        assertEquals(List.of(
                "codesets/a/codes.yaml:4:13: warning [retired-without-replacement] retired code \"1\" has no replaced-by",
                "codesets/b/codes.yaml:7:17: warning [reference-to-retired] active code \"2\" refers (mapping) to \"a:1\", which is retired"),
                after);
    }
}

package org.codeset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.finding.Finding;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings reused from earlier states (file-scoped rules with recorded look-ups) must equal the
 * findings of a fresh load, after each of a series of changes that reach across files and code
 * sets: a removed code others refer to, a duplicate in another file, a cycle through two files,
 * a retirement, a display clash, a code set's property declaration.
 */
class IncrementalEquivalenceTest {
    @TempDir
    Path dir;

    private Workspace live;

    private void change(String rel, String from, String to) throws Exception {
        Path p = dir.resolve(rel);
        String text = Files.readString(p);
        assertTrue(text.contains(from), rel + " lacks: " + from);
        String changed = text.replace(from, to);
        Files.writeString(p, changed);
        live.reload(rel, changed.getBytes(StandardCharsets.UTF_8));
        List<String> incremental = lines(Codesets.on(live).validate().call().findings());
        List<String> fresh = lines(Codesets.open(dir).validate().call().findings());
        assertEquals(fresh, incremental, "after changing " + rel + ": " + from + " -> " + to);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f + " " + f.related()).toList();
    }

    @Test
    void incrementalFindingsEqualAFreshLoad() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(project.resolve("codesets"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(project.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        live = Workspace.open(dir);
        assertEquals(List.of(), Codesets.on(live).validate().call().findings());
        // a code others refer to disappears (from another file and another code set)
        change("codesets/radiology/spine.yaml", "code: \"72052\"", "code: \"72053\"");
        // it comes back
        change("codesets/radiology/spine.yaml", "code: \"72053\"", "code: \"72052\"");
        // a duplicate of a code defined in another file
        change("codesets/radiology/chest.yaml", "code: \"71048\"", "code: \"72040\"");
        // lines move above the other copy: the related location of the finding in chest.yaml follows
        change("codesets/radiology/spine.yaml", "codes:\n", "codes:\n# a new comment line\n# and another\n");
        change("codesets/radiology/chest.yaml", "code: \"72040\"", "code: \"71048\"");
        // a cycle through two files: a section grouper gets a spine code as parent
        change("codesets/radiology/sections.yaml", "parent: \"70010-76499\"\n", "parent: \"72040\"\n");
        change("codesets/radiology/sections.yaml", "parent: \"72040\"\n", "parent: \"70010-76499\"\n");
        // a retirement that others see (reference-to-retired across code sets)
        change("codesets/icd10cm/musculoskeletal.yaml", "display: Cervicalgia\n",
                "display: Cervicalgia\n    retired: 2030-01-01\n");
        change("codesets/icd10cm/musculoskeletal.yaml", "retired: 2030-01-01\n    ", "");
        // a display clash across files
        change("codesets/radiology/chest.yaml", "display: X-ray of chest, 1 view",
                "display: X-ray of cervical spine, 2 or 3 views");
        // the code set's declarations change: every file's property checks change
        change("codesets/radiology/codeset.yaml", "  - id: views\n    type: integer", "  - id: views\n    type: boolean");
        change("codesets/radiology/codeset.yaml", "  - id: views\n    type: boolean", "  - id: views\n    type: integer");
        // a mutually-exclusive partner loses its back link
        change("codesets/modifiers/modifiers.yaml", "target: \"TC\"", "target: \"LT\"");
    }
}

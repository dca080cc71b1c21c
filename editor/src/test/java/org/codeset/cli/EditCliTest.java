package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editing walkthrough of docs/editing.md, run: init, new, add, show, search, retire, validate, fmt, with exit codes. */
class EditCliTest {
    @TempDir
    Path dir;

    private Cli run(String... args) {
        return Cli.in(dir, args);
    }


    @Test
    void walkthrough() throws Exception {
        Cli init = Cli.run("init", dir.toString());
        assertEquals(0, init.exit(), init.err());
        assertTrue(Files.isDirectory(dir.resolve(".git")) && Files.isRegularFile(dir.resolve("schema/codes.schema.json")));
        assertEquals(1, Cli.run("init", dir.toString()).exit(), "a second init is refused");

        assertEquals(0, run("new", "rad", "--title", "Radiology procedures", "--system", "https://codes.example.org/rad",
                "--pattern", "^([0-9]{5}|[0-9]{5}-[0-9]{5})$").exit());
        assertEquals(0, run("add", "rad", "72020-72295", "--display", "Spine and pelvis", "--abstract",
                "--effective", "2000-01-01").exit());
        Cli add = run("add", "rad", "72040", "--display", "X-ray of cervical spine, 2 or 3 views", "--parent",
                "72020-72295", "--effective", "2000-01-01", "--synonym", "C-spine X-ray, 2-3 views");
        assertEquals(0, add.exit(), add.err());
        assertEquals("add rad:72040 to codesets/rad/codes.yaml\n  wrote codesets/rad/codes.yaml\n", add.out());
        assertEquals(0, run("add", "rad", "72050", "--display", "X-ray of cervical spine, 4 or 5 views", "--parent",
                "72020-72295", "--effective", "2000-01-01", "--relation", "see-also=72040").exit());

        Cli refused = run("add", "rad", "7205O", "--display", "Typo", "--effective", "2000-01-01");
        assertEquals(1, refused.exit());
        assertTrue(refused.out().startsWith("codesets/rad/codes.yaml:"), refused.out());
        assertTrue(refused.out().contains("[code-pattern]"), refused.out());
        assertTrue(refused.err().contains("nothing was written"), refused.err());

        Cli show = run("show", "rad", "72040");
        assertEquals(0, show.exit());
        assertTrue(show.out().contains("parent:   72020-72295  Spine and pelvis"), show.out());
        assertTrue(show.out().contains("used by:  rad:72050 (see-also) at codesets/rad/codes.yaml:"), show.out());
        Cli json = run("show", "rad", "72040", "--format", "json");
        assertTrue(json.out().contains("\"code\" : \"72040\""), json.out());

        Cli search = run("search", "cervical 4");
        assertEquals("rad:72050  X-ray of cervical spine, 4 or 5 views\n", search.out());

        Cli retire = run("retire", "rad", "72050", "--replaced-by", "72040", "--date", "2027-01-01");
        assertEquals(0, retire.exit(), retire.err());
        Cli validate = run("validate");
        assertEquals(0, validate.exit(), validate.out());
        assertEquals(0, run("fmt", "--check").exit());

        Cli missing = run("set", "rad", "99999", "--display", "x");
        assertEquals(2, missing.exit());
        assertEquals("codeset: no code \"99999\" in code set rad\n", missing.err());
        Cli badDate = run("add", "rad", "72052", "--display", "x", "--effective", "2027-02-30");
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().contains("is not a date; write YYYY-MM-DD"), badDate.err());
        Cli badPair = run("add", "rad", "72052", "--display", "x", "--property", "views");
        assertEquals(2, badPair.exit());
        assertTrue(badPair.err().contains("write NAME=VALUE"), badPair.err());
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Cli.run("init", dir.toString());
        run("new", "rad", "--title", "R", "--system", "https://x.example/r");
        byte[] before = Files.readAllBytes(dir.resolve("codesets/rad/codes.yaml"));
        Cli r = run("add", "rad", "72040", "--display", "X", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("would add rad:72040"), r.out());
        assertEquals(new String(before), Files.readString(dir.resolve("codesets/rad/codes.yaml")));
    }

    @Test
    void fmtCheckListsFilesAndExitsOne() throws Exception {
        Cli.run("init", dir.toString());
        run("new", "rad", "--title", "R", "--system", "https://x.example/r");
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"),
                "codes:\n  - code: 72040\n    display: X\n    status: active\n    effective: 2026-01-01\n");
        Cli check = run("fmt", "--check");
        assertEquals(1, check.exit());
        assertEquals("codesets/rad/codes.yaml\n", check.out());
        assertEquals(0, run("fmt").exit());
        assertEquals(0, run("fmt", "--check").exit());
        assertTrue(Files.readString(dir.resolve("codesets/rad/codes.yaml")).contains("code: \"72040\""));
    }
}

package org.codeset.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.finding.Finding;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every edit as before/after text of a file with comments, blank lines and unusual quoting:
 * only the touched entry's lines change, every other byte stays.
 */
class EditCommandsTest {
    static final String CODESET = """
            id: rad
            title: Radiology
            system: https://codes.example.org/rad
            version: 1.0.0
            status: active
            codePattern: '^[0-9]{5}$'
            properties:
              - id: views
                type: integer
              - id: modality
                type: code
                from: mods
                multiple: true
            """;

    static final String SPINE = """
            # Spine X-rays. Keep this comment.
            codes:
              # the single-view code
              - code: '72020'
                display: "X-ray of spine, single view"   # quoted on purpose
                status: active
                effective: 2000-01-01

              - code: 72040
                display: X-ray of cervical spine, 2 or 3 views
                status: active
                effective: 2000-01-01
                properties:
                  views: 2
                  modality: ["DX"]

              - code: "72052"
                display: X-ray of cervical spine, 6 or more views
                status: active
                effective: 2000-01-01
            """;

    @TempDir
    Path dir;
    Codesets codesets;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir).file("codesets/rad/codeset.yaml", CODESET).file("codesets/rad/spine.yaml", SPINE)
                .codeset("mods").file("codesets/mods/codes.yaml", """
                        codes:
                          - code: DX
                            display: Digital radiography
                            status: active
                            effective: 2000-01-01
                          - code: CR
                            display: Computed radiography
                            status: active
                            effective: 2000-01-01
                        """);
        codesets = Codesets.open(dir);
    }

    private String spine() throws Exception {
        return Files.readString(dir.resolve("codesets/rad/spine.yaml"));
    }

    @Test
    void addGoesToItsPlaceInCodeOrderWithTheFilesSpacing() throws Exception {
        EditResult r = codesets.add().codeset("rad").code("72050").display("X-ray of cervical spine, 4 or 5 views")
                .property("views", "4").property("modality", "DX").relation("see-also", "72040")
                .mapping("http://snomed.info/sct", "000000", "related-to").today(TODAY).call();
        assertEquals(List.of("codesets/rad/spine.yaml"), r.files());
        assertEquals(SPINE.replace("""
                  - code: "72052"
                """, """
                  - code: "72050"
                    display: X-ray of cervical spine, 4 or 5 views
                    status: active
                    effective: 2026-11-27
                    properties:
                      views: 4
                      modality: ["DX"]
                    relations:
                      - type: see-also
                        target: "72040"
                    mappings:
                      - system: http://snomed.info/sct
                        code: "000000"
                        relationship: related-to

                  - code: "72052"
                """), spine());
    }

    @Test
    void addAtTheEndAndIntoANewFile() throws Exception {
        codesets.add().codeset("rad").code("72100").display("X-ray of lumbosacral spine").effective("2026-01-01").call();
        assertTrue(spine().endsWith("""
                    effective: 2000-01-01

                  - code: "72100"
                    display: X-ray of lumbosacral spine
                    status: active
                    effective: 2026-01-01
                """), spine());
        codesets.add().codeset("rad").code("71045").display("Chest X-ray, single view").effective("2026-01-01")
                .file("chest.yaml").call();
        assertEquals("""
                codes:
                  - code: "71045"
                    display: Chest X-ray, single view
                    status: active
                    effective: 2026-01-01
                """, Files.readString(dir.resolve("codesets/rad/chest.yaml")));
    }

    @Test
    void writtenFilesKeepTheirPermissionsAndNewOnesAreNotOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        Path spine = dir.resolve("codesets/rad/spine.yaml");
        Files.setPosixFilePermissions(spine, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        codesets.set().codeset("rad").code("72020").display("X-ray of spine, one view").call();
        assertTrue(spine().contains("X-ray of spine, one view"));
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(spine)));
        // a new file: what the umask gives any new file here, which a temporary file's owner-only rw------- is not
        Path probe = Files.createFile(dir.resolve("probe"));
        codesets.add().codeset("rad").code("71045").display("Chest X-ray, single view").file("chest.yaml").call();
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve("codesets/rad/chest.yaml")));
        assertTrue(Files.getPosixFilePermissions(dir.resolve("codesets/rad/chest.yaml"))
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
    }

    @Test
    void setChangesOnlyTheFieldsLines() throws Exception {
        codesets.set().codeset("rad").code("72020").display("X-ray of spine: one view").note("see #12").call();
        assertEquals(SPINE.replace("""
                    display: "X-ray of spine, single view"   # quoted on purpose
                    status: active
                    effective: 2000-01-01

                """, """
                    display: "X-ray of spine: one view"   # quoted on purpose
                    status: active
                    effective: 2000-01-01
                    note: "see #12"

                """), spine());
    }

    @Test
    void setAndUnsetProperties() throws Exception {
        codesets.set().codeset("rad").code("72040").property("modality", "DX").property("modality", "CR")
                .unset("properties.views").call();
        assertEquals(SPINE.replace("""
                      views: 2
                      modality: ["DX"]
                """, """
                      modality: ["DX", "CR"]
                """), spine());
        codesets.set().codeset("rad").code("72040").unset("properties.modality").call();
        assertEquals(SPINE.replace("""
                    properties:
                      views: 2
                      modality: ["DX"]
                """, ""), spine());
        codesets.set().codeset("rad").code("72052").property("views", "6").call();
        assertTrue(spine().endsWith("""
                    effective: 2000-01-01
                    properties:
                      views: 6
                """), spine());
    }

    @Test
    void relateWritesBothSidesOfMutuallyExclusiveAndUnrelateRemovesThem() throws Exception {
        codesets.relate().codeset("rad").code("72040").type("mutually-exclusive").target("72052").call();
        String related = spine();
        assertEquals(SPINE.replace("""
                      modality: ["DX"]
                """, """
                      modality: ["DX"]
                    relations:
                      - type: mutually-exclusive
                        target: "72052"
                """).replace("""
                    display: X-ray of cervical spine, 6 or more views
                    status: active
                    effective: 2000-01-01
                """, """
                    display: X-ray of cervical spine, 6 or more views
                    status: active
                    effective: 2000-01-01
                    relations:
                      - type: mutually-exclusive
                        target: "72040"
                """), related);
        assertEquals("relate rad:72040 mutually-exclusive 72052 (already so)",
                Codesets.open(dir).relate().codeset("rad").code("72040").type("mutually-exclusive").target("72052").call()
                        .summary());
        Codesets.open(dir).unrelate().codeset("rad").code("72052").type("mutually-exclusive").target("72040").call();
        assertEquals(SPINE, spine());
    }

    @Test
    void retireKeepsTheEntryAndListsWhereUsed() throws Exception {
        codesets.relate().codeset("rad").code("72040").type("see-also").target("72052").call();
        EditResult r = codesets.retire().codeset("rad").code("72052").replacedBy("72040").date("2027-01-01").call();
        assertTrue(spine().endsWith("""
                  - code: "72052"
                    display: X-ray of cervical spine, 6 or more views
                    status: retired
                    effective: 2000-01-01
                    retired: 2027-01-01
                    relations:
                      - type: replaced-by
                        target: "72040"
                """), spine());
        assertEquals(List.of("codesets/rad/spine.yaml:18: rad:72040 (see-also) refers to rad:72052"), r.notes());
        assertEquals(List.of("reference-to-retired"), r.newWarnings().stream().map(Finding::rule).toList());
    }

    @Test
    void deprecateSetsTheStatusOnly() throws Exception {
        codesets.deprecate().codeset("rad").code("72052").call();
        assertEquals(SPINE.replace("""
                    display: X-ray of cervical spine, 6 or more views
                    status: active
                """, """
                    display: X-ray of cervical spine, 6 or more views
                    status: deprecated
                """), spine());
    }

    @Test
    void anEditThatChangesNothingSaysSo() throws Exception {
        codesets.deprecate().codeset("rad").code("72052").call();
        String before = spine();
        EditResult again = codesets.deprecate().codeset("rad").code("72052").call();
        assertEquals("nothing to change: rad:72052 is already deprecated", again.summary());
        assertEquals(List.of(), again.files());
        EditResult same = codesets.set().codeset("rad").code("72052").display("X-ray of cervical spine, 6 or more views")
                .call();
        assertEquals("nothing to change: rad:72052 already has these values", same.summary());
        assertEquals(List.of(), same.files());
        assertEquals(before, spine());
        EditResult changed = codesets.set().codeset("rad").code("72052").display("X-ray of cervical spine, six views").call();
        assertEquals("set display of rad:72052", changed.summary());
    }

    @Test
    void removeTakesTheEntryWithItsCommentAndOneSeparator() throws Exception {
        codesets.remove().codeset("rad").code("72020").call();
        assertEquals(SPINE.replace("""
                  # the single-view code
                  - code: '72020'
                    display: "X-ray of spine, single view"   # quoted on purpose
                    status: active
                    effective: 2000-01-01

                """, ""), spine());
        Codesets.open(dir).remove().codeset("rad").code("72052").call();
        assertTrue(spine().endsWith("""
                      modality: ["DX"]
                """), spine());
    }

    @Test
    void refusedEditsLeaveEveryFileAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("codesets/rad/spine.yaml"));
        EditRefusedException dup = assertThrows(EditRefusedException.class,
                () -> codesets.add().codeset("rad").code("72040").display("Again").effective("2026-01-01").call());
        assertEquals(List.of("duplicate-code", "duplicate-code"), dup.findings().stream().map(Finding::rule).toList());
        EditRefusedException pattern = assertThrows(EditRefusedException.class,
                () -> codesets.add().codeset("rad").code("7204").display("Short").effective("2026-01-01").call());
        assertEquals("code-pattern", pattern.findings().get(0).rule());
        EditRefusedException dangling = assertThrows(EditRefusedException.class,
                () -> codesets.relate().codeset("rad").code("72040").type("see-also").target("99999").call());
        assertEquals("unresolved-reference", dangling.findings().get(0).rule());
        EditRefusedException used = assertThrows(EditRefusedException.class,
                () -> codesets.remove().codeset("mods").code("DX").call());
        assertEquals("codesets/rad/spine.yaml:15:18: error [unresolved-reference] property modality of code \"72040\":"
                + " \"DX\" is not a code of mods", used.findings().get(0).toString());
        assertThrows(NotFoundException.class, () -> codesets.set().codeset("rad").code("11111").display("x").call());
        assertThrows(InvalidArgumentException.class,
                () -> codesets.add().codeset("rad").code("72099").display("x").effective("2026-13-01").call());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("codesets/rad/spine.yaml")));
    }

    @Test
    void undoRestoresTheExactPreviousBytes() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("codesets/rad/spine.yaml"));
        EditResult r = codesets.retire().codeset("rad").code("72052").replacedBy("72040").date("2027-01-01").call();
        r.undo().undo();
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("codesets/rad/spine.yaml")));
        EditResult created = Codesets.open(dir).add().codeset("rad").code("71045").display("Chest").effective("2026-01-01")
                .file("chest.yaml").call();
        created.undo().undo();
        assertTrue(Files.notExists(dir.resolve("codesets/rad/chest.yaml")));
    }

    @Test
    void crlfFilesStayCrlf() throws Exception {
        Files.writeString(dir.resolve("codesets/rad/spine.yaml"), SPINE.replace("\n", "\r\n"));
        Codesets.open(dir).set().codeset("rad").code("72052").display("Six views").call();
        assertEquals(SPINE.replace("X-ray of cervical spine, 6 or more views", "Six views").replace("\n", "\r\n"), spine());
    }

    @Test
    void newCodeSetAndEditsAreValidated() throws Exception {
        codesets.newCodeSet().id("dx").title("Diagnoses").system("http://hl7.org/fhir/sid/icd-10-cm")
                .pattern("^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$").call();
        assertEquals("""
                id: dx
                title: Diagnoses
                system: http://hl7.org/fhir/sid/icd-10-cm
                version: 0.1.0
                status: draft
                codePattern: "^[A-Z][0-9]{2}(\\\\.[0-9A-Z]{1,4})?$"
                """, Files.readString(dir.resolve("codesets/dx/codeset.yaml")));
        Codesets again = Codesets.open(dir);
        again.add().codeset("dx").code("M54").display("Dorsalgia").abstractCode(true).effective("2015-10-01").call();
        again.add().codeset("dx").code("M54.2").display("Cervicalgia").parent("M54").effective("2015-10-01").call();
        assertEquals("""
                codes:
                  - code: "M54"
                    display: Dorsalgia
                    status: active
                    effective: 2015-10-01
                    abstract: true
                  - code: "M54.2"
                    display: Cervicalgia
                    status: active
                    effective: 2015-10-01
                    parent: "M54"
                """, Files.readString(dir.resolve("codesets/dx/codes.yaml")));
        assertEquals(List.of(), Codesets.open(dir).validate().call().findings());
        assertThrows(EditRefusedException.class, () -> Codesets.open(dir).newCodeSet().id("dx").title("x").system("y").call());
    }

    @Test
    void codesKeepTheirExactText() throws Exception {
        codesets.newCodeSet().id("anes").title("Anesthesia").system("https://codes.example.org/anes").call();
        Codesets c = Codesets.open(dir);
        c.add().codeset("anes").code("01996").display("Daily management of epidural").effective("2026-01-01").call();
        c.add().codeset("anes").code("Y").display("Yes").effective("2026-01-01").call();
        c.add().codeset("anes").code("1e3").display("Not a number").effective("2026-01-01").call();
        String text = Files.readString(dir.resolve("codesets/anes/codes.yaml"));
        assertTrue(text.contains("- code: \"01996\"") && text.contains("- code: \"Y\"") && text.contains("- code: \"1e3\""), text);
        assertEquals(List.of("01996", "1e3", "Y"),
                Workspace.open(dir).model().codeSet("anes").entries().stream().map(e -> e.code()).toList());
    }
}

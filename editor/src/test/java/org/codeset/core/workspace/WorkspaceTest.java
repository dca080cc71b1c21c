package org.codeset.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.RepositoryNotFoundException;
import org.codeset.core.model.CodeSetRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace under every front end: read on first use, and an edit plans against the files as
 * they are when it runs (another process may have changed them since), under the lock.
 */
class WorkspaceTest {
    static final String CODE = "  - code: \"%s\"\n    display: %s\n    status: active\n    effective: 2026-01-01\n";

    @TempDir
    Path dir;

    private TestRepo repo() throws Exception {
        return new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml", "codes:\n" + CODE.formatted("72040", "Neck X-ray"));
    }

    @Test
    void theModelIsReadOnFirstUseAndANonRepositoryIsRefusedAtOnce() throws Exception {
        repo();
        Workspace w = Workspace.open(dir);
        assertNull(w.modelIfLoaded(), "opening reads nothing");
        assertTrue(w.model().codeSet("rad").contains("72040"));
        assertSame(w.model(), w.modelIfLoaded());

        RepositoryNotFoundException e = assertThrows(RepositoryNotFoundException.class,
                () -> Workspace.open(dir.resolve("codesets")));
        assertTrue(e.getMessage().contains("is not a code-set repository"), e.getMessage());
    }

    @Test
    void anEditPlansAgainstTheFilesAsTheyAreNotAsTheyWereLoaded() throws Exception {
        repo();
        Workspace w = Workspace.openCached(dir);
        assertTrue(w.model().codeSet("rad").contains("72040"));
        // another process (or an editor) adds a code after the workspace was loaded
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"),
                "codes:\n" + CODE.formatted("72040", "Neck X-ray") + CODE.formatted("72050", "Neck X-ray, 4 views"));

        Codesets.on(w).set().codeset("rad").code("72050").display("X-ray of cervical spine, 4 or 5 views").call();

        String now = Files.readString(dir.resolve("codesets/rad/codes.yaml"));
        assertTrue(now.contains("code: \"72040\""), "the other process's change is kept:\n" + now);
        assertTrue(now.contains("display: X-ray of cervical spine, 4 or 5 views"), now);
        assertEquals("X-ray of cervical spine, 4 or 5 views", w.model().codeSet("rad").get("72050").display());
    }

    @Test
    void refreshReadsOnlyWhatChangedAndSeesCodeSetsComeAndGo() throws Exception {
        repo().codeset("dx").file("codesets/dx/codes.yaml", "codes:\n" + CODE.formatted("M54.2", "Cervicalgia"));
        Workspace w = Workspace.open(dir);
        CodeSetRepository before = w.model();
        assertSame(before, w.refresh(), "nothing changed on disk: the same model");

        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + CODE.formatted("72040", "X-ray of cervical spine"));
        CodeSetRepository after = w.refresh();
        assertEquals("X-ray of cervical spine", after.codeSet("rad").get("72040").display());
        assertSame(before.codeSet("dx").codeFiles().get(0), after.codeSet("dx").codeFiles().get(0),
                "an unchanged file is not parsed again");

        new TestRepo(dir).codeset("mod").file("codesets/mod/codes.yaml", "codes:\n" + CODE.formatted("26", "Professional component"));
        assertNotNull(w.refresh().codeSet("mod"), "a new code set is seen");
    }

    @Test
    void aFileWhoseStampHasNotMovedIsNotReadAgainAndAChangedOneIsEvenWithItsTimePutBack() throws Exception {
        repo().codeset("dx").file("codesets/dx/codes.yaml", "codes:\n" + CODE.formatted("M54.2", "Cervicalgia"));
        Workspace w = Workspace.open(dir).racyMillis(0);
        w.model();
        Thread.sleep(20); // every file older than the first comparison
        w.refresh();
        assertEquals(4, w.filesReadByLastRefresh(), "the first refresh compares every file");
        w.refresh();
        assertEquals(0, w.filesReadByLastRefresh(), "nothing moved: judged by the stamps");

        Path file = dir.resolve("codesets/rad/codes.yaml");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace("Neck X-ray", "Neck x-RAY")); // same size
        Files.setLastModifiedTime(file, time); // as touch -r or cp -p would put it back
        assertEquals("Neck x-RAY", w.refresh().codeSet("rad").get("72040").display(), "the change time moved");
        assertEquals(1, w.filesReadByLastRefresh());
    }

    @Test
    void aStampVouchesOnlyForTheParseItWasComparedWith() throws Exception {
        repo();
        Workspace w = Workspace.open(dir).racyMillis(0);
        w.model();
        Thread.sleep(20);
        w.refresh();
        // an editor's unsaved text replaces the file's parse; the file on disk is as it was
        w.reload("codesets/rad/codes.yaml", ("codes:\n" + CODE.formatted("72040", "Unsaved text")).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("Neck X-ray", w.refresh().codeSet("rad").get("72040").display(), "refresh gives the file as on disk");
    }

    @Test
    void aSameSizeEditWithItsTimePutBackIsSeen() throws Exception {
        repo();
        Path file = dir.resolve("codesets/rad/codes.yaml");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(file, old);
        Workspace w = Workspace.open(dir);
        w.model();
        w.refresh(); // compares every file once and remembers its size and times
        // the same size, the modification time put back as touch -r or cp -p would
        Files.writeString(file, Files.readString(file).replace("Neck X-ray", "Neck x-RAY"));
        Files.setLastModifiedTime(file, old);
        assertEquals("Neck x-RAY", w.refresh().codeSet("rad").get("72040").display());
    }

    @Test
    void aChangeOfTheRepositorysOwnSchemasReadsTheRepositoryAnew() throws Exception {
        repo();
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        Path schemas = Files.createDirectories(dir.resolve("schema"));
        for (String name : new String[] {"codeset.schema.json", "codes.schema.json"}) {
            Files.copy(project.resolve("schema").resolve(name), schemas.resolve(name));
        }
        Workspace w = Workspace.open(dir);
        assertEquals(java.util.List.of(), Codesets.on(w).validate().call().findings());
        Path codes = schemas.resolve("codes.schema.json");
        Files.writeString(codes, Files.readString(codes).replace("\"display\": { \"$ref\": \"#/$defs/oneLine\" },",
                "\"display\": { \"$ref\": \"#/$defs/oneLine\", \"maxLength\": 5 },"));
        CodeSetRepository now = w.refresh();
        assertEquals(1, Codesets.on(w).validate().on(now).call().findings().size(),
                "the display \"Neck X-ray\" is longer than the new schema allows");
    }

    @Test
    void underOneHoldingOfTheLockTheModelIsNotReadAgain() throws Exception {
        repo();
        Workspace w = Workspace.open(dir);
        try (RepositoryLock lock = w.lock()) {
            CodeSetRepository first = w.refresh();
            Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + CODE.formatted("72040", "Changed behind the lock"));
            assertSame(first, w.refresh(), "read under this holding: no other codeset process can have changed it");
        }
        assertEquals("Changed behind the lock", w.refresh().codeSet("rad").get("72040").display(),
                "a new holding compares the files again");
    }

    @Test
    void aCommandRunsOnce() throws Exception {
        repo();
        var set = Codesets.on(Workspace.open(dir)).set().codeset("rad").code("72040").display("X-ray of cervical spine");
        set.call();
        IllegalStateException e = assertThrows(IllegalStateException.class, set::call);
        assertEquals("SetCommand is run once; make a new command", e.getMessage());
    }
}

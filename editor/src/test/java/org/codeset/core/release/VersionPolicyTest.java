package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version a release chooses, from --version or --bump and the change since the latest release
 * tag of a real git repository: dry runs, so each case starts from the same released state.
 */
class VersionPolicyTest {
    @TempDir
    Path dir;
    private Git git;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml",
                "codes:\n" + ReleaseTest.entry("71045", "Chest X-ray, single view"));
        Files.writeString(dir.resolve(".gitignore"), ".codeset/\n");
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        git.commit().setMessage("start").setAuthor(who).setCommitter(who).call();
    }

    private ReleaseCommand release() throws Exception {
        return Codesets.open(dir).release().codeset("rad").author(who).date(LocalDate.of(2026, 11, 27));
    }

    /** The tag a dry run would create. */
    private String next(ReleaseCommand command) throws Exception {
        return command.dryRun(true).call().tag();
    }

    private String refusal(ReleaseCommand command) {
        return assertThrows(EditRefusedException.class, () -> command.dryRun(true).call()).getMessage();
    }

    private void released() throws Exception {
        assertEquals("rad/v1.0.0", release().bump(ReleaseCommand.Bump.AUTO).call().tag());
    }

    private void codes(String codes) throws Exception {
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + codes);
    }

    @Test
    void exactlyOneOfVersionAndBumpIsGiven() throws Exception {
        String expected = "give either --version X.Y.Z or --bump auto|major|minor|patch";
        assertEquals(expected, assertThrows(InvalidArgumentException.class, () -> release().call()).getMessage());
        assertEquals(expected, assertThrows(InvalidArgumentException.class,
                () -> release().version("1.0.0").bump(ReleaseCommand.Bump.AUTO).call()).getMessage());
        assertNull(git.getRepository().exactRef("refs/tags/rad/v1.0.0"));
    }

    @Test
    void aFirstReleaseIsOneZeroZeroWhateverTheBumpOrTheVersionGiven() throws Exception {
        for (ReleaseCommand.Bump bump : ReleaseCommand.Bump.values()) {
            assertEquals("rad/v1.0.0", next(release().bump(bump)), bump.name());
        }
        assertEquals("rad/v0.3.0", next(release().version("v0.3.0")));
        assertEquals("--version 1.x is not a semantic version X.Y.Z",
                assertThrows(InvalidArgumentException.class, () -> release().version("1.x").call()).getMessage());
    }

    @Test
    void aChangedDisplayNeedsAPatchAndAnyGreaterBumpIsAllowed() throws Exception {
        released();
        codes(ReleaseTest.entry("71045", "Chest X-ray, one view"));
        assertEquals("rad/v1.0.1", next(release().bump(ReleaseCommand.Bump.AUTO)));
        assertEquals("rad/v1.0.1", next(release().bump(ReleaseCommand.Bump.PATCH)));
        assertEquals("rad/v1.1.0", next(release().bump(ReleaseCommand.Bump.MINOR)));
        assertEquals("rad/v2.0.0", next(release().bump(ReleaseCommand.Bump.MAJOR)));
        assertEquals("rad/v1.0.1", next(release().version("1.0.1")));
    }

    @Test
    void anAddedCodeNeedsAMinorReleaseAndALowerOneIsRefusedWithTheReason() throws Exception {
        released();
        codes(ReleaseTest.entry("71045", "Chest X-ray, single view") + ReleaseTest.entry("71046", "Chest X-ray, 2 views"));
        assertEquals("rad/v1.1.0", next(release().bump(ReleaseCommand.Bump.AUTO)));
        assertEquals("refused: the changes since 1.0.0 need a minor release (1 added, 0 deprecated), not patch",
                refusal(release().bump(ReleaseCommand.Bump.PATCH)));
        assertEquals("refused: the changes since 1.0.0 need a minor release (1 added, 0 deprecated): 1.1.0 or later",
                refusal(release().version("1.0.5")));
        assertEquals("refused: version 1.0.0 is not greater than the latest release 1.0.0", refusal(release().version("v1.0.0")));
        // an explicit version may skip ahead
        assertEquals("rad/v3.2.0", next(release().version("3.2.0")));
    }

    @Test
    void aRetiredCodeNeedsAMajorRelease() throws Exception {
        released();
        Codesets.open(dir).retire().codeset("rad").code("71045").date("2027-01-01").call();
        assertEquals("rad/v2.0.0", next(release().bump(ReleaseCommand.Bump.AUTO)));
        assertEquals("refused: the changes since 1.0.0 need a major release (1 released code(s) retired), not minor",
                refusal(release().bump(ReleaseCommand.Bump.MINOR)));
    }

    @Test
    void aChangeOfMetadataOnlyNeedsAPatch() throws Exception {
        released();
        Path meta = dir.resolve("codesets/rad/codeset.yaml");
        Files.writeString(meta, Files.readString(meta).replace("title: Test rad", "title: Radiology"));
        assertEquals("rad/v1.0.1", next(release().bump(ReleaseCommand.Bump.AUTO)));
        assertEquals("refused: the changes since 1.0.0 need a patch release (0 changed): 1.0.1 or later",
                refusal(release().version("1.0.1-rc.1")));
    }
}

package org.codeset.core.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.codeset.core.io.AtomicFiles;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a release in progress has done, in {@code .codeset/release-journal.json}: written (synced)
 * before the release touches a file, updated once its commit exists, deleted once its tag does.
 * A release killed between those points leaves the journal, and the next release reads it to
 * finish the tag (the commit exists) or put the files back (it does not): the repository is never
 * left with a release commit and no tag, or a half-written changelog.
 */
record ReleaseJournal(String codeset, String tag, String headBefore, String metaPath, byte[] metaBefore,
        String changelogPath, byte[] changelogBefore, String commit, String message, String tagger, String taggerEmail,
        long taggedAt, int timeZoneMinutes, boolean signed, String signingKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path file(Path root) {
        return root.resolve(".codeset/release-journal.json");
    }

    /** The journal left by an earlier release, or null. */
    static ReleaseJournal read(Path root) throws IOException {
        Path f = file(root);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return JSON.readValue(Files.readAllBytes(f), ReleaseJournal.class);
        } catch (JacksonException e) {
            throw new IOException(f + " cannot be read (" + e.getOriginalMessage() + "); it records a release that was"
                    + " interrupted: check codeset.yaml, CHANGELOG.md and the latest commit, then delete it", e);
        }
    }

    void write(Path root) throws IOException {
        AtomicFiles.write(file(root), JSON.writeValueAsBytes(this));
    }

    ReleaseJournal committed(String commitId) {
        return new ReleaseJournal(codeset, tag, headBefore, metaPath, metaBefore, changelogPath, changelogBefore, commitId,
                message, tagger, taggerEmail, taggedAt, timeZoneMinutes, signed, signingKey);
    }

    static void delete(Path root) throws IOException {
        Files.deleteIfExists(file(root));
    }
}

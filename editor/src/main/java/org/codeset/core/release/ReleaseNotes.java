package org.codeset.core.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.codeset.core.diff.Action;
import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.history.Manifest;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.WorkingBlobs;
import org.codeset.core.model.Layout;
import org.codeset.core.model.SemVer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a release of a code set says about itself: its section of CHANGELOG.md, the message of its
 * tag (a summary of the change, the maintainer's note and the SHA-256 manifest of its files) and
 * the message of its commit.
 */
final class ReleaseNotes {
    private final String codeset;
    private final String note;
    private final LocalDate date;

    /** For code set {@code codeset}, with the maintainer's note (or null) and the date the changelog gives. */
    ReleaseNotes(String codeset, String note, LocalDate date) {
        this.codeset = codeset;
        this.note = note;
        this.date = date;
    }

    /** The release commit's message: its title, then the tag's message. */
    static String commitMessage(String tag, String tagMessage) {
        return "Release " + tag + "\n\n" + tagMessage;
    }

    /** Whether a commit's message is that of a release commit of {@code tag}. */
    static boolean isCommitMessageOf(String fullMessage, String tag) {
        return fullMessage.startsWith("Release " + tag + "\n");
    }

    /** CHANGELOG.md ({@code existing}, or null when there is none) with the section of version {@code v} on top. */
    String changelog(byte[] existing, SemVer v, CodeSetDiff.Result d) {
        StringBuilder section = new StringBuilder();
        section.append("## ").append(v).append(" (").append(date).append(")\n\n");
        if (note != null) {
            section.append(note.strip()).append("\n\n");
        }
        list(section, "Added", d.added());
        list(section, "Changed", d.changed());
        list(section, "Deprecated", d.deprecated());
        list(section, "Retired", d.retired());
        list(section, "Reactivated", d.reactivated());
        if (d.size() == 0) {
            section.append("Metadata only.\n\n");
        }
        String title = "# Changelog of " + codeset + "\n\n";
        String old = existing == null ? "" : new String(existing, StandardCharsets.UTF_8);
        if (old.startsWith(title)) {
            return title + section + old.substring(title.length());
        }
        return title + section + old;
    }

    private static void list(StringBuilder b, String heading, List<CodeSetDiff.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        b.append("### ").append(heading).append("\n\n");
        for (CodeSetDiff.Change c : changes) {
            b.append("- `").append(c.code()).append("` ").append(c.display() == null ? "" : c.display());
            if (!c.fields().isEmpty() && c.action() != Action.A) {
                b.append(" (").append(String.join(", ", c.fields().stream().map(CodeSetDiff.Field::name).toList())).append(")");
            }
            if (c.action() == Action.D && !c.replacedBy().isEmpty()) {
                b.append(" → replaced by `").append(String.join("`, `", c.replacedBy())).append("`");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    /** The tag's message: what changed since {@code previous} (null: nothing released), the note, the manifest. */
    String tagMessage(String tag, SemVer previous, CodeSetDiff.Result d, Map<String, String> manifest) {
        StringBuilder b = new StringBuilder();
        b.append(tag).append(": ").append(d.added().size()).append(" added, ").append(d.changed().size()).append(" changed, ")
                .append(d.deprecated().size()).append(" deprecated, ").append(d.retired().size()).append(" retired, ")
                .append(d.reactivated().size()).append(" reactivated since ").append(previous == null ? "nothing" : previous)
                .append("\n");
        if (note != null) {
            b.append("\n").append(note.strip()).append("\n");
        }
        b.append("\n");
        Manifest.appendTo(b, manifest);
        return b.toString();
    }

    /**
     * The SHA-256 of every file the release commits in the code set's folder (files whose name
     * starts with a dot and ignored files left out), {@code written} being the files the release
     * writes, by path. A file whose git blob is the one the latest release holds keeps that
     * release's SHA-256 (same blob, same bytes); the index gives the blob ids of files as staged,
     * so only new and changed files are read.
     */
    Map<String, String> manifest(Repository repo, Path root, Release latest, Map<String, byte[]> written) throws IOException {
        String folder = Layout.folder(codeset);
        Map<String, ObjectId> now = WorkingBlobs.of(repo, folder);
        Map<String, ObjectId> released = Map.of();
        Map<String, String> releasedSha = Map.of();
        if (latest != null) {
            try (RevWalk walk = new RevWalk(repo)) {
                released = ReleaseHistory.allBlobs(repo, walk.parseCommit(ObjectId.fromString(latest.commit())), codeset);
            }
            releasedSha = Manifest.of(latest.message());
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ObjectId> f : now.entrySet()) {
            String path = f.getKey();
            if (written.containsKey(path) || path.substring(path.lastIndexOf('/') + 1).startsWith(".")) {
                continue;
            }
            String sha = f.getValue().equals(released.get(path)) ? releasedSha.get(path) : null;
            out.put(path, sha != null ? sha : Manifest.sha256(Files.readAllBytes(root.resolve(path))));
        }
        written.forEach((path, bytes) -> out.put(path, Manifest.sha256(bytes)));
        return out;
    }
}

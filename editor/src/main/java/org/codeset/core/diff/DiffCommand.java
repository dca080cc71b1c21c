package org.codeset.core.diff;

import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.SemVer;
import org.codeset.core.model.CodeSet;

/**
 * The semantic change of a code set between two releases, or a release and the working tree:
 * {@code codesets.diff().codeset("radiology").from("1.0.0").to("1.1.0").call()}.
 */
public final class DiffCommand {
    private final java.nio.file.Path root;
    private final Codesets codesets;
    private String codeset;
    private String from;
    private String to;

    public DiffCommand(Codesets codesets) {
        this.codesets = codesets;
        this.root = codesets.root();
    }

    /**
     * A diff of two releases of the repository at {@code root} that loads nothing of the working
     * tree: releases are read from git objects alone (the working tree needs {@link #DiffCommand(Codesets)}).
     */
    public DiffCommand(java.nio.file.Path root) {
        this.codesets = null;
        this.root = root.toAbsolutePath().normalize();
    }

    public DiffCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** The older release's version ({@code 1.0.0}, or {@code latest}). */
    public DiffCommand from(String version) {
        this.from = version;
        return this;
    }

    /** The newer release's version; null (the default): the working tree. */
    public DiffCommand to(String version) {
        this.to = version;
        return this;
    }

    /** The result, with the labels of both sides. */
    public record Outcome(String from, String to, CodeSetDiff.Result diff) {
    }

    public Outcome call() throws CodesetException {
        List<Release> releases = ReleaseHistory.releases(root, codeset);
        Release a = find(releases, from);
        Release b = null;
        CodeSet working = null;
        if (to == null) {
            if (codesets == null) {
                throw new IllegalStateException("a diff with the working tree needs the loaded repository");
            }
            working = codesets.model().codeSet(codeset);
            if (working == null) {
                throw new NotFoundException("no code set '" + codeset + "' in the working tree");
            }
        } else {
            b = find(releases, to);
        }
        // only the files whose content differs are read and compared
        CodeSet[] sides = ReleaseHistory.differingFiles(root, a, b, working);
        return new Outcome(a.tag(), b == null ? "working tree" : b.tag(), CodeSetDiff.between(sides[0], sides[1]));
    }

    private Release find(List<Release> releases, String version) throws NotFoundException {
        if (releases.isEmpty()) {
            throw new NotFoundException("code set " + codeset + " has no releases (no tags " + codeset + "/v<version>)");
        }
        if (version == null || version.equals("latest")) {
            return releases.get(releases.size() - 1);
        }
        SemVer v = SemVer.parse(version.startsWith("v") ? version.substring(1) : version);
        for (Release r : releases) {
            if (r.version().equals(v)) {
                return r;
            }
        }
        throw new NotFoundException("no release " + codeset + "/v" + version + "; releases: "
                + String.join(", ", releases.stream().map(r -> r.version().toString()).toList()));
    }
}

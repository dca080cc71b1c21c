package org.codeset.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.finding.Finding;

/** Builds small repositories in a temp folder for tests. */
public final class TestRepo {
    private final Path root;

    public TestRepo(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("codesets"));
    }

    public Path root() {
        return root;
    }

    /** Writes a code set's codeset.yaml with the usual fields and the extra lines given. */
    public TestRepo codeset(String id, String... extraLines) throws IOException {
        StringBuilder b = new StringBuilder("id: " + id + "\ntitle: Test " + id + "\nsystem: https://codes.example.org/"
                + id + "\nversion: 1.0.0\nstatus: active\n");
        for (String l : extraLines) {
            b.append(l).append('\n');
        }
        return file("codesets/" + id + "/codeset.yaml", b.toString());
    }

    public TestRepo file(String path, String text) throws IOException {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepo bytes(String path, byte[] bytes) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return this;
    }

    /**
     * Makes the folder a git repository on branch main (with {@code .codeset/} ignored) and
     * commits everything in it as {@code who}; returns the commit.
     */
    public org.eclipse.jgit.lib.ObjectId commitAll(org.eclipse.jgit.lib.PersonIdent who) throws Exception {
        Files.writeString(root.resolve(".gitignore"), ".codeset/\n");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(root.toFile())
                .setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage("start").setAuthor(who).setCommitter(who).call().getId();
        }
    }

    public List<Finding> validate() throws Exception {
        return Codesets.open(root).validate().call().findings();
    }

    /** The findings as text lines, for readable assertions. */
    public List<String> lines() throws Exception {
        return validate().stream().map(Finding::toString).toList();
    }
}

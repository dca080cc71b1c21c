package org.codeset.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.codeset.core.errors.RepositoryNotFoundException;

/**
 * Where things are in a code-set repository, in one place: each code set in
 * {@code codesets/<id>/}, described by its {@code codeset.yaml}, its codes in the other
 * {@code *.yaml} files below that folder, its release notes in {@code CHANGELOG.md}, and each
 * release a git tag {@code <id>/v<version>}.
 */
public final class Layout {
    /** The folder that holds the code sets. */
    public static final String CODESETS = "codesets";
    /** A code set's description, at the top of its folder. */
    public static final String CODESET_FILE = "codeset.yaml";
    /** The code file a new code set starts with, and where new codes go by default. */
    public static final String CODES_FILE = "codes.yaml";
    /** A code set's release notes, written by each release. */
    public static final String CHANGELOG = "CHANGELOG.md";

    private Layout() {
    }

    /** {@code codesets/<id>}: a code set's folder, relative to the root. */
    public static String folder(String codeSetId) {
        return CODESETS + "/" + codeSetId;
    }

    /** {@code codesets/<id>/codeset.yaml}. */
    public static String codeSetFile(String codeSetId) {
        return folder(codeSetId) + "/" + CODESET_FILE;
    }

    /** {@code codesets/<id>/codes.yaml}. */
    public static String codesFile(String codeSetId) {
        return folder(codeSetId) + "/" + CODES_FILE;
    }

    /** {@code codesets/<id>/CHANGELOG.md}. */
    public static String changelog(String codeSetId) {
        return folder(codeSetId) + "/" + CHANGELOG;
    }

    /** The tag of a release: {@code <id>/v<version>}. */
    public static String tag(String codeSetId, Object version) {
        return codeSetId + "/v" + version;
    }

    /** The version a code set's release tag names ({@code 1.2.0} of {@code radiology/v1.2.0}). */
    public static String versionOfTag(String codeSetId, String tag) {
        String prefix = codeSetId + "/v";
        if (!tag.startsWith(prefix)) {
            throw new IllegalArgumentException(tag + " is no release tag of " + codeSetId);
        }
        return tag.substring(prefix.length());
    }

    /** The full name of a release's tag: {@code refs/tags/<id>/v<version>}. */
    public static String tagRef(String codeSetId, Object version) {
        return "refs/tags/" + tag(codeSetId, version);
    }

    /** What every tag ref of a code set's releases starts with: {@code refs/tags/<id>/v}. */
    public static String tagRefPrefix(String codeSetId) {
        return "refs/tags/" + codeSetId + "/v";
    }

    /** How a code set's tags are written, for messages: {@code <id>/v<version>}. */
    public static String tagForm(String codeSetId) {
        return codeSetId + "/v<version>";
    }

    /**
     * Whether a path relative to the root is a file the tool reads: a {@code .yaml} file below
     * {@code codesets/<id>/}, in a code-set folder whose name does not start with a dot. The one
     * rule the loader, the workspace's refresh and the language server follow.
     */
    public static boolean isCodeSetFile(String rel) {
        String[] parts = rel.split("/");
        return parts.length >= 3 && parts[0].equals(CODESETS) && !parts[1].isEmpty() && !parts[1].startsWith(".")
                && rel.endsWith(".yaml");
    }

    /** The code set a path below {@code codesets/<id>/} belongs to. */
    public static String codeSetOf(String rel) {
        String[] parts = rel.split("/");
        if (parts.length < 3 || !parts[0].equals(CODESETS)) {
            throw new IllegalArgumentException(rel + " is not a file below " + CODESETS + "/<id>/");
        }
        return parts[1];
    }

    /** Whether the path is a code set's {@code codeset.yaml} (else, a code file). */
    public static SourceFile.Kind kindOf(String rel) {
        String[] parts = rel.split("/");
        return parts.length == 3 && parts[2].equals(CODESET_FILE) ? SourceFile.Kind.CODESET : SourceFile.Kind.CODES;
    }

    /** Refuses, with the reason and the fix, a folder that is no code-set repository. */
    public static void requireRepository(Path root) throws RepositoryNotFoundException {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new RepositoryNotFoundException(root + ": no such folder; give a code-set repository with --repo DIR");
        }
        if (!Files.isDirectory(dir.resolve(CODESETS))) {
            throw new RepositoryNotFoundException(dir + " is not a code-set repository: it has no " + CODESETS
                    + "/ folder (create one with 'codeset init', or give the repository with --repo DIR)");
        }
    }

    /** The files the tool reads (see {@link #isCodeSetFile}), as paths relative to the root, sorted. */
    public static Set<String> codeFiles(Path root) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        Set<String> out = new TreeSet<>();
        Path codesets = dir.resolve(CODESETS);
        try (Stream<Path> walk = Files.walk(codesets)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isCodeSetFile(rel)) {
                    out.add(rel);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}

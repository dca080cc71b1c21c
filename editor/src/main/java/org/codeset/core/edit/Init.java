package org.codeset.core.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.io.AtomicFiles;
import org.codeset.core.model.Layout;
import org.codeset.core.schema.SchemaSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** {@code codeset init}: lays out a new code-set repository. */
public final class Init {
    private Init() {
    }

    /** Creates the repository in {@code dir}; returns the files written, relative to it. */
    public static List<String> run(Path dir) throws CodesetException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root.resolve(Layout.CODESETS))) {
            throw new EditRefusedException("refused: " + root + " already has codesets/; it is a code-set repository");
        }
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(root.resolve(Layout.CODESETS));
            write(root, "schema/" + SchemaSet.CODESET_SCHEMA, SchemaSet.bundledBytes(SchemaSet.CODESET_SCHEMA), written);
            write(root, "schema/" + SchemaSet.CODES_SCHEMA, SchemaSet.bundledBytes(SchemaSet.CODES_SCHEMA), written);
            write(root, Layout.CODESETS + "/.gitkeep", new byte[0], written);
            if (!Files.exists(root.resolve(".gitignore"))) {
                write(root, ".gitignore", "# codeset's parse cache and edit lock\n.codeset/\n".getBytes(StandardCharsets.UTF_8),
                        written);
            }
            if (!Files.exists(root.resolve("README.md"))) {
                write(root, "README.md", readme(root.getFileName() == null ? "code sets" : root.getFileName().toString())
                        .getBytes(StandardCharsets.UTF_8), written);
            }
            if (!Files.exists(root.resolve(".git"))) {
                try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
                    written.add(".git/");
                }
            }
        } catch (IOException e) {
            throw new UnreadableInputException("cannot create the repository in " + root + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new UnreadableInputException("cannot initialise git in " + root + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void write(Path root, String rel, byte[] bytes, List<String> written) throws IOException {
        AtomicFiles.write(root.resolve(rel), bytes);
        written.add(rel);
    }

    private static String readme(String name) {
        return "# " + name + "\n\n"
                + "A code-set repository maintained with `codeset`.\n\n"
                + "- `schema/` — the JSON Schemas every file is validated against (edit them to tighten the rules).\n"
                + "- `codesets/<id>/codeset.yaml` — a code set's metadata; other `*.yaml` files below hold its codes.\n\n"
                + "Start with `codeset new <id> --title TEXT --system URI`, then `codeset add`, and check with\n"
                + "`codeset validate`. Edit through the tool so every change is validated before it is written.\n";
    }
}

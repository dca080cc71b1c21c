package org.codeset.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.release.ReleaseCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The project's bundled code sets in a git repository of their own, with two releases of
 * radiology and an unreleased change: radiology/v1.0.0 as bundled; radiology/v2.0.0 with 72040
 * reworded, 72050 retired (replaced by 72052) and 72021 added; then, unreleased, a note on 72040.
 */
public final class ReleasedBundle {
    public static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    public static final String NEW_72040 = "X-ray of cervical spine, 2 or 3 views (\"AP and lateral\")";
    private static final PersonIdent WHO = new PersonIdent("Coding Team", "team@example.org");

    private ReleasedBundle() {
    }

    /** Builds it in {@code dir}; returns {@code dir}. */
    public static Path build(Path dir) throws Exception {
        copy(PROJECT.resolve("schema"), dir.resolve("schema"));
        copy(PROJECT.resolve("codesets"), dir.resolve("codesets"));
        Files.writeString(dir.resolve(".gitignore"), ".codeset/\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the bundled code sets").setAuthor(WHO).setCommitter(WHO).call();
        }
        release(dir, LocalDate.of(2025, 1, 1));
        Codesets.open(dir).set().codeset("radiology").code("72040").display(NEW_72040).call();
        Codesets.open(dir).retire().codeset("radiology").code("72050").replacedBy("72052").date("2025-02-01").call();
        Codesets.open(dir).add().codeset("radiology").code("72021").display("X-ray of spine, 2 views, level specified")
                .parent("72020-72295").effective("2025-02-01").call();
        release(dir, LocalDate.of(2025, 2, 1));
        Codesets.open(dir).set().codeset("radiology").code("72040").note("not released yet").call();
        return dir;
    }

    private static void release(Path dir, LocalDate date) throws Exception {
        Codesets.open(dir).release().codeset("radiology").author(WHO).bump(ReleaseCommand.Bump.AUTO).date(date).call();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith(".codeset")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

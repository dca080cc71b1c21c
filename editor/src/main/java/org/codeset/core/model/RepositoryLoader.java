package org.codeset.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.RepositoryNotFoundException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.schema.SchemaSet;
import org.codeset.core.yaml.YamlDocument;
import org.codeset.core.yaml.YamlParser;
import org.codeset.core.yaml.YamlProblem;

/**
 * Reads a code-set repository from disk: lists {@code codesets/<id>/**}{@code /*.yaml}, parses
 * the files in parallel (parsing is the main cost), and builds the model.
 */
public final class RepositoryLoader {
    private static final String CODESETS = Layout.CODESETS;
    private static final String CODESET_FILE = Layout.CODESET_FILE;

    private RepositoryLoader() {
    }

    /** Loads the repository at {@code root} with its own or the bundled schemas, parsing every file. */
    /**
     * The ids of the code sets in the repository at {@code root} (the folders of codesets/), without
     * loading them; for commands that read releases from git only.
     */
    public static List<String> codeSetIds(Path root) throws CodesetException {
        Path codesets = root.toAbsolutePath().normalize().resolve(CODESETS);
        if (!Files.isDirectory(codesets)) {
            throw new RepositoryNotFoundException(root.toAbsolutePath().normalize() + " is not a code-set repository: it has"
                    + " no " + CODESETS + "/ folder (create one with 'codeset init', or give the repository with --repo DIR)");
        }
        try (Stream<Path> children = Files.list(codesets)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new RepositoryNotFoundException("cannot list " + codesets + ": " + e.getMessage());
        }
    }

    public static CodeSetRepository load(Path root) throws CodesetException {
        return load(root, false);
    }

    /**
     * Loads the repository; with {@code useCache}, unchanged files are read from
     * {@code .codeset/cache/} instead of being parsed (see {@link ParseCache}).
     */
    public static CodeSetRepository load(Path root, boolean useCache) throws CodesetException {
        Path dir = root.toAbsolutePath().normalize();
        Layout.requireRepository(dir);
        Path codesets = dir.resolve(CODESETS);
        SchemaSet schemas = SchemaSet.forRepository(dir);
        List<CodeSetRepository.LayoutProblem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(codesets)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!Files.isDirectory(child)) {
                    problems.add(new CodeSetRepository.LayoutProblem(CODESETS + "/" + name,
                            "files belong in a code-set folder codesets/<id>/, not directly in codesets/"));
                    continue;
                }
                folders.add(child);
                try (Stream<Path> walk = Files.walk(child)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                        String rel = relative(dir, p);
                        String fileName = p.getFileName().toString();
                        if (Layout.isCodeSetFile(rel)) {
                            files.add(p);
                        } else if (fileName.endsWith(".yml")) {
                            problems.add(new CodeSetRepository.LayoutProblem(rel,
                                    "not read: code files end in .yaml; rename it to " + fileName.replaceAll("\\.yml$", ".yaml")));
                        }
                    });
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableInputException(codesets + ": cannot be listed: " + e.getMessage(), e);
        }
        List<SourceFile> parsed;
        try {
            ParseCache cache = useCache ? ParseCache.of(dir, schemas) : null;
            parsed = files.parallelStream().map(p -> read(dir, p, schemas, cache)).toList();
        } catch (UncheckedIOException e) {
            throw new UnreadableInputException("cannot read " + e.getMessage(), e.getCause());
        }
        schemas.ready();
        Map<String, SourceFile> metas = new HashMap<>();
        Map<String, List<SourceFile>> codeFiles = new HashMap<>();
        for (SourceFile f : parsed) {
            if (f.kind() == SourceFile.Kind.CODESET) {
                metas.put(f.codeSetId(), f);
            } else {
                codeFiles.computeIfAbsent(f.codeSetId(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, CodeSet> sets = new HashMap<>();
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            if (!metas.containsKey(id)) {
                problems.add(new CodeSetRepository.LayoutProblem(CODESETS + "/" + id,
                        "code-set folder without " + CODESET_FILE + "; add one (codeset new " + id + ") or remove the folder"));
            }
            sets.put(id, new CodeSet(id, metas.get(id), codeFiles.getOrDefault(id, List.of())));
        }
        return new CodeSetRepository(dir, sets, problems, schemas);
    }

    private static SourceFile read(Path root, Path file, SchemaSet schemas, ParseCache cache) {
        String rel = relative(root, file);
        String id = Layout.codeSetOf(rel);
        SourceFile.Kind kind = Layout.kindOf(rel);
        try {
            java.nio.file.attribute.BasicFileAttributes attrs = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            if (cache != null) {
                SourceFile cached = cache.load(rel, file, kind, id, attrs, schemas);
                if (cached != null) {
                    return cached;
                }
            }
            long size = attrs.size();
            if (size > YamlParser.MAX_BYTES) {
                // Do not read it into memory at all.
                return new SourceFile(rel, kind, id, new YamlDocument(null, List.of(new YamlProblem(String.format(
                        "file is %,d bytes, over the limit of %,d bytes; split it into several code files",
                        size, YamlParser.MAX_BYTES), 1, 1))), size);
            }
            SourceFile parsed = parseAndCheck(rel, kind, id, Files.readAllBytes(file), schemas);
            if (cache != null) {
                cache.store(parsed, attrs, parsed.schemaViolations(schemas));
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(rel + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses one file's bytes and checks them against their schema at once, while the file's
     * JSON view is young garbage: much cheaper for the collector than a second pass over the
     * whole model. A schema that does not compile is reported by {@link SchemaSet#ready()}.
     */
    public static SourceFile parseAndCheck(String rel, SourceFile.Kind kind, String codeSetId, byte[] bytes,
            SchemaSet schemas) {
        SourceFile file = parse(rel, kind, codeSetId, bytes);
        if (schemas != null) {
            try {
                file.schemaViolations(schemas);
            } catch (IllegalStateException notCompiled) {
                // reported by ready()
            }
        }
        return file;
    }

    /** Parses one file's bytes into a {@link SourceFile}. */
    public static SourceFile parse(String rel, SourceFile.Kind kind, String codeSetId, byte[] bytes) {
        YamlDocument doc = YamlParser.parse(bytes);
        return new SourceFile(rel, kind, codeSetId, doc, bytes.length, SourceFile.checksum(bytes));
    }

    /**
     * Returns {@code repo} with the file at {@code rel} (a path below {@code codesets/<id>/})
     * replaced by {@code bytes}, or removed when {@code bytes} is null: only that file is parsed.
     */
    public static CodeSetRepository update(CodeSetRepository repo, String rel, byte[] bytes) {
        if (!Layout.isCodeSetFile(rel)) {
            throw new IllegalArgumentException(rel + " is not a file below codesets/<id>/");
        }
        String id = Layout.codeSetOf(rel);
        SourceFile.Kind kind = Layout.kindOf(rel);
        CodeSet cs = repo.codeSet(id);
        if (cs == null) {
            cs = new CodeSet(id, null, List.of());
        }
        SourceFile old = cs.files().stream().filter(f -> f.path().equals(rel)).findFirst().orElse(null);
        SourceFile replacement = bytes == null ? null : parse(rel, kind, id, bytes);
        return update(repo, cs, old, replacement);
    }

    /**
     * Returns {@code repo} with several files (paths below {@code codesets/<id>/}) replaced by new
     * contents (null: removed): the files are parsed in parallel, and each code set changes in one
     * step, so a batch edit of many files (an import) costs one parse of what it wrote.
     */
    public static CodeSetRepository updateAll(CodeSetRepository repo, Map<String, byte[]> contents) {
        if (contents.size() == 1) {
            Map.Entry<String, byte[]> only = contents.entrySet().iterator().next();
            return update(repo, only.getKey(), only.getValue());
        }
        record Parsed(String rel, String id, SourceFile.Kind kind, SourceFile old, SourceFile file, java.util.Set<String> keys) {
        }
        List<Parsed> parsed = contents.entrySet().parallelStream().map(e -> {
            String rel = e.getKey();
            if (!Layout.isCodeSetFile(rel)) {
                throw new IllegalArgumentException(rel + " is not a file below codesets/<id>/");
            }
            String[] parts = rel.split("/");
            SourceFile.Kind kind = Layout.kindOf(rel);
            SourceFile file = e.getValue() == null ? null : parseAndCheck(rel, kind, parts[1], e.getValue(), repo.schemas());
            // the keys of the codes and displays the file changes, here in parallel rather than in the fold below
            CodeSet before = repo.codeSet(parts[1]);
            SourceFile old = before == null ? null
                    : before.files().stream().filter(f -> f.path().equals(rel)).findFirst().orElse(null);
            java.util.Set<String> keys = new java.util.HashSet<>();
            EntryDigest.changedKeys(parts[1], EntryDigest.of(old), EntryDigest.of(file), keys);
            return new Parsed(rel, parts[1], kind, old, file, keys);
        }).toList();
        Map<String, List<Parsed>> byCodeSet = new java.util.TreeMap<>();
        parsed.forEach(p -> byCodeSet.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p));
        CodeSetRepository out = repo;
        for (Map.Entry<String, List<Parsed>> group : byCodeSet.entrySet()) {
            String id = group.getKey();
            CodeSet cs = out.codeSet(id);
            java.util.Set<String> changed = new java.util.HashSet<>(
                    group.getValue().stream().mapToInt(p -> p.keys().size() + 1).sum() * 4 / 3 + 16);
            if (cs == null) {
                changed.add(ChangeLog.codeSetKey(id));
                cs = new CodeSet(id, null, List.of());
            }
            // a few files patch the code set's indexes; many (an import) rebuild them in one pass
            boolean rebuild = group.getValue().size() > 8;
            Map<String, SourceFile> byPath = new java.util.LinkedHashMap<>();
            cs.files().forEach(f -> byPath.put(f.path(), f));
            for (Parsed p : group.getValue()) {
                SourceFile old = p.old();
                if (old == null && p.file() == null) {
                    continue;
                }
                if (p.kind() == SourceFile.Kind.CODESET && (old == null || p.file() == null)) {
                    changed.add(ChangeLog.codeSetKey(id));
                }
                changed.addAll(p.keys());
                changed.add(ChangeLog.fileKey(p.rel()));
                if (p.file() == null) {
                    byPath.remove(p.rel());
                } else {
                    byPath.put(p.rel(), p.file());
                }
                if (!rebuild) {
                    cs = cs.withFile(old, p.file());
                }
            }
            if (rebuild) {
                cs = new CodeSet(id, byPath.values().stream().filter(f -> f.kind() == SourceFile.Kind.CODESET).findFirst()
                        .orElse(null), byPath.values().stream().filter(f -> f.kind() != SourceFile.Kind.CODESET).toList());
            }
            out = out.with(cs, changed);
        }
        return out;
    }

    /** Returns {@code repo} with a file (already parsed) put in place of {@code old} ({@code replacement} null: removed). */
    public static CodeSetRepository update(CodeSetRepository repo, SourceFile old, SourceFile replacement) {
        String id = (replacement != null ? replacement : old).codeSetId();
        CodeSet cs = repo.codeSet(id);
        if (cs == null) {
            cs = new CodeSet(id, null, List.of());
        }
        return update(repo, cs, old, replacement);
    }

    private static CodeSetRepository update(CodeSetRepository repo, CodeSet cs, SourceFile old, SourceFile replacement) {
        String id = cs.id();
        SourceFile.Kind kind = (replacement != null ? replacement : old).kind();
        java.util.Set<String> changed = new java.util.HashSet<>();
        if (repo.codeSet(id) == null || (kind == SourceFile.Kind.CODESET && (old == null || replacement == null))) {
            changed.add(ChangeLog.codeSetKey(id));
        }
        // only the entries that differ: a one-code edit changes one code's keys, not the file's
        EntryDigest.changedKeys(id, EntryDigest.of(old), EntryDigest.of(replacement), changed);
        changed.add(ChangeLog.fileKey((replacement != null ? replacement : old).path()));
        return repo.with(cs.withFile(old, replacement), changed);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}

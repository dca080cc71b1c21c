package org.codeset.core.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.codeset.core.schema.SchemaSet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A whole code-set repository as a commit's tree holds it: every code set and the schemas, with no work tree. */
public final class TaggedTree {
    private TaggedTree() {
    }

    /**
     * Reads the commit's tree: the blobs one after the other (an object reader is single-threaded),
     * each handed to a parser thread as soon as it is read, so parsing overlaps reading.
     */
    public static CodeSetRepository at(Repository repo, RevCommit commit, Path label) throws IOException, CodesetException {
        return at(repo, commit, label, null, null);
    }

    /**
     * As {@link #at(Repository, RevCommit, Path)}, and puts in {@code sha256} the SHA-256 of every
     * file below {@code folder} (any kind of file), computed from the bytes read for the parse:
     * what a pull checks against a release's manifest, without reading the tree twice.
     */
    public static CodeSetRepository at(Repository repo, RevCommit commit, Path label, String folder,
            Map<String, String> sha256) throws IOException, CodesetException {
        Map<String, String> digests = sha256 == null ? null : new java.util.concurrent.ConcurrentHashMap<>();
        String prefix = folder == null ? null : folder + "/";
        List<java.util.concurrent.Future<SourceFile>> parsing = new ArrayList<>();
        // the schemas first (they sort after codesets/), so that each file is checked right
        // after its parse; they compile while the first files parse
        SchemaSet schemas = SchemaSet.of(blob(repo, commit, "schema/" + SchemaSet.CODESET_SCHEMA),
                blob(repo, commit, "schema/" + SchemaSet.CODES_SCHEMA), commit.name().substring(0, 12));
        java.util.concurrent.ExecutorService parsers = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "codeset-tree-parser");
                    t.setDaemon(true);
                    return t;
                });
        try {
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    String path = tw.getPathString();
                    if (Layout.isCodeSetFile(path)) {
                        boolean meta = Layout.kindOf(path) == SourceFile.Kind.CODESET;
                        byte[] bytes = repo.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE);
                        boolean digest = digests != null && path.startsWith(prefix);
                        parsing.add(parsers.submit(() -> {
                            if (digest) {
                                digests.put(path, Manifest.sha256(bytes));
                            }
                            return RepositoryLoader.parseAndCheck(path, meta ? SourceFile.Kind.CODESET
                                    : SourceFile.Kind.CODES, Layout.codeSetOf(path), bytes, schemas);
                        }));
                    } else if (digests != null && path.startsWith(prefix)) {
                        digests.put(path, Manifest.sha256(repo.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE)));
                    }
                }
            }
            Map<String, SourceFile> metas = new HashMap<>();
            Map<String, List<SourceFile>> files = new HashMap<>();
            for (java.util.concurrent.Future<SourceFile> future : parsing) {
                SourceFile f = future.get();
                if (f.kind() == SourceFile.Kind.CODESET) {
                    metas.put(f.codeSetId(), f);
                } else {
                    files.computeIfAbsent(f.codeSetId(), k -> new ArrayList<>()).add(f);
                }
            }
            if (digests != null) {
                sha256.putAll(digests); // every parse (and its digest) has ended
            }
            Map<String, CodeSet> sets = new HashMap<>();
            for (String id : union(metas.keySet(), files.keySet())) {
                sets.put(id, new CodeSet(id, metas.get(id), files.getOrDefault(id, List.of())));
            }
            return new CodeSetRepository(label, sets, List.of(), schemas.ready());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + commit.name(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot parse a file of " + commit.name() + ": " + e.getCause(), e.getCause());
        } finally {
            parsers.shutdownNow();
        }
    }

    /** A file of the commit's tree, or null when it has none. */
    private static byte[] blob(Repository repo, RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            return tw == null ? null : repo.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE);
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}

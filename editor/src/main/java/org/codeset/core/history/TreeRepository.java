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
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.codeset.core.schema.SchemaSet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A whole code-set repository as a commit's tree holds it: every code set and the schemas, with no work tree. */
public final class TreeRepository {
    private TreeRepository() {
    }

    /**
     * Reads the commit's tree: the blobs one after the other (an object reader is single-threaded),
     * then parses the YAML files in parallel, as a load from disk does.
     */
    public static CodeSetRepository at(Repository repo, RevCommit commit, Path label) throws IOException, CodesetException {
        record Blob(String path, String codeset, boolean meta, byte[] bytes) {
        }
        List<Blob> blobs = new ArrayList<>();
        byte[] codesetSchema = null;
        byte[] codesSchema = null;
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                String path = tw.getPathString();
                String[] parts = path.split("/");
                if (path.equals("schema/" + SchemaSet.CODESET_SCHEMA)) {
                    codesetSchema = repo.open(tw.getObjectId(0)).getBytes();
                } else if (path.equals("schema/" + SchemaSet.CODES_SCHEMA)) {
                    codesSchema = repo.open(tw.getObjectId(0)).getBytes();
                } else if (parts.length >= 3 && parts[0].equals(RepositoryLoader.CODESETS) && path.endsWith(".yaml")) {
                    boolean meta = parts.length == 3 && parts[2].equals(RepositoryLoader.CODESET_FILE);
                    blobs.add(new Blob(path, parts[1], meta, repo.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE)));
                }
            }
        }
        // the schemas compile while the files parse
        SchemaSet schemas = SchemaSet.of(codesetSchema, codesSchema, commit.name().substring(0, 12));
        List<SourceFile> parsed = blobs.parallelStream().map(b -> RepositoryLoader.parse(b.path(),
                b.meta() ? SourceFile.Kind.CODESET : SourceFile.Kind.CODES, b.codeset(), b.bytes())).toList();
        Map<String, SourceFile> metas = new HashMap<>();
        Map<String, List<SourceFile>> files = new HashMap<>();
        for (SourceFile f : parsed) {
            if (f.kind() == SourceFile.Kind.CODESET) {
                metas.put(f.codesetId(), f);
            } else {
                files.computeIfAbsent(f.codesetId(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, CodeSet> sets = new HashMap<>();
        for (String id : union(metas.keySet(), files.keySet())) {
            sets.put(id, new CodeSet(id, metas.get(id), files.getOrDefault(id, List.of())));
        }
        return new CodeSetRepository(label, sets, List.of(), schemas.ready());
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}

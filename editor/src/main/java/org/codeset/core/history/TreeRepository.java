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

    public static CodeSetRepository at(Repository repo, RevCommit commit, Path label) throws IOException, CodesetException {
        Map<String, SourceFile> metas = new HashMap<>();
        Map<String, List<SourceFile>> files = new HashMap<>();
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
                    SourceFile f = RepositoryLoader.parse(path, meta ? SourceFile.Kind.CODESET : SourceFile.Kind.CODES, parts[1],
                            repo.open(tw.getObjectId(0)).getBytes());
                    if (meta) {
                        metas.put(parts[1], f);
                    } else {
                        files.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        Map<String, CodeSet> sets = new HashMap<>();
        for (String id : union(metas.keySet(), files.keySet())) {
            sets.put(id, new CodeSet(id, metas.get(id), files.getOrDefault(id, List.of())));
        }
        SchemaSet schemas = SchemaSet.of(codesetSchema, codesSchema, commit.name().substring(0, 12)).ready();
        return new CodeSetRepository(label, sets, List.of(), schemas);
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}

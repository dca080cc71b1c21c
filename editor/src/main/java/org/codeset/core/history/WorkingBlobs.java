package org.codeset.core.history;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The git blob ids of the files under a folder of the work tree, as {@code git status} finds
 * them: a file whose size and modification time match its index entry (and is not racily clean)
 * takes the index's id without being read; only the others are read and hashed. A release of a
 * 100,000-code set after a one-file change hashes that file, not 31 MiB.
 */
public final class WorkingBlobs {
    private WorkingBlobs() {
    }

    /** Path (relative to the work tree, with /) to blob id, for every file under {@code folder}. */
    public static Map<String, ObjectId> of(Repository repo, String folder) throws IOException {
        Map<String, ObjectId> out = new HashMap<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            int index = tw.addTree(new DirCacheIterator(repo.readDirCache()));
            FileTreeIterator files = new FileTreeIterator(repo);
            int work = tw.addTree(files);
            files.setDirCacheIterator(tw, index);
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(folder));
            while (tw.next()) {
                FileTreeIterator f = tw.getTree(work, FileTreeIterator.class);
                if (f != null && !f.isEntryIgnored()) {
                    out.put(tw.getPathString(), f.getEntryObjectId());
                }
            }
        }
        return out;
    }
}

package org.codeset.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;
import org.codeset.core.yaml.YamlDocument;
import org.codeset.core.yaml.YamlParser;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * What the release tags ({@code <id>/v<version>}) of a code set hold, read from git objects
 * alone (no work tree): the answer to "was this code ever released?".
 */
public final class ReleaseHistory {
    private ReleaseHistory() {
    }

    /** The release tag names of a code set ({@code radiology/v1.2.0}), oldest first by name order. */
    public static List<String> tags(Path root, String codesetId) throws UnreadableInputException {
        if (!Files.isDirectory(root.resolve(".git"))) {
            return List.of();
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(root.resolve(".git").toFile()).build()) {
            List<String> out = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + codesetId + "/v")) {
                out.add(ref.getName().substring(Constants.R_TAGS.length()));
            }
            return out;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the git repository at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Every code that appears in any release of the code set. */
    public static Set<String> releasedCodes(Path root, String codesetId) throws UnreadableInputException {
        Set<String> codes = new LinkedHashSet<>();
        if (!Files.isDirectory(root.resolve(".git"))) {
            return codes;
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(root.resolve(".git").toFile()).build();
                RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + codesetId + "/v")) {
                ObjectId id = repo.getRefDatabase().peel(ref).getPeeledObjectId();
                RevCommit commit = walk.parseCommit(id != null ? id : ref.getObjectId());
                try (TreeWalk tw = new TreeWalk(repo)) {
                    tw.addTree(commit.getTree());
                    tw.setRecursive(true);
                    tw.setFilter(PathFilter.create("codesets/" + codesetId));
                    while (tw.next()) {
                        String path = tw.getPathString();
                        if (!path.endsWith(".yaml") || path.endsWith("/codeset.yaml")) {
                            continue;
                        }
                        byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
                        collect(YamlParser.parse(bytes), codes);
                    }
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the release tags of " + codesetId + ": " + e.getMessage(), e);
        }
    }

    private static void collect(YamlDocument doc, Set<String> codes) {
        if (doc.root() instanceof YMap m && m.get("codes") instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap e && e.text("code") != null) {
                    codes.add(e.text("code"));
                }
            }
        }
    }
}

package org.codeset.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SemVer;
import org.codeset.core.model.SourceFile;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * What the release tags ({@code <id>/v<version>}) of a code set hold, read from git objects
 * alone (no work tree). Snapshots are kept per commit for the life of the process: a tag never
 * moves, so what it holds never changes.
 */
public final class ReleaseHistory {
    private static final Map<String, CodeSet> SNAPSHOTS = new ConcurrentHashMap<>();
    /** Releases by tag name and tag object id: what an object id names never changes. */
    private static final Map<String, Release> TAGS = new ConcurrentHashMap<>();

    private ReleaseHistory() {
    }

    /** Whether the repository at {@code root} is a git repository. */
    public static boolean isGit(Path root) {
        return Files.exists(root.resolve(".git"));
    }

    /**
     * The git repository whose work tree is {@code root}: its {@code .git} folder, or the folder a
     * {@code .git} file names (a linked work tree made by {@code git worktree add}, a submodule).
     */
    public static Repository open(Path root) throws IOException {
        return new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build();
    }

    /** The releases of a code set, oldest version first. Tags whose version is not semver are left out. */
    public static List<Release> releases(Path root, String codeSetId) throws UnreadableInputException {
        if (!isGit(root)) {
            return List.of();
        }
        try (Repository repo = open(root); RevWalk walk = new RevWalk(repo)) {
            List<Release> out = new ArrayList<>();
            String prefix = Layout.tagRefPrefix(codeSetId);
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                SemVer v = SemVer.parse(ref.getName().substring(prefix.length()));
                if (v == null) {
                    continue;
                }
                Release known = TAGS.get(ref.getName() + " " + ref.getObjectId().name());
                if (known != null) {
                    out.add(known);
                    continue;
                }
                RevObject obj = walk.parseAny(ref.getObjectId());
                String message = "";
                Instant date = null;
                if (obj instanceof RevTag tag) {
                    message = tag.getFullMessage();
                    PersonIdent who = tag.getTaggerIdent();
                    date = who == null ? null : who.getWhenAsInstant();
                }
                RevCommit commit = walk.parseCommit(ref.getObjectId());
                if (date == null) {
                    date = commit.getCommitterIdent().getWhenAsInstant();
                }
                Release release = new Release(codeSetId, v, ref.getName().substring(Constants.R_TAGS.length()), commit.name(),
                        date, message);
                TAGS.put(ref.getName() + " " + ref.getObjectId().name(), release);
                out.add(release);
            }
            Collections.sort(out);
            return out;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the release tags of " + codeSetId + ": " + e.getMessage(), e);
        }
    }

    /** The release tag names of a code set ({@code radiology/v1.2.0}), oldest version first. */
    public static List<String> tags(Path root, String codeSetId) throws UnreadableInputException {
        return releases(root, codeSetId).stream().map(Release::tag).toList();
    }

    /** The code set as a release holds it, parsed from the tagged commit's tree. */
    public static CodeSet snapshot(Path root, Release release) throws UnreadableInputException {
        CodeSet known = SNAPSHOTS.get(release.commit() + ":" + release.codeset());
        if (known != null) {
            return known;
        }
        try (Repository repo = open(root); RevWalk walk = new RevWalk(repo)) {
            CodeSet cs = codeSetAt(repo, walk.parseCommit(ObjectId.fromString(release.commit())), release.codeset());
            SNAPSHOTS.put(release.commit() + ":" + release.codeset(), cs);
            return cs;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read release " + release.tag() + ": " + e.getMessage(), e);
        }
    }

    /** A code set as a commit's tree holds it (empty when the commit has none). */
    public static CodeSet codeSetAt(Repository repo, RevCommit commit, String codeSetId) throws IOException {
        SourceFile meta = null;
        List<SourceFile> files = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(Layout.folder(codeSetId)));
            while (tw.next()) {
                String path = tw.getPathString();
                if (!path.endsWith(".yaml")) {
                    continue;
                }
                byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
                boolean isMeta = path.equals(Layout.codeSetFile(codeSetId));
                SourceFile f = RepositoryLoader.parse(path, isMeta ? SourceFile.Kind.CODESET : SourceFile.Kind.CODES,
                        codeSetId, bytes);
                if (isMeta) {
                    meta = f;
                } else {
                    files.add(f);
                }
            }
        }
        return new CodeSet(codeSetId, meta, files);
    }

    /**
     * The two sides of a change, reduced to the files whose content differs (by git blob id): a
     * diff of two releases of a 100,000-code set that changed two files parses two files a side.
     * {@code to} null means the working tree, given as {@code working}.
     */
    public static CodeSet[] differingFiles(Path root, Release from, Release to, CodeSet working) throws UnreadableInputException {
        try (Repository repo = open(root); RevWalk walk = new RevWalk(repo)) {
            Map<String, ObjectId> a = blobs(repo, walk.parseCommit(ObjectId.fromString(from.commit())), from.codeset());
            Map<String, ObjectId> b;
            Map<String, SourceFile> workingFiles = new java.util.HashMap<>();
            if (to != null) {
                b = blobs(repo, walk.parseCommit(ObjectId.fromString(to.commit())), to.codeset());
            } else {
                b = new java.util.HashMap<>();
                // the index's ids where the files are as staged; only the others are read and hashed
                Map<String, ObjectId> known = WorkingBlobs.of(repo, Layout.folder(from.codeset()));
                try (org.eclipse.jgit.lib.ObjectInserter.Formatter f = new org.eclipse.jgit.lib.ObjectInserter.Formatter()) {
                    for (SourceFile sf : working.files()) {
                        ObjectId id = known.get(sf.path());
                        b.put(sf.path(), id != null ? id
                                : f.idFor(Constants.OBJ_BLOB, Files.readAllBytes(root.resolve(sf.path()))));
                        workingFiles.put(sf.path(), sf);
                    }
                }
            }
            return new CodeSet[] {differingSide(repo, from.codeset(), a, b, Map.of()),
                differingSide(repo, from.codeset(), b, a, workingFiles)};
        } catch (IOException e) {
            throw new UnreadableInputException("cannot compare releases of " + from.codeset() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One side of a change, as a code set of only the YAML files of {@code mine} whose blob differs
     * from {@code other}'s at the same path: taken from {@code known} where it has them (already
     * parsed), else read from git and parsed.
     */
    public static CodeSet differingSide(Repository repo, String codeSetId, Map<String, ObjectId> mine, Map<String, ObjectId> other,
            Map<String, SourceFile> known) throws IOException {
        SourceFile meta = null;
        List<SourceFile> files = new ArrayList<>();
        for (String path : new java.util.TreeSet<>(mine.keySet())) {
            ObjectId id = mine.get(path);
            if (!path.endsWith(".yaml") || id.equals(other.get(path))) {
                continue;
            }
            boolean isMeta = path.equals(Layout.codeSetFile(codeSetId));
            SourceFile f = known.get(path);
            if (f == null) {
                f = RepositoryLoader.parse(path, isMeta ? SourceFile.Kind.CODESET : SourceFile.Kind.CODES, codeSetId,
                        repo.open(id).getBytes(Integer.MAX_VALUE));
            }
            if (isMeta) {
                meta = f;
            } else {
                files.add(f);
            }
        }
        return new CodeSet(codeSetId, meta, files);
    }

    private static Map<String, ObjectId> blobs(Repository repo, RevCommit commit, String codeSetId) throws IOException {
        Map<String, ObjectId> out = allBlobs(repo, commit, codeSetId);
        out.keySet().removeIf(p -> !p.endsWith(".yaml"));
        return out;
    }

    /** Path to blob id of every file of a code set's folder in a commit. */
    public static Map<String, ObjectId> allBlobs(Repository repo, RevCommit commit, String codeSetId) throws IOException {
        Map<String, ObjectId> out = new java.util.HashMap<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(Layout.folder(codeSetId)));
            while (tw.next()) {
                out.put(tw.getPathString(), tw.getObjectId(0));
            }
        }
        return out;
    }

    /** A release with its number of codes and the number of codes that changed since the release before. */
    public record Summary(Release release, int codes, int changes) {
    }

    /** The summaries of the releases of a code set in the repository at {@code root}, oldest first. */
    public static List<Summary> summaries(Path root, String codeSetId) throws UnreadableInputException {
        List<Release> releases = releases(root, codeSetId);
        try (Repository repo = open(root)) {
            return summaries(repo, releases, r -> ReleasedCodes.knownCodeCount(root, r));
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the releases of " + codeSetId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The summaries of {@code releases} (one code set's, oldest first) as {@code repo} holds them.
     * The first release is read whole; each later one only in the files whose blobs differ from
     * the release before, so listing many releases of a large code set parses little.
     */
    public static List<Summary> summaries(Repository repo, List<Release> releases) throws IOException {
        return summaries(repo, releases, r -> -1);
    }

    /**
     * As {@link #summaries(Repository, List)}; {@code knownCount} gives a release's number of codes
     * when it is known without parsing (-1 if not): then the first release is not read at all.
     */
    public static List<Summary> summaries(Repository repo, List<Release> releases,
            java.util.function.ToIntFunction<Release> knownCount) throws IOException {
        List<Summary> out = new ArrayList<>();
        Map<String, ObjectId> before = Map.of();
        int codes = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            for (Release r : releases) {
                Map<String, ObjectId> now = blobs(repo, walk.parseCommit(ObjectId.fromString(r.commit())), r.codeset());
                int known = out.isEmpty() ? knownCount.applyAsInt(r) : -1;
                if (known >= 0) {
                    // a first release adds every code it holds
                    codes = known;
                    out.add(new Summary(r, known, known));
                    before = now;
                    continue;
                }
                CodeSet[] sides = {differingSide(repo, r.codeset(), before, now, Map.of()),
                    differingSide(repo, r.codeset(), now, before, Map.of())};
                org.codeset.core.diff.CodeSetDiff.Result d = org.codeset.core.diff.CodeSetDiff.between(
                        out.isEmpty() ? null : sides[0], sides[1]);
                codes += codeCount(sides[1]) - (out.isEmpty() ? 0 : codeCount(sides[0]));
                out.add(new Summary(r, codes, d.size()));
                before = now;
            }
        }
        return out;
    }

    private static int codeCount(CodeSet cs) {
        return cs == null ? 0 : cs.entries().size();
    }

    /**
     * Every code that appears in any release of the code set, from the cached release facts (a
     * release not yet in the cache is parsed once and cached).
     */
    public static Set<String> releasedCodes(Path root, String codeSetId) throws CodesetException {
        Set<String> codes = new LinkedHashSet<>();
        for (Release r : releases(root, codeSetId)) {
            codes.addAll(ReleasedCodes.codeFiles(root, r).keySet());
        }
        return codes;
    }

    /**
     * The release of {@code version} among a code set's releases ({@code 1.2.0}, {@code v1.2.0} or
     * {@code latest}; null is latest), or a refusal that names the releases there are.
     */
    public static Release find(List<Release> releases, String codeset, String version) throws NotFoundException {
        if (releases.isEmpty()) {
            throw new NotFoundException("code set " + codeset + " has no releases (no tags " + Layout.tagForm(codeset) + ")");
        }
        if (version == null || version.equals("latest")) {
            return releases.get(releases.size() - 1);
        }
        String wanted = version.startsWith("v") ? version.substring(1) : version;
        for (Release r : releases) {
            if (r.version().toString().equals(wanted)) {
                return r;
            }
        }
        throw new NotFoundException("no release " + Layout.tag(codeset, wanted) + "; releases: "
                + String.join(", ", releases.stream().map(r -> r.version().toString()).toList()));
    }
}

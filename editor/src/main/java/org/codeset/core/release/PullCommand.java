package org.codeset.core.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.history.Manifest;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.history.TaggedTree;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.SemVer;
import org.codeset.core.model.SourceFile;
import org.codeset.core.validate.Rules;
import org.codeset.core.validate.Validator;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TrackingRefUpdate;

/**
 * The downstream side: fetches exactly the release tags it needs from any remote JGit reaches
 * (a path, file://, git://, http(s)://) into a bare cache, reads the release from the tag's tree
 * without a work tree, and verifies it (the tag exists, is annotated, was not moved since it was
 * first fetched, and its tree validates) before anything is written out.
 */
public final class PullCommand {
    /** A verified release, and with {@code since}, the change since an earlier one. */
    public record Result(String remote, Release release, CodeSet codeSet, CodeSetRepository repository,
            CodeSetDiff.Result delta, Release since, org.codeset.core.io.Timings timings) {
    }

    private String remote;
    private String codeset;
    private String version = "latest";
    private String since;
    private Path cache = defaultCache();

    public PullCommand remote(String r) {
        this.remote = r;
        return this;
    }

    public PullCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** The version to pull, or {@code latest} (the default). */
    public PullCommand version(String v) {
        this.version = v == null ? "latest" : v;
        return this;
    }

    /** Also compute the change since this earlier version. */
    public PullCommand since(String v) {
        this.since = v;
        return this;
    }

    /** Where fetched releases are kept (default: $XDG_CACHE_HOME/codeset/remotes or ~/.cache/codeset/remotes). */
    public PullCommand cache(Path dir) {
        this.cache = dir;
        return this;
    }

    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("codeset").resolve("remotes");
    }

    public Result call() throws CodesetException {
        if (remote == null || codeset == null) {
            throw new InvalidArgumentException("give the remote and the code set: codeset pull <remote> <id>[@<version>]");
        }
        org.codeset.core.io.Timings t = new org.codeset.core.io.Timings();
        String uri = uri(remote);
        List<String> available = remoteVersions(uri);
        t.lap("ls-remote");
        if (available.isEmpty()) {
            throw new NotFoundException(remote + " has no releases of " + codeset + " (no tags " + Layout.tagForm(codeset) + ")");
        }
        String chosen = pick(available, version);
        String earlier = since == null ? null : pick(available, since);
        if (earlier != null && SemVer.parse(earlier).compareTo(SemVer.parse(chosen)) >= 0) {
            throw new InvalidArgumentException("--since " + since + " is not older than " + chosen);
        }
        Path dir = cache.resolve(sha1(uri) + ".git");
        try (Git git = openCache(dir)) {
            fetch(git, uri, chosen, earlier);
            t.lap("fetch");
            Repository repo = git.getRepository();
            Verified verified = verify(repo, chosen, t);
            Release release = verified.release();
            CodeSet cs = verified.model().codeSet(codeset);
            CodeSetDiff.Result delta = null;
            Release old = null;
            if (earlier != null) {
                // the earlier release is checked as a tag; of its tree only the files that differ are read
                old = annotated(repo, earlier);
                CodeSet[] sides = differing(repo, old, release, cs);
                delta = CodeSetDiff.between(sides[0], sides[1]);
            }
            t.lap("read");
            return new Result(remote, release, cs, verified.model(), delta, old, t);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the release cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every release of the code set on the remote, fetched into the cache (tags only, never
     * forced) and verified as tags; for {@code releases --remote}.
     */
    public List<Release> releases() throws CodesetException {
        String uri = uri(remote);
        List<String> available = remoteVersions(uri);
        Path dir = cache.resolve(sha1(uri) + ".git");
        try (Git git = openCache(dir)) {
            fetch(git, uri, available.toArray(new String[0]));
            List<Release> out = new ArrayList<>();
            for (String v : available) {
                Ref ref = git.getRepository().exactRef(Layout.tagRef(codeset, v));
                try (RevWalk walk = new RevWalk(git.getRepository())) {
                    RevObject obj = walk.parseAny(ref.getObjectId());
                    RevCommit commit = walk.parseCommit(ref.getObjectId());
                    out.add(new Release(codeset, SemVer.parse(v), Layout.tag(codeset, v), commit.name(),
                            obj instanceof RevTag t && t.getTaggerIdent() != null ? t.getTaggerIdent().getWhenAsInstant()
                                    : commit.getCommitterIdent().getWhenAsInstant(),
                            obj instanceof RevTag t2 ? t2.getFullMessage() : ""));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the release cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@link #releases()} with their code counts and change counts, read from the cache. */
    public List<ReleaseHistory.Summary> summaries() throws CodesetException {
        List<Release> releases = releases();
        Path dir = cache.resolve(sha1(uri(remote)) + ".git");
        try (Git git = Git.open(dir.toFile())) {
            return ReleaseHistory.summaries(git.getRepository(), releases);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read the release cache " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String uri(String remote) {
        Path p = Path.of(remote);
        if (!remote.contains("://") && Files.exists(p)) {
            return p.toAbsolutePath().normalize().toUri().toString();
        }
        return remote;
    }

    private List<String> remoteVersions(String uri) throws CodesetException {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository().setRemote(uri).setTags(true).setHeads(false).call();
            String prefix = Layout.tagRefPrefix(codeset);
            List<SemVer> versions = new ArrayList<>();
            for (Ref r : refs) {
                if (r.getName().startsWith(prefix) && SemVer.parse(r.getName().substring(prefix.length())) != null) {
                    versions.add(SemVer.parse(r.getName().substring(prefix.length())));
                }
            }
            versions.sort(null);
            return versions.stream().map(SemVer::toString).toList();
        } catch (GitAPIException | RuntimeException e) {
            throw new UnreadableInputException("cannot reach " + remote + ": " + e.getMessage(), e);
        }
    }

    private String pick(List<String> available, String wanted) throws NotFoundException {
        if (wanted.equals("latest")) {
            return available.get(available.size() - 1);
        }
        String v = wanted.startsWith("v") ? wanted.substring(1) : wanted;
        if (!available.contains(v)) {
            throw new NotFoundException(remote + " has no release " + Layout.tag(codeset, v) + "; it has: " + String.join(", ", available));
        }
        return v;
    }

    private static Git openCache(Path dir) throws IOException, CodesetException {
        try {
            if (Files.isDirectory(dir)) {
                return Git.open(dir.toFile());
            }
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "new");
            Git.init().setBare(true).setDirectory(tmp.toFile()).call().close();
            try {
                Files.move(tmp, dir);
            } catch (IOException e) {
                // another process made it first
            }
            return Git.open(dir.toFile());
        } catch (GitAPIException e) {
            throw new UnreadableInputException("cannot make the release cache " + dir + ": " + e.getMessage(), e);
        }
    }

    private void fetch(Git git, String uri, String... versions) throws CodesetException {
        List<RefSpec> specs = new ArrayList<>();
        for (String v : versions) {
            if (v != null) {
                String tag = Layout.tagRef(codeset, v);
                specs.add(new RefSpec(tag + ":" + tag)); // never forced: a moved tag is refused
            }
        }
        try {
            FetchCommand fetch = git.fetch().setRemote(uri).setRefSpecs(specs).setTagOpt(TagOpt.NO_TAGS);
            FetchResult result = fetch.call();
            for (TrackingRefUpdate u : result.getTrackingRefUpdates()) {
                switch (u.getResult()) {
                    case NEW, NO_CHANGE, FAST_FORWARD -> {
                    }
                    default -> throw new EditRefusedException("refused: " + remote + "'s " + u.getRemoteName()
                            + " is not the one fetched before (" + u.getResult() + "): a release tag must never move");
                }
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new UnreadableInputException("cannot fetch " + codeset + " releases from " + remote + ": " + e.getMessage(), e);
        }
    }

    /** A release whose tree validated, with the model read from it. */
    private record Verified(Release release, CodeSetRepository model) {
    }

    /** The release tag {@code <id>/v<v>} in the cache, refused unless it is an annotated tag. */
    private Release annotated(Repository repo, String v) throws CodesetException, IOException {
        String tag = Layout.tag(codeset, v);
        Ref ref = repo.exactRef(Constants.R_TAGS + tag);
        if (ref == null) {
            throw new NotFoundException("the fetch did not bring " + tag);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevObject obj = walk.parseAny(ref.getObjectId());
            if (!(obj instanceof RevTag annotated)) {
                throw new EditRefusedException("refused: " + tag + " is a lightweight tag; releases are annotated tags");
            }
            RevCommit commit = walk.parseCommit(ref.getObjectId());
            return new Release(codeset, SemVer.parse(v), tag, commit.name(),
                    annotated.getTaggerIdent() == null ? commit.getCommitterIdent().getWhenAsInstant()
                            : annotated.getTaggerIdent().getWhenAsInstant(), annotated.getFullMessage());
        }
    }

    /** The tag is annotated and its tree validates (every rule, errors in this code set refuse it). */
    private Verified verify(Repository repo, String v, org.codeset.core.io.Timings t) throws CodesetException, IOException {
        Release release = annotated(repo, v);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(release.commit()));
            // labelled with the bare cache, which has no work tree: rules that read history see none
            Map<String, String> sha256 = new java.util.TreeMap<>();
            CodeSetRepository model = TaggedTree.at(repo, commit, repo.getDirectory().toPath(), Layout.folder(codeset),
                    sha256);
            t.lap("parse");
            if (model.codeSet(codeset) == null) {
                throw new NotFoundException(release.tag() + " holds no codesets/" + codeset + "/");
            }
            checkManifest(release, sha256);
            List<Finding> errors = new Validator(Rules.discover()).validate(model).findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && codeset.equals(f.codeset())).toList();
            t.lap("validate");
            if (!errors.isEmpty()) {
                throw new EditRefusedException("refused: the tree of " + release.tag() + " does not validate (" + errors.size()
                        + " error" + (errors.size() == 1 ? "" : "s") + ")", errors);
            }
            return new Verified(release, model);
        }
    }

    /**
     * The SHA-256 manifest in the tag's message against the files of the tagged tree: a release
     * whose files are not the ones its tag lists is refused. Tags without a manifest (made by
     * other tools) pass.
     */
    private void checkManifest(Release release, Map<String, String> files) throws CodesetException {
        Map<String, String> manifest = Manifest.of(release.message());
        if (manifest.isEmpty()) {
            return;
        }
        Map<String, String> tree = new java.util.TreeMap<>(files);
        tree.keySet().removeIf(p -> p.substring(p.lastIndexOf('/') + 1).startsWith("."));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> f : tree.entrySet()) {
            String listed = manifest.get(f.getKey());
            if (listed == null) {
                wrong.add(f.getKey() + " is in the tree but not in the manifest");
            } else if (!listed.equals(f.getValue())) {
                wrong.add(f.getKey() + " does not have the SHA-256 the manifest lists");
            }
        }
        for (String path : manifest.keySet()) {
            if (!tree.containsKey(path)) {
                wrong.add(path + " is in the manifest but not in the tree");
            }
        }
        if (!wrong.isEmpty()) {
            throw new EditRefusedException("refused: " + release.tag() + "'s tree does not match the SHA-256 manifest in its"
                    + " message: " + String.join("; ", wrong.subList(0, Math.min(5, wrong.size())))
                    + (wrong.size() > 5 ? "; and " + (wrong.size() - 5) + " more" : ""));
        }
    }

    /** Both sides of the change from {@code old} to {@code release} ({@code now} is its code set), reduced to the files whose blobs differ. */
    private CodeSet[] differing(Repository repo, Release old, Release release, CodeSet now) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            Map<String, ObjectId> before = ReleaseHistory.allBlobs(repo, walk.parseCommit(ObjectId.fromString(old.commit())), codeset);
            Map<String, ObjectId> after = ReleaseHistory.allBlobs(repo, walk.parseCommit(ObjectId.fromString(release.commit())), codeset);
            Map<String, SourceFile> parsed = new java.util.HashMap<>();
            now.files().forEach(f -> parsed.put(f.path(), f));
            return new CodeSet[] {ReleaseHistory.differingSide(repo, codeset, before, after, Map.of()),
                ReleaseHistory.differingSide(repo, codeset, after, before, parsed)};
        }
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.codeset.core.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codeset.core.diff.Action;
import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Every release in which one code changed, and what changed: a per-code git log in terminology
 * terms.
 *
 * <p>Each release is read only where the code can have changed: a release whose file holding the
 * code has the same blob as in the release before did not change it; otherwise only the files
 * whose blobs changed are read, and of those only the ones whose bytes contain the code's text
 * are parsed. The history of one code across many releases of a 100,000-code set parses a few
 * files per release, not the whole set.
 */
public final class CodeHistory {
    /** One release's change to the code: an action ({@code A}, {@code S}, {@code D}...) and the fields. */
    public record Step(String release, String date, Action action, String display, String status,
            List<CodeSetDiff.Field> fields) {
    }

    private CodeHistory() {
    }

    /** The code's changes, oldest first; the working tree's unreleased change last (release "working tree"). */
    public static List<Step> of(Path root, String codeset, String code, CodeSet working) throws CodesetException {
        List<Step> out = new ArrayList<>();
        List<Release> releases = ReleaseHistory.releases(root, codeset);
        CodeSet previous = null; // the files that held the code in the release before (or none)
        if (!releases.isEmpty()) {
            try (Repository repo = ReleaseHistory.open(root); RevWalk walk = new RevWalk(repo)) {
                byte[] needle = plainText(code) ? code.getBytes(StandardCharsets.UTF_8) : null;
                Map<String, ObjectId> before = Map.of();
                for (Release r : releases) {
                    Map<String, ObjectId> now = ReleaseHistory.allBlobs(repo, walk.parseCommit(ObjectId.fromString(r.commit())),
                            codeset);
                    now.keySet().removeIf(p -> !p.endsWith(".yaml")
                            || p.equals(Layout.codeSetFile(codeset)));
                    String holder = previous == null || previous.get(code) == null ? null
                            : previous.get(code).file().path();
                    if (holder != null && now.containsKey(holder) && now.get(holder).equals(before.get(holder))) {
                        before = now; // the file that holds the code did not change, so neither did the code
                        continue;
                    }
                    List<SourceFile> files = new ArrayList<>();
                    for (Map.Entry<String, ObjectId> f : now.entrySet()) {
                        if (f.getValue().equals(before.get(f.getKey()))) {
                            continue; // unchanged, and it did not hold the code before: it does not now
                        }
                        byte[] bytes = repo.open(f.getValue()).getBytes(Integer.MAX_VALUE);
                        if (needle == null || contains(bytes, needle)) {
                            SourceFile parsed = RepositoryLoader.parse(f.getKey(), SourceFile.Kind.CODES, codeset, bytes);
                            if (new CodeSet(codeset, null, List.of(parsed)).get(code) != null) {
                                files.add(parsed);
                            }
                        }
                    }
                    CodeSet holding = new CodeSet(codeset, null, files);
                    step(previous, holding, code, r.tag(), r.date().toString().substring(0, 10), out);
                    previous = holding;
                    before = now;
                }
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read the releases of " + codeset + ": " + e.getMessage(), e);
            }
        }
        if (working != null) {
            CodeEntry e = working.get(code);
            CodeSet holding = new CodeSet(codeset, null, e == null ? List.of() : List.of(e.file()));
            step(previous, holding, code, "working tree", "", out);
        }
        return out;
    }

    /** Whether YAML always writes this text as it is (no escapes), so a byte search can find it. */
    private static boolean plainText(String code) {
        return !code.isEmpty() && code.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '\'');
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void step(CodeSet before, CodeSet after, String code, String label, String date, List<Step> out) {
        CodeEntry old = before == null ? null : before.get(code);
        CodeEntry now = after.get(code);
        if (old == null && now == null) {
            return;
        }
        CodeSet one = before == null ? null : new CodeSet(before.id(), null, old == null ? List.of() : List.of(old.file()));
        for (CodeSetDiff.Change c : CodeSetDiff.between(one, after).all()) {
            if (c.code().equals(code)) {
                out.add(new Step(label, date, c.action(), c.display(), c.status(), c.fields()));
            }
        }
    }
}

package org.codeset.core.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codeset.core.model.Layout;

/**
 * A rule's failing example and its clean twin, each a small repository written as files.
 *
 * <p>The example text is read from the resource {@code <id>.example} beside the rule class. It
 * holds two parts, headed {@code ## bad} and {@code ## good}; in each, a line
 * {@code --- <path>} starts a file. A line of a bad file that must draw the finding ends with
 * {@code # expect: <rule-id>@<column>}. Code-set folders without a {@code codeset.yaml} get a
 * minimal one, so examples show only what matters. A part headed {@code ## release <tag>}
 * (before the others) holds files committed to git and tagged as that release, for the rules
 * that compare with releases.
 */
public record RuleExample(Map<String, String> bad, Map<String, String> good, List<Expected> expected,
        Map<String, Map<String, String>> releases) {
    /** Where the bad example must draw a finding. */
    public record Expected(String rule, String file, int line, int column) {
    }

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z][a-z0-9-]*)@(\\d+)\\s*$");

    public static RuleExample load(Class<?> owner, String id) {
        String name = id + ".example";
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("rule " + id + " has no example resource " + name + " beside "
                        + owner.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleExample parse(String text) {
        Map<String, String> bad = new LinkedHashMap<>();
        Map<String, String> good = new LinkedHashMap<>();
        Map<String, Map<String, String>> releases = new LinkedHashMap<>();
        Map<String, String> current = null;
        String file = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals("## bad") || line.equals("## good") || line.startsWith("## release ")) {
                flush(current, file, body);
                file = null;
                if (line.startsWith("## release ")) {
                    current = new LinkedHashMap<>();
                    releases.put(line.substring("## release ".length()).trim(), current);
                } else {
                    current = line.equals("## bad") ? bad : good;
                }
            } else if (line.startsWith("--- ")) {
                flush(current, file, body);
                file = line.substring(4).trim();
            } else if (file != null) {
                body.append(line).append('\n');
            }
        }
        flush(current, file, body);
        List<Expected> expected = new ArrayList<>();
        for (Map.Entry<String, String> e : bad.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = EXPECT.matcher(lines[i]);
                if (m.find()) {
                    expected.add(new Expected(m.group(1), e.getKey(), i + 1, Integer.parseInt(m.group(2))));
                }
            }
        }
        Map<String, Map<String, String>> tagged = new LinkedHashMap<>();
        releases.forEach((tag, files) -> tagged.put(tag, addMeta(files)));
        return new RuleExample(addMeta(bad), addMeta(good), expected, tagged);
    }

    private static void flush(Map<String, String> into, String file, StringBuilder body) {
        if (into != null && file != null) {
            String text = body.toString();
            // drop the blank separator lines at the end of a file
            into.put(file, text.replaceAll("\n+$", "\n"));
        }
        body.setLength(0);
    }

    private static Map<String, String> addMeta(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>(files);
        for (String path : files.keySet()) {
            String[] parts = path.split("/");
            if (parts.length >= 3 && parts[0].equals(Layout.CODESETS)) {
                out.putIfAbsent(Layout.codeSetFile(parts[1]), "id: " + parts[1] + "\ntitle: Example "
                        + parts[1] + "\nsystem: https://codes.example.org/" + parts[1]
                        + "\nversion: 1.0.0\nstatus: active\n");
            }
        }
        return out;
    }

    /**
     * Writes the bad or good files below {@code root}; first, each release's files, committed and
     * tagged in a git repository there.
     */
    public void write(Path root, boolean badOne) throws IOException {
        if (!releases.isEmpty()) {
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(root.toFile())
                    .setInitialBranch("main").call()) {
                org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Example", "example@example.org");
                for (Map.Entry<String, Map<String, String>> r : releases.entrySet()) {
                    for (Map.Entry<String, String> e : r.getValue().entrySet()) {
                        Path p = root.resolve(e.getKey());
                        Files.createDirectories(p.getParent());
                        Files.writeString(p, e.getValue());
                    }
                    git.add().addFilepattern(Layout.CODESETS).call();
                    git.commit().setMessage("release " + r.getKey()).setAuthor(who).setCommitter(who).call();
                    git.tag().setName(r.getKey()).setAnnotated(true).setMessage(r.getKey()).setTagger(who).call();
                }
                for (Map<String, String> files : releases.values()) {
                    for (String rel : files.keySet()) {
                        Files.deleteIfExists(root.resolve(rel));
                    }
                }
            } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                throw new IOException("cannot make the example's releases: " + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, String> e : (badOne ? bad : good).entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}

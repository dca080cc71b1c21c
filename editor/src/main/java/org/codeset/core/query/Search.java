package org.codeset.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.yaml.YScalar;

/**
 * Finds codes by code, display, synonyms or definition. Ranking, best first: the exact code; a
 * code starting with the text; the display equal to the text; every word of the text starting a
 * word of the display; in a synonym; in the definition. Active codes rank above deprecated, and
 * those above retired; ties go by code set and code.
 */
public final class Search {
    /** One hit with its score (higher is better) and what matched. */
    public record Hit(String codeset, String code, String display, String status, int score, String matched) {
    }

    private Search() {
    }

    public static List<Hit> run(CodeSetRepository repo, String text, String codeSetId, String status, int limit) {
        String q = norm(text);
        String[] words = q.split(" ");
        List<Hit> hits = new ArrayList<>();
        for (CodeSet cs : repo.codeSets()) {
            if (codeSetId != null && !cs.id().equals(codeSetId)) {
                continue;
            }
            for (CodeEntry e : cs.entries()) {
                if (e.code() == null || (status != null && !status.equals(e.status()))) {
                    continue;
                }
                int score = 0;
                String matched = null;
                String code = e.code().toLowerCase(Locale.ROOT);
                String display = e.display() == null ? "" : norm(e.display());
                if (code.equals(q)) {
                    score = 1000;
                    matched = "code";
                } else if (code.startsWith(q)) {
                    score = 800 - Math.min(99, code.length() - q.length());
                    matched = "code";
                } else if (display.equals(q)) {
                    score = 700;
                    matched = "display";
                } else if (allWordsStart(display, words)) {
                    score = 600 - Math.min(99, display.length() / 4);
                    matched = "display";
                } else if (display.contains(q)) {
                    score = 500;
                    matched = "display";
                } else if (e.node().get("synonyms") != null && synonyms(e).stream().anyMatch(s -> allWordsStart(s, words))) {
                    score = 400;
                    matched = "synonym";
                } else if (e.node().text("definition") != null && allWordsStart(norm(e.node().text("definition")), words)) {
                    score = 300;
                    matched = "definition";
                }
                if (score > 0) {
                    score += e.isActive() ? 20 : e.isDeprecated() ? 10 : 0;
                    hits.add(new Hit(cs.id(), e.code(), e.display(), e.status(), score, matched));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::codeset).thenComparing(Hit::code));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    private static List<String> synonyms(CodeEntry e) {
        return CodeEntry.scalars(e.node().get("synonyms")).stream().map(YScalar::text).map(Search::norm).toList();
    }

    private static boolean allWordsStart(String text, String[] words) {
        String padded = " " + text.replaceAll("[^\\p{L}\\p{N}.]+", " ") + " ";
        for (String w : words) {
            if (!w.isEmpty() && !padded.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}

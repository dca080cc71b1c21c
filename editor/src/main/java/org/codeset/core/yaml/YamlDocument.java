package org.codeset.core.yaml;

import java.util.List;

/**
 * The result of parsing one file: the root node (null when the file is empty or could not be
 * parsed) and the problems found. A document with problems may still have a partial root when
 * the problems were recoverable (a duplicate key keeps its first value).
 */
public record YamlDocument(YNode root, List<YamlProblem> problems) {
    public YamlDocument {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}

package org.codeset.core.yaml;

/**
 * Why a file could not be read as YAML, or what in it the tool does not accept (duplicate keys,
 * aliases, excessive nesting). Lines and columns are 1-based; {@code relatedLine} is 0 when there
 * is no second place to point at.
 */
public record YamlProblem(String message, int line, int column, int relatedLine, int relatedColumn) {
    public YamlProblem(String message, int line, int column) {
        this(message, line, column, 0, 0);
    }
}

package org.codeset.core.errors;

import java.util.List;

/**
 * An input file to import is not what its importer reads: not a CodeSystem, truncated JSON, a
 * duplicate code, a parent cycle, an unknown property type. Each problem names where it is (a JSON
 * path such as {@code concept[12].concept[3].code}, or a CSV line). Nothing was written.
 */
public class InvalidImportException extends CodesetException {
    private final transient List<String> problems;

    public InvalidImportException(String file, List<String> problems) {
        super(file + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() > 2 ? "s" : "") + ")" : "") + "; nothing was written");
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each starting with its place in the file. */
    public List<String> problems() {
        return problems;
    }
}

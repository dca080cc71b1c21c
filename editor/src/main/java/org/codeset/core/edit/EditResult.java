package org.codeset.core.edit;

import java.util.List;

import org.codeset.core.finding.Finding;

/**
 * What an edit did: a one-line summary, the files it wrote, the warnings of the edited
 * repository that the edit added, notes (such as the places that refer to a retired code), and
 * the way back ({@link #undo()}).
 */
public record EditResult(String summary, List<String> files, List<Finding> newWarnings, List<String> notes, Undo undo) {
    public EditResult {
        files = List.copyOf(files);
        newWarnings = List.copyOf(newWarnings);
        notes = List.copyOf(notes);
    }

    public boolean changed() {
        return !files.isEmpty();
    }
}

package org.codeset.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.Vocabulary.Status;

/** The fields of a new code entry, before it is rendered. */
public final class EntryDraft {
    public String code;
    public String display;
    public String definition;
    public final List<String> synonyms = new ArrayList<>();
    public String status = Status.ACTIVE.text();
    public String effective;
    public String retired;
    public boolean abstractCode;
    public final List<String> parents = new ArrayList<>();
    public final Map<String, List<String>> properties = new LinkedHashMap<>();
    public final List<String[]> relations = new ArrayList<>();
    public final List<String[]> mappings = new ArrayList<>();
    public String note;
}

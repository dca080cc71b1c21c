package org.codeset.core.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a new code entry, before it is rendered. */
public final class EntryDraft {
    String code;
    String display;
    String definition;
    final List<String> synonyms = new ArrayList<>();
    String status = "active";
    String effective;
    String retired;
    boolean abstractCode;
    final List<String> parents = new ArrayList<>();
    final Map<String, List<String>> properties = new LinkedHashMap<>();
    final List<String[]> relations = new ArrayList<>();
    final List<String[]> mappings = new ArrayList<>();
    String note;
}

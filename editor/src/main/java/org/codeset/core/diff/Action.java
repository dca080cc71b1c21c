package org.codeset.core.diff;

/**
 * What happened to a code between two states of its code set, in the manner of the action codes
 * of CMS's quarterly HCPCS files, so that a downstream loader can apply a delta without working
 * one out. Written as its letter ({@link #name()}) in every output.
 */
public enum Action {
    /** Added. */
    A("added"),
    /** Discontinued: retired (with its replacement as a cross-reference), or removed. */
    D("discontinued"),
    /** Reactivated: retired or deprecated before, active again. */
    R("reactivated"),
    /** The display (short description) changed. */
    S("display changed"),
    /** The definition (long description) changed. */
    C("definition changed"),
    /** Both the text and administrative data changed. */
    B("text and administrative data changed"),
    /** Administrative data changed: deprecated, dates, parent, properties, relations, mappings, abstract. */
    F("administrative data changed"),
    /** Something else changed: synonyms, the note. */
    T("other change");

    private final String meaning;

    Action(String meaning) {
        this.meaning = meaning;
    }

    /** What the letter stands for, in words. */
    public String meaning() {
        return meaning;
    }
}

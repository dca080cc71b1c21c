package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The warnings of one FHIR import, in the order they arise, each naming its place (an element, a
 * property, a JSON path) where it has one: what the repository format does not keep, and what the
 * import read otherwise than written. What many concepts can have (no display, a display on several
 * lines, a dropped element...) is counted while the concepts stream past and said once, by
 * {@link #counted()}.
 */
final class FhirWarnings {
    private final List<String> list = new ArrayList<>();
    private final Map<String, Integer> dropped = new LinkedHashMap<>();
    private final Set<String> oddStatus = new TreeSet<>();
    private final List<String> spacedCodes = new ArrayList<>();
    private int noDisplay;
    private int multiLineDisplay;
    private int designationDetails;

    /** Every warning so far. */
    List<String> list() {
        return list;
    }

    void caseInsensitive() {
        list.add("caseSensitive is false: codes are kept and compared exactly as written");
    }

    /** Top-level elements of the CodeSystem that the format has no place for. */
    void notKept(List<String> elements) {
        list.add("not kept, the repository format has no place for them: " + String.join(", ", elements));
    }

    void incomplete(String content) {
        list.add("content is " + content + ": the CodeSystem does not list every code, so codes missing from"
                + " it are not retired");
    }

    void hierarchyMeaning(String meaning) {
        list.add("hierarchyMeaning " + meaning + " is not kept: parents are exported as is-a");
    }

    void codeSetStatus(String status) {
        list.add("status " + (status == null ? "missing" : status) + " is kept as draft (the repository format"
                + " has draft, active, retired)");
    }

    void version(String version) {
        list.add("version " + version + " is not a semantic version; the code set starts at 0.1.0 and"
                + " releases set its version");
    }

    void renamed(String code, String id) {
        list.add("property " + code + " is named " + id + " (property ids match ^[a-z][A-Za-z0-9]*$)");
    }

    /** A property a concept uses at {@code at} (its value[x] {@code valueKey}) that the CodeSystem does not declare. */
    void undeclared(String at, String valueKey, String code, String inferred) {
        list.add(at + "." + valueKey + ": property " + code + " is not declared by the CodeSystem; declared as " + inferred);
    }

    void codingFrom(String code, String codeSet) {
        list.add("property " + code + " (type Coding) is read as codes of code set " + codeSet
                + ", whose system its values name");
    }

    void codeAsString(String code, boolean used) {
        list.add("property " + code + " (type code) is kept as string: "
                + (used ? "its values are not all codes of this CodeSystem" : "no concept uses it"));
    }

    void dateTimeAsString(String code) {
        list.add("property " + code + " (type dateTime) is kept as string: its values are not all dates");
    }

    void codingAsString(String code) {
        list.add("property " + code + " (type Coding) is kept as string system|code (displays are not kept)");
    }

    /** A concept without a display, counted. */
    void noDisplay() {
        noDisplay++;
    }

    /** A display on several lines, joined into one, counted. */
    void multiLineDisplay() {
        multiLineDisplay++;
    }

    /** A designation with language or use, counted. */
    void designationDetails() {
        designationDetails++;
    }

    /** A code status value the format has no place for (the code is kept active). */
    void oddStatus(String value) {
        oddStatus.add(value);
    }

    /** A code with a space in it: the first ten are named. */
    void spacedCode(String code) {
        spacedCodes.add("\"" + code.replace("\u00a0", "\\u00A0") + "\"");
    }

    /** An element of a concept that is not kept ({@code concept.extension}), counted by element. */
    void dropped(String element) {
        dropped.merge(element, 1, Integer::sum);
    }

    /** Says what was counted, once the concepts are read. */
    void counted() {
        if (noDisplay > 0) {
            list.add(noDisplay + " concept(s) without a display: the code is used as display");
        }
        if (multiLineDisplay > 0) {
            list.add(multiLineDisplay + " display(s) on several lines were joined into one line");
        }
        if (designationDetails > 0) {
            list.add(designationDetails + " designation(s) carry language or use, which synonyms do not keep");
        }
        if (!oddStatus.isEmpty()) {
            list.add("status values with no place in the repository format, kept active: " + String.join(", ", oddStatus));
        }
        if (!spacedCodes.isEmpty()) {
            list.add(spacedCodes.size() + " code(s) with spaces, kept exactly as written: "
                    + String.join(", ", spacedCodes.subList(0, Math.min(10, spacedCodes.size())))
                    + (spacedCodes.size() > 10 ? ", ..." : ""));
        }
        for (Map.Entry<String, Integer> e : dropped.entrySet()) {
            list.add(e.getKey() + " is not kept (" + e.getValue() + " concept(s))");
        }
    }
}

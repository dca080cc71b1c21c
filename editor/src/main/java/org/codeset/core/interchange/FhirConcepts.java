package org.codeset.core.interchange;

import static org.codeset.core.interchange.FhirImporter.JSON;
import static org.codeset.core.interchange.FhirImporter.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.codeset.core.model.Vocabulary.Status;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The concepts of a CodeSystem read token by token into drafts, so a CodeSystem of 100,000
 * concepts is never a tree in memory: a concept's own elements are read as they stream past and its
 * nested concepts as they come (building the trees cost more than reading the drafts from them).
 * The code comes first in FHIR's element order; elements before it are kept as small trees until it
 * is known, then replayed. Concepts are read with the property declarations of the {@link FhirHeader},
 * which takes in the properties they use undeclared.
 */
final class FhirConcepts {
    /** The key under which a draft holds its {@code child} values until {@link #linkChildren()}. */
    private static final String CHILD = "\u0000child";

    private final FhirHeader header;
    private final List<String> problems;
    private final FhirWarnings warnings;
    private final Progress progress;
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Draft> byCode = new HashMap<>();
    private final Map<String, String> firstPath = new HashMap<>();
    private long seen;

    /** A concept as read, before its properties are typed. */
    static final class Draft {
        String code;
        String display;
        String definition;
        final List<String> synonyms = new ArrayList<>();
        Status status = Status.ACTIVE;
        String effective;
        String retired;
        boolean abstractCode;
        final Set<String> parents = new LinkedHashSet<>();
        /** The values of each property by FHIR code, as text (a Coding's as system|code). */
        final Map<String, List<String>> values = new LinkedHashMap<>();
        String path;
    }

    FhirConcepts(FhirHeader header, List<String> problems, FhirWarnings warnings, Progress progress) {
        this.header = header;
        this.problems = problems;
        this.warnings = warnings;
        this.progress = progress;
    }

    /** The drafts in the order read, each concept before those nested in it. */
    List<Draft> drafts() {
        return drafts;
    }

    /** Whether this CodeSystem has the code. */
    boolean has(String code) {
        return byCode.containsKey(code);
    }

    /** Reads the concept list at the parser's {@code START_ARRAY}. */
    void read(JsonParser p) {
        concepts(p, "concept", null);
    }

    /** The concept list read before the declarations it needs, as a tree. */
    void read(JsonNode early) {
        try (JsonParser p = JSON.treeAsTokens(early)) {
            p.nextToken();
            read(p);
        }
    }

    /** Each concept's {@code child} values as a parent of that child (reported where the child is no code). */
    void linkChildren() {
        for (Draft d : drafts) {
            List<String> children = d.values.remove(CHILD);
            if (children != null) {
                for (String child : children) {
                    Draft c = byCode.get(child);
                    if (c == null) {
                        problems.add(d.path + ".property: child \"" + child + "\" is not a code of this CodeSystem");
                    } else {
                        c.parents.add(d.code);
                    }
                }
            }
        }
    }

    private void concepts(JsonParser p, String path, String parent) {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            one(p, path + "[" + i++ + "]", parent);
        }
    }

    /** One concept at the parser's current token, with the concepts nested in it. */
    private void one(JsonParser p, String at, String parent) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(at + ": not a concept (an object with code)");
            p.skipChildren();
            return;
        }
        if (++seen % 5000 == 0) {
            progress.update("read", seen, -1);
        }
        Draft d = null;
        boolean started = false;
        List<Map.Entry<String, JsonNode>> early = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("code")) {
                d = start(p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null, false, at, parent);
                p.skipChildren();
                started = true;
                replay(d, early, at);
                early = null;
            } else if (started) {
                element(d, name, p, at);
            } else {
                (early == null ? early = new ArrayList<>() : early).add(Map.entry(name, JSON.readTree(p)));
            }
        }
        if (!started) {
            d = start(null, true, at, parent);
            replay(d, early, at);
        }
        if (d != null) {
            finish(d);
        }
    }

    /** The elements read before the concept's code (null: none), now that the code is known. */
    private void replay(Draft d, List<Map.Entry<String, JsonNode>> early, String at) {
        if (early == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : early) {
            try (JsonParser tree = JSON.treeAsTokens(e.getValue())) {
                tree.nextToken();
                element(d, e.getKey(), tree, at);
            }
        }
    }

    /** The draft of a concept with this code (null, reported, where it is missing, not text, empty or taken). */
    private Draft start(String code, boolean missing, String at, String nestedIn) {
        if (code == null || code.isEmpty()) {
            problems.add(at + ".code: " + (missing ? "missing" : "not a non-empty string"));
            return null;
        }
        String first = firstPath.putIfAbsent(code, at);
        if (first != null) {
            problems.add(at + ".code: duplicate code \"" + code + "\" (first at " + first + ")");
            return null;
        }
        Draft d = new Draft();
        d.code = code;
        d.path = at;
        if (nestedIn != null) {
            d.parents.add(nestedIn);
        }
        if (hasSpace(code)) {
            warnings.spacedCode(code);
        }
        drafts.add(d);
        byCode.put(code, d);
        return d;
    }

    /** One element of a concept ({@code d} null: a concept with no usable code, whose nested concepts still count). */
    private void element(Draft d, String name, JsonParser p, String at) {
        switch (name) {
            case "concept" -> {
                if (p.currentToken() == JsonToken.START_ARRAY) {
                    concepts(p, at + ".concept", d == null ? null : d.code);
                } else {
                    problems.add(at + ".concept: not a list");
                    p.skipChildren();
                }
            }
            case "display" -> {
                String display = scalar(p);
                if (d != null && display != null && !display.isBlank()) {
                    if (display.contains("\n") || display.contains("\r")) {
                        warnings.multiLineDisplay();
                        display = display.replaceAll("\\s*\\R\\s*", " ").strip();
                    }
                    d.display = display;
                }
            }
            case "definition" -> {
                String definition = scalar(p);
                if (d != null) {
                    d.definition = definition;
                }
            }
            case "designation" -> designations(d, p, at);
            case "property" -> {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    if (d != null) {
                        problems.add(at + ".property: not a list");
                    }
                    p.skipChildren();
                    return;
                }
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (d == null) {
                        p.skipChildren();
                    } else {
                        property(d, p, at, i++);
                    }
                }
            }
            default -> {
                if (d != null) {
                    warnings.dropped("concept." + name);
                }
                p.skipChildren();
            }
        }
    }

    /** A concept read: the code stands in for a missing display, and no synonym repeats the display. */
    private void finish(Draft d) {
        if (d.display == null) {
            warnings.noDisplay();
            d.display = d.code;
        }
        d.synonyms.remove(d.display);
    }

    /** The designations at the parser: their values become synonyms (language and use are not kept). */
    private void designations(Draft d, JsonParser p, String at) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            if (d != null) {
                problems.add(at + ".designation: not a list");
            }
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            boolean details = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("value")) {
                    String v = scalar(p);
                    if (d != null && v != null && !d.synonyms.contains(v)) {
                        d.synonyms.add(v);
                    }
                } else {
                    details |= key.equals("language") || key.equals("use") || key.equals("additionalUse");
                    p.skipChildren();
                }
            }
            if (details && d != null) {
                warnings.designationDetails();
            }
        }
    }

    /**
     * The value at the parser as text: a string, a boolean or a whole number as written, any
     * other value as Jackson's tree gives it, null for null, a list or an object.
     */
    private static String scalar(JsonParser p) {
        switch (p.currentToken()) {
            case VALUE_STRING:
                return p.getString();
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NUMBER_INT:
                return p.getNumberValue().toString();
            default:
                JsonNode n = JSON.readTree(p);
                return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
        }
    }

    /** Property {@code i} of the concept at {@code conceptAt}, at the parser (its path is only made for a message). */
    private void property(Draft d, JsonParser p, String conceptAt, int i) {
        java.util.function.Supplier<String> at = () -> conceptAt + ".property[" + i + "]";
        String code = null;
        String valueKey = null;
        String value = null;
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("code")) {
                    code = scalar(p);
                } else if (key.startsWith("value")) {
                    valueKey = key;
                    value = value(p, key);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        if (code == null) {
            problems.add(at.get() + ".code: missing");
            return;
        }
        if (valueKey == null) {
            problems.add(at.get() + ": property " + code + " has no value[x]");
            return;
        }
        if (!header.declares(code)) {
            header.undeclared(code, valueKey, at.get());
        }
        switch (code) {
            case "parent", "subsumedBy" -> d.parents.add(value);
            case "child" -> d.values.computeIfAbsent(CHILD, k -> new ArrayList<>()).add(value);
            case "notSelectable" -> d.abstractCode = d.abstractCode || "true".equals(value);
            case "inactive", "retired" -> {
                if ("true".equals(value)) {
                    d.status = Status.RETIRED;
                }
            }
            case "effectiveDate" -> d.effective = value.length() >= 10 ? value.substring(0, 10) : value;
            case "retirementDate" -> {
                d.retired = value.length() >= 10 ? value.substring(0, 10) : value;
                d.status = Status.RETIRED;
            }
            case "status" -> status(d, value);
            default -> {
                if (code.equals("deprecated") && !"false".equals(value) && d.status != Status.RETIRED) {
                    d.status = Status.DEPRECATED;
                }
                d.values.computeIfAbsent(code, k -> new ArrayList<>()).add(value);
            }
        }
    }

    /** A {@code status} property: FHIR's concept statuses and HL7 v2's A (active) and D (deprecated); others are reported. */
    private void status(Draft d, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        Status status = switch (v) {
            case "experimental", "a" -> Status.ACTIVE;
            case "d" -> Status.DEPRECATED;
            case "inactive" -> Status.RETIRED;
            default -> Status.of(v);
        };
        if (status == null) {
            warnings.oddStatus(value);
        } else if (status == Status.RETIRED || status == Status.DEPRECATED && d.status != Status.RETIRED) {
            d.status = status;
        }
    }

    /** The value[x] at the parser as text: see {@link #value(JsonNode, String)}. */
    private static String value(JsonParser p, String key) {
        if (key.equals("valueCoding")) {
            return value(JSON.readTree(p), key);
        }
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT -> p.getNumberValue().toString();
            default -> value(JSON.readTree(p), key);
        };
    }

    /** A value[x] as text: a Coding as system|code, a decimal as written (no exponent). */
    private static String value(JsonNode v, String key) {
        if (key.equals("valueCoding")) {
            String system = text(v, "system");
            String code = text(v, "code");
            return (system == null ? "" : system) + "|" + (code == null ? "" : code);
        }
        if (v.isNumber()) {
            return v.numberValue() instanceof java.math.BigDecimal b ? b.toPlainString() : v.numberValue().toString();
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    /** Whether a code has a space or a no-break space anywhere (or is padded with one). */
    private static boolean hasSpace(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == 0xa0) {
                return true;
            }
        }
        return false;
    }
}

package org.codeset.core.interchange;

import java.util.List;
import java.util.Map;

/**
 * What an importer read, in the contract's terms: the code set's metadata, its declared
 * properties and its codes, plus what the source held that the contract has no place for
 * ({@link #warnings()}: reported, never dropped silently).
 *
 * @param relationTypes the relation types the source carries: an update sets exactly those relations
 * @param complete whether the source lists every code (FHIR {@code content: complete}); only then
 *        does an update retire the codes that vanished
 */
public record ImportedCodeSet(String id, String title, String system, String version, String status, String publisher,
        String description, String effective, boolean complete, List<Property> properties, List<Concept> concepts,
        List<String> warnings, List<String> relationTypes) {

    public ImportedCodeSet {
        relationTypes = relationTypes == null ? List.of() : List.copyOf(relationTypes);
        properties = List.copyOf(properties);
        concepts = List.copyOf(concepts);
        warnings = List.copyOf(warnings);
    }

    /**
     * A declared property: type is one of the contract's ({@code string, code, integer, decimal,
     * boolean, date}); {@code from} the code set a code property's values belong to (null: this one).
     */
    public record Property(String id, String type, boolean multiple, String description, String from) {
    }

    /**
     * One code. {@code status} is active, deprecated or retired; {@code retired} the retirement
     * date when the source gives one, {@code effective} the date the code took effect
     * when it gives one (else the import's date); {@code properties} holds each value as its exact text.
     * {@code where} names the place in the source (a JSON path or CSV line) for messages;
     * {@code relations} the targets of each relation type the source carries (by type, such as
     * {@code replaced-by}).
     */
    public record Concept(String code, String display, String definition, List<String> synonyms, String status,
            String effective, String retired, boolean abstractCode, List<String> parents, Map<String, List<String>> properties,
            String where, Map<String, List<String>> relations) {
        public Concept {
            relations = relations == null || relations.isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relations));
            synonyms = List.copyOf(synonyms);
            parents = List.copyOf(parents);
            properties = properties.isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        }
    }
}

package org.codeset.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.InvalidSchemaException;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;
import org.codeset.core.yaml.YamlDocument;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two JSON Schemas of a repository ({@code schema/codeset.schema.json} for
 * {@code codeset.yaml}, {@code schema/codes.schema.json} for code files), compiled once, and the
 * validation of a parsed file against them with every error mapped back to a YAML position.
 *
 * <p>The schema sees the YAML as the YAML 1.2 failsafe schema plus booleans and null: every other
 * scalar is a string, exactly as written, so {@code code: 01996} is the string "01996" and a
 * schema never sees a number.
 */
public final class SchemaSet {
    public static final String CODESET_SCHEMA = "codeset.schema.json";
    public static final String CODES_SCHEMA = "codes.schema.json";
    private static final String BUNDLED = "/bundled/schema/";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Compiles schemas off the loading threads. */
    private static final java.util.concurrent.Executor COMPILER = r -> {
        Thread t = new Thread(r, "codeset-schema-compiler");
        t.setDaemon(true);
        t.start();
    };

    /** One schema violation at a YAML position. */
    public record Violation(String message, YNode at, String keyword) {
    }

    /** A schema read as JSON, compiled in the background (compiling takes a few hundred ms, overlapped with loading). */
    private record Compiling(String label, JsonNode node, java.util.concurrent.CompletableFuture<Schema> schema) {
        Schema get() {
            try {
                return schema.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new IllegalStateException(label + ": not a usable JSON Schema: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private final Compiling codeSetSchema;
    private final Compiling codesSchema;
    private final String origin;

    private SchemaSet(Compiling codeSetSchema, Compiling codesSchema, String origin) {
        this.codeSetSchema = codeSetSchema;
        this.codesSchema = codesSchema;
        this.origin = origin;
    }

    /** Waits for both schemas to compile; a schema that does not is reported here. */
    public SchemaSet ready() throws InvalidSchemaException {
        for (Compiling c : new Compiling[] {codeSetSchema, codesSchema}) {
            try {
                c.get();
            } catch (IllegalStateException e) {
                throw new InvalidSchemaException(e.getMessage(), e.getCause());
            }
        }
        return this;
    }

    /** A digest of both schemas' content: cached results are valid only for the same schemas. */
    public String digest() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(codeSetSchema.node().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(codesSchema.node().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Where the schemas came from: "bundled" or the repository's {@code schema/} folder. */
    public String origin() {
        return origin;
    }

    /**
     * The repository's own schemas where {@code schema/} has them, the bundled ones otherwise
     * (each file separately).
     */
    public static SchemaSet forRepository(Path root) throws InvalidSchemaException {
        Path dir = root.resolve("schema");
        boolean own = Files.isRegularFile(dir.resolve(CODESET_SCHEMA)) || Files.isRegularFile(dir.resolve(CODES_SCHEMA));
        SchemaRegistry registry = registry();
        return new SchemaSet(load(registry, dir, CODESET_SCHEMA), load(registry, dir, CODES_SCHEMA),
                own ? "schema/" : "bundled");
    }

    /**
     * The schemas given as bytes (from a git tree, say): each file that is null comes from the
     * bundled ones.
     */
    public static SchemaSet of(byte[] codeSetSchema, byte[] codesSchema, String origin) throws InvalidSchemaException {
        SchemaRegistry registry = registry();
        return new SchemaSet(load(registry, CODESET_SCHEMA, codeSetSchema, origin), load(registry, CODES_SCHEMA, codesSchema,
                origin), origin);
    }

    private static Compiling load(SchemaRegistry registry, String name, byte[] bytes, String origin)
            throws InvalidSchemaException {
        try {
            byte[] b = bytes != null ? bytes : bundledBytes(name);
            JsonNode node = JSON.readTree(b);
            String label = bytes != null ? "schema/" + name : "bundled " + name;
            return new Compiling(label, node, java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> registry.getSchema(SchemaLocation.of("https://codeset.local/schema/" + name), node), COMPILER));
        } catch (JacksonException e) {
            throw new InvalidSchemaException((bytes != null ? "schema/" : "bundled ") + name + ": not valid JSON: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new InvalidSchemaException("bundled " + name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The schemas bundled with the tool. */
    public static SchemaSet bundled() throws InvalidSchemaException {
        SchemaRegistry registry = registry();
        return new SchemaSet(load(registry, null, CODESET_SCHEMA), load(registry, null, CODES_SCHEMA), "bundled");
    }

    /** The text of a bundled schema file. */
    public static byte[] bundledBytes(String name) throws IOException {
        try (InputStream in = SchemaSet.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new IOException("bundled schema " + name + " is missing from the tool's jar");
            }
            return in.readAllBytes();
        }
    }

    private static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
    }

    private static Compiling load(SchemaRegistry registry, Path dir, String name) throws InvalidSchemaException {
        Path file = dir == null ? null : dir.resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            return load(registry, name, null, "bundled");
        }
        try {
            return load(registry, name, Files.readAllBytes(file), "the repository's");
        } catch (IOException e) {
            throw new InvalidSchemaException("schema/" + name + ": cannot be read: " + e.getMessage(), e);
        }
    }


    /**
     * Validates a parsed file against its schema: {@code codeset.yaml}'s where {@code codeSetFile},
     * the code files' otherwise. An unparsed file gives no violations.
     */
    public List<Violation> validate(YamlDocument document, boolean codeSetFile) {
        YNode root = document.root();
        if (root == null && !document.ok()) {
            return List.of();
        }
        Schema schema = (codeSetFile ? codeSetSchema : codesSchema).get();
        List<Error> errors;
        try {
            errors = schema.validate(toJson(root));
        } catch (RuntimeException e) {
            return List.of(new Violation("the schema could not be evaluated: " + e.getMessage(), root, "schema"));
        }
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error error : errors) {
            out.add(map(error, root));
        }
        return mergeMisspelledKeys(out, errors, root);
    }

    /**
     * A misspelt required key ({@code dispaly:}) draws two schema errors: "required property
     * 'display' not found" and "property 'dispaly' is not defined". Say it once, at the key, with
     * the likely fix.
     */
    private static List<Violation> mergeMisspelledKeys(List<Violation> violations, List<Error> errors, YNode root) {
        List<Violation> out = new ArrayList<>(violations);
        for (int i = 0; i < errors.size(); i++) {
            Error extra = errors.get(i);
            if (!"additionalProperties".equals(extra.getKeyword()) || extra.getProperty() == null) {
                continue;
            }
            for (int j = 0; j < errors.size(); j++) {
                Error missing = errors.get(j);
                if ("required".equals(missing.getKeyword()) && missing.getProperty() != null
                        && missing.getInstanceLocation().equals(extra.getInstanceLocation())
                        && out.get(j) != null && out.get(i) != null
                        && editDistance(missing.getProperty(), extra.getProperty()) <= 2) {
                    Violation key = out.get(i);
                    String field = field(extra.getInstanceLocation());
                    out.set(i, new Violation((field.isEmpty() ? "" : field + ": ") + "unknown field '"
                            + extra.getProperty() + "'; did you mean '" + missing.getProperty() + "'? ("
                            + missing.getProperty() + " is required)", key.at(), "additionalProperties"));
                    out.set(j, null);
                    break;
                }
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    /** Levenshtein distance, for "did you mean". */
    public static int editDistance(String a, String b) {
        return org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b);
    }

    private static Violation map(Error error, YNode root) {
        NodePath path = error.getInstanceLocation();
        YNode at = root;
        YNode parent = null;
        for (int i = 0; i < path.getNameCount() && at != null; i++) {
            Object element = path.getElement(i);
            parent = at;
            if (at instanceof YMap m && element instanceof String key) {
                at = m.get(key);
            } else if (at instanceof YSeq s && element instanceof Integer index && index < s.size()) {
                at = s.get(index);
            } else {
                at = null;
            }
        }
        if (at == null) {
            at = parent;
        }
        // Point at the offending key for "unknown property" errors.
        String property = error.getProperty();
        if (property != null && at instanceof YMap m && m.key(property) != null) {
            at = m.key(property);
        }
        if (at == null) {
            at = root;
        }
        return new Violation(message(error, at), at, error.getKeyword());
    }

    /** The message with the field it concerns: {@code effective "2026-02-30": does not match ...}. */
    private static String message(Error error, YNode at) {
        String text = error.getMessage() == null ? "does not match the schema" : error.getMessage();
        String field = field(error.getInstanceLocation());
        if (field.isEmpty()) {
            return text;
        }
        String value = at instanceof YScalar s && !s.isNull() && s != null ? " " + quote(s.text()) : "";
        if (error.getProperty() != null && at instanceof YScalar key && key.text().equals(error.getProperty())) {
            value = ""; // the node is the offending key itself
        }
        return field + value + ": " + text;
    }

    private static String quote(String text) {
        return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }

    /**
     * A readable path for the part of an entry the error concerns: "effective", "parent[1]",
     * "relations[0].type"; the leading {@code codes[i]} of a code file is dropped (the finding
     * names the code).
     */
    static String field(NodePath path) {
        StringBuilder b = new StringBuilder();
        int start = path.getNameCount() >= 2 && "codes".equals(path.getElement(0)) ? 2 : 0;
        for (int i = start; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            if (e instanceof Integer n) {
                b.append('[').append(n).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(e);
            }
        }
        return b.toString();
    }

    /** Writes a node as {@link #toJson(YNode)} converts it, without building the tree (for large outputs). */
    public static void writeJson(tools.jackson.core.JsonGenerator g, YNode node) {
        if (node == null) {
            g.writeNull();
        } else if (node instanceof YScalar s) {
            if (s.isNull()) {
                g.writeNull();
            } else if (s.isBoolean()) {
                g.writeBoolean(s.booleanValue());
            } else {
                g.writeString(s.text());
            }
        } else if (node instanceof YSeq seq) {
            g.writeStartArray();
            for (YNode item : seq.items()) {
                writeJson(g, item);
            }
            g.writeEndArray();
        } else {
            YMap map = (YMap) node;
            g.writeStartObject();
            for (int i = 0; i < map.size(); i++) {
                g.writeName(map.keyName(i));
                writeJson(g, map.value(i));
            }
            g.writeEndObject();
        }
    }

    /** The schema's view of a YAML tree: scalars stay strings, except booleans and null. */
    public static JsonNode toJson(YNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node == null) {
            return f.nullNode();
        }
        if (node instanceof YScalar s) {
            if (s.isNull()) {
                return f.nullNode();
            }
            if (s.isBoolean()) {
                return f.booleanNode(s.booleanValue());
            }
            return f.stringNode(s.text());
        }
        if (node instanceof YSeq seq) {
            ArrayNode a = f.arrayNode(seq.size());
            for (YNode item : seq.items()) {
                a.add(toJson(item));
            }
            return a;
        }
        YMap map = (YMap) node;
        ObjectNode o = f.objectNode();
        for (int i = 0; i < map.size(); i++) {
            o.set(map.keyName(i), toJson(map.value(i)));
        }
        return o;
    }
}

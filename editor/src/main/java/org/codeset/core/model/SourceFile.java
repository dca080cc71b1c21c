package org.codeset.core.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.codeset.core.schema.SchemaSet;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YamlDocument;

/**
 * One YAML file of a code set, parsed. Immutable but for a cache of per-file results (such as
 * schema findings) that rules may keep against it: a changed file is a new {@code SourceFile},
 * so nothing cached for an unchanged file needs recomputing.
 */
public final class SourceFile {
    /** What the file holds. */
    public enum Kind {
        /** {@code codesets/<id>/codeset.yaml}. */
        CODESET,
        /** Any other {@code *.yaml} below {@code codesets/<id>/}. */
        CODES
    }

    private final String path;
    private final Kind kind;
    private final String codeSetId;
    private final YamlDocument document;
    private final long size;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();

    private final long checksum;

    public SourceFile(String path, Kind kind, String codeSetId, YamlDocument document, long size) {
        this(path, kind, codeSetId, document, size, -1);
    }

    /** A parsed file with the checksum of the bytes it was parsed from ({@link #checksum(byte[])}). */
    public SourceFile(String path, Kind kind, String codeSetId, YamlDocument document, long size, long checksum) {
        this.path = path;
        this.kind = kind;
        this.codeSetId = codeSetId;
        this.document = document;
        this.size = size;
        this.checksum = checksum;
    }

    /** The CRC-32C of the bytes this parse came from, or -1 when unknown. */
    public long checksum() {
        return checksum;
    }

    /** Whether this parse came from exactly these bytes. */
    public boolean parsedFrom(byte[] bytes) {
        return checksum >= 0 && size == bytes.length && checksum == checksum(bytes);
    }

    public static long checksum(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The path relative to the repository root, with {@code /} separators. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public String codeSetId() {
        return codeSetId;
    }

    public YamlDocument document() {
        return document;
    }

    /** The root node, or null when the file is empty or not YAML. */
    public YNode root() {
        return document.root();
    }

    /** The root as a mapping, or null. */
    public YMap rootMap() {
        return document.root() instanceof YMap m ? m : null;
    }

    public long size() {
        return size;
    }

    /** Returns the value cached under {@code key}, computing it once. */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, Function<SourceFile, T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.apply(this));
    }

    /** The keys of everything cached on this file. */
    public java.util.Set<Object> cachedKeys() {
        return java.util.Set.copyOf(cache.keySet());
    }

    /** The value cached under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T cachedValue(Object key) {
        return (T) cache.get(key);
    }

    /** Caches a value under {@code key}, replacing any. */
    public void cache(Object key, Object value) {
        cache.put(key, value);
    }

    /**
     * The file's violations of its schema, computed once per file and schema set and kept on the
     * file (an unchanged file is never checked twice).
     */
    public List<SchemaSet.Violation> schemaViolations(SchemaSet schemas) {
        return cached(schemas, f -> schemas.validate(f.document(), f.kind() == Kind.CODESET));
    }

    /** Records already known violations of the file's schema (read from a cache). */
    public void primeSchemaViolations(SchemaSet schemas, List<SchemaSet.Violation> violations) {
        cached(schemas, f -> List.copyOf(violations));
    }

    /** The entries of the {@code codes:} list of a code file, in file order (empty when malformed). */
    public List<YMap> codeNodes() {
        YMap root = rootMap();
        if (root == null || !(root.get("codes") instanceof org.codeset.core.yaml.YSeq seq)) {
            return List.of();
        }
        return seq.items().stream().filter(YMap.class::isInstance).map(YMap.class::cast).toList();
    }

    @Override
    public String toString() {
        return path;
    }
}

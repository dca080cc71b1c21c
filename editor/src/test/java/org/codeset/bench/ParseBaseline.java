package org.codeset.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.codeset.core.yaml.YamlParser;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The parse-bound limit: reads every YAML file of a repository into a Jackson tree and nothing
 * else (no model, no rules), in a fresh JVM, in parallel like {@code validate}; then the same
 * with the tool's own event-based reader. Prints milliseconds.
 */
public final class ParseBaseline {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "jackson";
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("codesets"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        long t0 = System.nanoTime();
        long nodes;
        if (mode.equals("jackson")) {
            YAMLMapper mapper = YAMLMapper.builder().build();
            nodes = files.parallelStream().mapToLong(p -> {
                JsonNode n = mapper.readTree(p.toFile());
                return n.size();
            }).sum();
        } else {
            nodes = files.parallelStream().mapToLong(p -> {
                try {
                    return YamlParser.parse(Files.readAllBytes(p)).problems().size();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        long t1 = System.nanoTime();
        System.out.printf("%s parse: %.0f ms (%d files, check %d)%n", mode, (t1 - t0) / 1e6, files.size(), nodes);
    }
}

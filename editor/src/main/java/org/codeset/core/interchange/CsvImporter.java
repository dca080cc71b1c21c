package org.codeset.core.interchange;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.model.Vocabulary;
import org.codeset.core.model.Vocabulary.Status;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads RFC 4180 CSV with a header row (what {@code export --format csv} writes). The header (or
 * {@code --columns}) names each column: code, display, definition, synonyms, status, effective,
 * retired, abstract, parent, {@code -} to skip one, any other name a property. Several values
 * (synonyms, parents, a multiple property) are joined by {@code |}. The file is the whole code
 * set: codes it does not list are retired.
 */
public final class CsvImporter implements Importer {
    private static final Pattern PROPERTY_ID = Pattern.compile("^[a-z][A-Za-z0-9]*$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV with a header row (RFC 4180), one code per row";
    }

    @Override
    public ImportedCodeSet read(Path file, ImportOptions options, Progress progress) throws CodesetException {
        if (options.id() == null) {
            throw new InvalidArgumentException("give the code set's id: codeset import csv <file.csv> <id>");
        }
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ImportedCodeSet.Concept> concepts = new ArrayList<>();
        Map<String, ImportedCodeSet.Property> declared = new HashMap<>();
        options.declared().forEach(p -> declared.put(p.id(), p));
        Map<String, ImportedCodeSet.Property> properties = new LinkedHashMap<>();
        String effective = options.effective() == null ? LocalDate.now().toString() : options.effective();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(in)) {
            if (!rows.hasNext()) {
                throw new InvalidImportException(file.toString(), List.of("line 1: empty file; expected a header row"));
            }
            String[] header = rows.next();
            if (header.length > 0 && header[0].startsWith("\ufeff")) {
                header[0] = header[0].substring(1); // the byte order mark spreadsheets write
            }
            List<String> columns = options.columns().isEmpty() ? Arrays.stream(header).map(String::strip).toList()
                    : options.columns();
            if (!columns.contains("code") || !columns.contains("display")) {
                throw new InvalidImportException(file.toString(), List.of("line 1: the columns " + columns
                        + " lack code or display (name them in the header row or with --columns)"));
            }
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                if (Columns.FIXED.contains(c) || c.equals("-") || c.isEmpty()) {
                    continue;
                }
                if (!PROPERTY_ID.matcher(c).matches()) {
                    problems.add("line 1, column " + (i + 1) + ": \"" + c + "\" is neither a field nor a property id"
                            + " (^[a-z][A-Za-z0-9]*$); fields: " + String.join(", ", Columns.FIXED));
                } else {
                    properties.put(c, declared.getOrDefault(c, new ImportedCodeSet.Property(c, "string", false, null, null)));
                    if (!declared.containsKey(c)) {
                        warnings.add("column " + c + " is declared as a string property");
                    }
                }
            }
            Map<String, Integer> firstLine = new HashMap<>();
            while (rows.hasNext()) {
                String[] row = rows.next();
                int line = rows.currentLocation() == null ? concepts.size() + 2 : rows.currentLocation().getLineNr() - 1;
                if (row.length == 1 && row[0].isEmpty()) {
                    continue; // a blank line
                }
                String at = "line " + line;
                if (row.length > columns.size()) {
                    problems.add(at + ": " + row.length + " fields, the header has " + columns.size());
                    continue;
                }
                Map<String, String> f = new HashMap<>();
                for (int i = 0; i < row.length; i++) {
                    f.put(columns.get(i), row[i]);
                }
                String code = f.getOrDefault("code", "");
                if (code.isEmpty()) {
                    problems.add(at + ": no code");
                    continue;
                }
                Integer first = firstLine.putIfAbsent(code, line);
                if (first != null) {
                    problems.add(at + ": duplicate code \"" + code + "\" (first at line " + first + ")");
                    continue;
                }
                if (!code.equals(code.strip()) || code.indexOf('\u00a0') >= 0) {
                    warnings.add(at + ": code \"" + code.replace("\u00a0", "\\u00A0") + "\" has leading or trailing"
                            + " spaces; kept exactly as written");
                }
                String display = f.getOrDefault("display", "");
                if (display.isBlank()) {
                    problems.add(at + ": code \"" + code + "\" has no display");
                    continue;
                }
                String status = f.getOrDefault("status", "");
                status = status.isEmpty() ? Status.ACTIVE.text() : status;
                if (Status.of(status) == null) {
                    problems.add(at + ": status \"" + status + "\" is not " + Vocabulary.choice(Status.values()));
                    continue;
                }
                String eff = blankToNull(f.get("effective"));
                String retired = blankToNull(f.get("retired"));
                for (String[] d : new String[][] {{"effective", eff}, {"retired", retired}}) {
                    if (d[1] != null && !DATE.matcher(d[1]).matches()) {
                        problems.add(at + ": " + d[0] + " \"" + d[1] + "\" is not a date (YYYY-MM-DD)");
                    }
                }
                Map<String, List<String>> values = new LinkedHashMap<>();
                for (ImportedCodeSet.Property p : properties.values()) {
                    String v = f.get(p.id());
                    if (v != null && !v.isEmpty()) {
                        values.put(p.id(), p.multiple() ? split(v) : List.of(v));
                    }
                }
                String abs = f.getOrDefault("abstract", "");
                concepts.add(new ImportedCodeSet.Concept(code, display, blankToNull(f.get("definition")),
                        split(f.getOrDefault("synonyms", "")), status, eff, retired, abs.equalsIgnoreCase("true"),
                        split(f.getOrDefault("parent", "")), values, at, null));
                if (concepts.size() % 5000 == 0) {
                    progress.update("read", concepts.size(), -1);
                }
            }
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new InvalidImportException(file.toString(), List.of(where + "not valid CSV ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")"));
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (problems.isEmpty()) {
            problems.addAll(Hierarchy.problems(concepts));
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException(file.toString(), problems);
        }
        // a CSV has no metadata: a new code set gets the id as title and status draft, an existing one keeps its own
        return new ImportedCodeSet(options.id(), options.title(), options.system(), null, null, null, null, effective, true,
                new ArrayList<>(properties.values()), concepts, warnings, List.of());
    }

    private static List<String> split(String v) {
        return v.isEmpty() ? List.of() : List.of(v.split(Pattern.quote(Columns.SEPARATOR), -1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

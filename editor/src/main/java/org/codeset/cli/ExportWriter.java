package org.codeset.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.interchange.Exporter;
import org.codeset.core.io.AtomicFiles;

import picocli.CommandLine;

/** Writes an export's documents for export and pull --format fhir: the first to FILE or standard output, others beside FILE. */
final class ExportWriter {
    private ExportWriter() {
    }

    /** Writes the documents and then the export's warnings; {@code what} names the code set in the lines on standard error. */
    static void write(Exporter.Export export, Path out, CommandLine.Model.CommandSpec spec, String what) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Exporter.Document> docs = export.documents();
        if (out == null) {
            spec.commandLine().getOut().flush();
            System.out.flush();
            String text = new String(docs.get(0).bytes(), StandardCharsets.UTF_8);
            spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
            spec.commandLine().getOut().flush();
            if (docs.size() > 1) {
                err.println("note: the " + docs.get(1).description() + " is written only with --out FILE");
            }
        } else {
            for (Exporter.Document d : docs) {
                Path target = d.suffix().isEmpty() ? out : sibling(out, d.suffix());
                AtomicFiles.write(target, d.bytes());
                err.println("exported " + what + " as " + d.description() + " to " + target);
            }
        }
        for (String w : export.warnings()) {
            err.println("warning: " + w);
        }
    }

    /** radiology.json with .conceptmap gives radiology.conceptmap.json. */
    static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sib = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return out.resolveSibling(sib);
    }
}

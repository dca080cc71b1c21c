package org.codeset.core.interchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.edit.EditResult;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.workspace.RepositoryLock;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.workspace.WorkspaceCommand;

/**
 * {@code import}: reads a file with the importer of its format, then brings the code set in line
 * with it through one validated batch edit ({@link ApplyImportCommand}): a new code set is created, an
 * existing one updated (added, changed, deprecated, retired, never deleted). A file the importer
 * rejects, or an import that would add a validation error, leaves the repository untouched.
 * <pre>codesets.importer().format("fhir").file(path).call()</pre>
 */
public final class ImportCommand extends WorkspaceCommand<ImportCommand.Result> {
    /** What was read (with its warnings), what changed, and the edit (files written, new warnings, undo). */
    public record Result(ImportedCodeSet image, ApplyImportCommand.Changes changes, EditResult edit) {
    }

    private String format;
    private Path file;
    private String id;
    private String effective;
    private List<String> columns = List.of();
    private String title;
    private String system;
    private boolean dryRun;
    private Progress progress = Progress.NONE;
    private org.codeset.core.io.Timings timings = new org.codeset.core.io.Timings();

    public ImportCommand(Workspace workspace) {
        super(workspace);
    }

    /** The importer's id: {@code fhir}, {@code csv}, or a contributed one. */
    public ImportCommand format(String format) {
        this.format = format;
        return this;
    }

    public ImportCommand file(Path file) {
        this.file = file;
        return this;
    }

    /** The code set's id (FHIR: derived from the CodeSystem's id when not given). */
    public ImportCommand id(String id) {
        this.id = id;
        return this;
    }

    /** The date new codes take effect and vanished codes are retired (default: the source's date, else today). */
    public ImportCommand effective(String date) {
        this.effective = date;
        return this;
    }

    /** For tabular formats: the field or property each column holds, in order (default: the header row). */
    public ImportCommand columns(List<String> columns) {
        this.columns = columns == null ? List.of() : List.copyOf(columns);
        return this;
    }

    /** The title of a new code set, where the format has none. */
    public ImportCommand title(String title) {
        this.title = title;
        return this;
    }

    /** The system URI of a new code set, where the format has none. */
    public ImportCommand system(String system) {
        this.system = system;
        return this;
    }

    public ImportCommand dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    public ImportCommand progress(Progress progress) {
        this.progress = progress == null ? Progress.NONE : progress;
        return this;
    }

    /** Records the wall time of each step (read, then the edit's steps) here. */
    public ImportCommand timings(org.codeset.core.io.Timings timings) {
        this.timings = timings;
        return this;
    }

    @Override
    public Result call() throws CodesetException {
        checkCallable();
        if (format == null || file == null) {
            throw new InvalidArgumentException("give the format and the file to import");
        }
        Importer importer = Interchange.importer(format);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no file " + file);
        }
        if (effective != null) {
            try {
                effective = LocalDate.parse(effective).toString();
            } catch (DateTimeParseException e) {
                throw new InvalidArgumentException("--effective '" + effective + "' is not a date; write YYYY-MM-DD");
            }
        }
        // the whole import (read against the code sets as they are, then the edit) under one holding of the lock
        try (RepositoryLock lock = workspace.lock()) {
            return importUnderLock(importer, workspace.refresh());
        }
    }

    private Result importUnderLock(Importer importer, CodeSetRepository model) throws CodesetException {
        List<ImportedCodeSet.Property> declared = new ArrayList<>();
        CodeSet existing = id == null ? null : model.codeSet(id);
        if (existing != null) {
            for (PropertyDef p : existing.properties().values()) {
                declared.add(new ImportedCodeSet.Property(p.id(), p.type(), p.multiple(), null, p.from()));
            }
        }
        java.util.Map<String, String> systems = new java.util.HashMap<>();
        for (CodeSet cs : model.codeSets()) {
            if (cs.meta() != null && cs.meta().text("system") != null) {
                systems.putIfAbsent(cs.meta().text("system"), cs.id());
            }
        }
        ImportedCodeSet image = importer.read(file, new ImportOptions(id, effective, columns, title, system, declared, systems),
                progress);
        timings.lap("read");
        if (model.codeSet(image.id()) == null && (image.system() == null || image.system().isBlank())) {
            throw new InvalidArgumentException("code set " + image.id() + " does not exist; to create it, give its system"
                    + " URI (--system URI" + (title == null ? " and --title TEXT" : "") + ")");
        }
        ApplyImportCommand sync = new ApplyImportCommand(workspace).image(image).format("import " + importer.id()).progress(progress);
        sync.dryRun(dryRun).timings(timings);
        EditResult edit = sync.call();
        return new Result(image, sync.changes(), edit);
    }
}

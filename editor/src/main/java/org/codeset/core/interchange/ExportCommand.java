package org.codeset.core.interchange;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.model.CodeSet;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.workspace.WorkspaceCommand;

/**
 * {@code export}: writes a code set, from the working tree or from a release tag (read from git
 * objects, without a checkout), with the exporter of a format.
 * <pre>codesets.export().codeset("radiology").version("1.2.0").format("fhir").call()</pre>
 */
public final class ExportCommand extends WorkspaceCommand<ExportCommand.Result> {
    /** The export, and where it came from: the working tree or a release tag. */
    public record Result(Exporter.Export export, String codeset, String version, String from) {
    }

    private String codeset;
    private String version;
    private String format = "fhir";
    private Progress progress = Progress.NONE;

    public ExportCommand(Workspace workspace) {
        super(workspace);
    }

    public ExportCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** A released version (its tag {@code <id>/v<version>}); null: the working tree. */
    public ExportCommand version(String version) {
        this.version = version;
        return this;
    }

    public ExportCommand format(String format) {
        this.format = format;
        return this;
    }

    public ExportCommand progress(Progress progress) {
        this.progress = progress == null ? Progress.NONE : progress;
        return this;
    }

    @Override
    public Result call() throws CodesetException {
        checkCallable();
        if (codeset == null) {
            throw new InvalidArgumentException("give the code set to export");
        }
        Exporter exporter = Interchange.exporter(format);
        CodeSet cs;
        String v;
        String from;
        if (version == null) {
            cs = workspace.model().codeSet(codeset);
            if (cs == null) {
                throw new NotFoundException("no code set '" + codeset + "'");
            }
            v = cs.meta() == null || cs.meta().text("version") == null ? "0.0.0" : cs.meta().text("version");
            from = "the working tree";
        } else {
            Release r = ReleaseHistory.find(ReleaseHistory.releases(workspace.root(), codeset), codeset, version);
            cs = ReleaseHistory.snapshot(workspace.root(), r);
            v = r.version().toString();
            from = r.tag();
        }
        return new Result(exporter.export(new ExportSource(cs, workspace.model(), v), progress), codeset, v, from);
    }
}

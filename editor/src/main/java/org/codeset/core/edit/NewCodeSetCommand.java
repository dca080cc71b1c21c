package org.codeset.core.edit;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.Layout;
import org.codeset.core.model.Reference;
import org.codeset.core.text.Render;
import org.codeset.core.workspace.Workspace;

/** Creates a code set: {@code codesets/<id>/codeset.yaml} (a draft at version 0.1.0) and an empty {@code codes.yaml}. */
public final class NewCodeSetCommand extends EditCommand {
    private String id;
    private String title;
    private String system;
    private String pattern;
    private String publisher;
    private String description;

    public NewCodeSetCommand(Workspace workspace) {
        super(workspace);
    }

    public NewCodeSetCommand id(String id) {
        this.id = id;
        return this;
    }

    public NewCodeSetCommand title(String title) {
        this.title = title;
        return this;
    }

    public NewCodeSetCommand system(String system) {
        this.system = system;
        return this;
    }

    public NewCodeSetCommand pattern(String pattern) {
        this.pattern = pattern;
        return this;
    }

    public NewCodeSetCommand publisher(String publisher) {
        this.publisher = publisher;
        return this;
    }

    public NewCodeSetCommand description(String description) {
        this.description = description;
        return this;
    }

    @Override
    protected void plan(Plan plan) throws CodesetException {
        if (id == null || !Reference.ID.matcher(id).matches()) {
            throw new InvalidArgumentException("code-set id '" + id + "' is not valid: a lower-case letter, then lower-case"
                    + " letters, digits and '-', at most 63 characters");
        }
        if (plan.repo().codeSet(id) != null) {
            throw new EditRefusedException("refused: code set " + id + " already exists");
        }
        if (title == null || title.isBlank() || system == null || system.isBlank()) {
            throw new InvalidArgumentException("a new code set needs --title TEXT and --system URI");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new InvalidArgumentException("--pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("id: ").append(id).append('\n');
        b.append("title: ").append(Render.text(title)).append('\n');
        b.append("system: ").append(Render.text(system)).append('\n');
        b.append("version: 0.1.0\n");
        b.append("status: draft\n");
        if (publisher != null) {
            b.append("publisher: ").append(Render.text(publisher)).append('\n');
        }
        if (description != null) {
            b.append("description: ").append(Render.text(description)).append('\n');
        }
        if (pattern != null) {
            b.append("codePattern: ").append(Render.quoted(pattern)).append('\n');
        }
        plan.create(Layout.codeSetFile(id), b.toString());
        plan.create(Layout.codesFile(id), "codes: []\n");
        plan.summary("new code set " + id + " (codesets/" + id + "/)");
    }
}

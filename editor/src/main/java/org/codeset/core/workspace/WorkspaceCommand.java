package org.codeset.core.workspace;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.codeset.core.errors.CodesetException;

/**
 * The base of every command that runs on a {@link Workspace}, in the manner of JGit's
 * {@code GitCommand<T>} on its {@code Repository}: configured by fluent setters, then run once by
 * {@link #call()}. A second call is a programming error.
 *
 * @param <T> what the command returns
 */
public abstract class WorkspaceCommand<T> implements Callable<T> {
    protected final Workspace workspace;
    private boolean callable = true;

    protected WorkspaceCommand(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The workspace this command runs on. */
    public Workspace workspace() {
        return workspace;
    }

    /** Marks the command as run; throws when it already was (a command is run once). */
    protected final void checkCallable() {
        if (!callable) {
            throw new IllegalStateException(getClass().getSimpleName() + " is run once; make a new command");
        }
        callable = false;
    }

    /** Runs the command. */
    @Override
    public abstract T call() throws CodesetException;
}

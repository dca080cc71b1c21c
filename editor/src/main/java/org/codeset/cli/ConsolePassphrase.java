package org.codeset.cli;

import java.io.Console;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Asks for a passphrase (a signing key's) on the terminal, without echo. Without a terminal it
 * supplies nothing, so a key that needs a passphrase fails with a clear message instead of hanging.
 */
final class ConsolePassphrase extends CredentialsProvider {
    @Override
    public boolean isInteractive() {
        return System.console() != null;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.InformationalMessage || item instanceof CredentialItem.CharArrayType
                    || item instanceof CredentialItem.StringType)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        for (CredentialItem item : items) {
            if (item instanceof CredentialItem.InformationalMessage m) {
                console.printf("%s%n", m.getPromptText());
            } else if (item instanceof CredentialItem.CharArrayType c) {
                char[] answer = console.readPassword("%s: ", c.getPromptText());
                if (answer == null) {
                    return false;
                }
                c.setValueNoCopy(answer);
            } else if (item instanceof CredentialItem.StringType t) {
                String answer = t.isValueSecure() ? new String(console.readPassword("%s: ", t.getPromptText()))
                        : console.readLine("%s: ", t.getPromptText());
                if (answer == null) {
                    return false;
                }
                t.setValue(answer);
            } else {
                throw new UnsupportedCredentialItem(uri, item.getClass().getName() + ": " + item.getPromptText());
            }
        }
        return true;
    }
}

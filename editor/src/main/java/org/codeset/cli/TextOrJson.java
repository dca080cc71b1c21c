package org.codeset.cli;

/** The --format of a command that prints text for people or JSON for programs. */
enum TextOrJson { TEXT, JSON }

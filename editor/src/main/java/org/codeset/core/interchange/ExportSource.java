package org.codeset.core.interchange;

import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;

/**
 * What is exported: one code set, as the working tree or a release tag holds it, in its
 * repository (to resolve mappings to other code sets' systems), and its version.
 */
public record ExportSource(CodeSet codeSet, CodeSetRepository repository, String version) {
}

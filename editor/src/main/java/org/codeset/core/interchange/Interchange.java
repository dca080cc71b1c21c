package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import org.codeset.core.errors.InvalidArgumentException;

/** The importers and exporters found on the class path through {@link ServiceLoader}, in id order. */
public final class Interchange {
    private Interchange() {
    }

    public static List<Importer> importers() {
        return importers(Interchange.class.getClassLoader());
    }

    /** The importers a class loader finds (a plugin's, for instance). */
    public static List<Importer> importers(ClassLoader loader) {
        List<Importer> found = new ArrayList<>();
        ServiceLoader.load(Importer.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(Importer::id));
        return found;
    }

    public static List<Exporter> exporters() {
        return exporters(Interchange.class.getClassLoader());
    }

    /** The exporters a class loader finds (a plugin's, for instance). */
    public static List<Exporter> exporters(ClassLoader loader) {
        List<Exporter> found = new ArrayList<>();
        ServiceLoader.load(Exporter.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(Exporter::id));
        return found;
    }

    public static Importer importer(String id) throws InvalidArgumentException {
        for (Importer i : importers()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new InvalidArgumentException("no importer for format '" + id + "'; formats: "
                + String.join(", ", importers().stream().map(Importer::id).toList()));
    }

    public static Exporter exporter(String id) throws InvalidArgumentException {
        for (Exporter e : exporters()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new InvalidArgumentException("no exporter for format '" + id + "'; formats: "
                + String.join(", ", exporters().stream().map(Exporter::id).toList()));
    }
}

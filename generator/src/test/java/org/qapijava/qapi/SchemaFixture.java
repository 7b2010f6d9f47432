package org.qapijava.qapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.model.Schema;

/**
 * Small schemas written by tests into a temporary folder, read with {@link SchemaReader}. Messages come back
 * with the folder stripped, so tests read {@code "schema.json:3:5: message"}.
 */
public final class SchemaFixture {
    public static final String ENTRY = "schema.json";

    private final Path dir;

    public SchemaFixture(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file, relative to the folder, creating folders on the way. */
    public SchemaFixture file(String name, String text) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an entry file that must be valid. */
    public Schema read(String entry) {
        return SchemaReader.read(dir.resolve(entry));
    }

    /** Writes {@link #ENTRY} and reads it; it must be valid. */
    public Schema schema(String text) {
        return file(ENTRY, text).read(ENTRY);
    }

    /** Writes {@link #ENTRY} and returns its problems, formatted; fails if it is valid. */
    public List<String> errors(String text) {
        return file(ENTRY, text).errorsOf(ENTRY);
    }

    /** The problems of an entry file, formatted with the folder stripped; fails if it is valid. */
    public List<String> errorsOf(String entry) {
        try {
            SchemaReader.read(dir.resolve(entry));
        } catch (SchemaException e) {
            String prefix = dir + "/";
            return e.diagnostics().stream().map(Diagnostic::format).map(m -> m.replace(prefix, "")).toList();
        }
        throw new AssertionError(entry + " was expected to have problems, but it is valid");
    }
}

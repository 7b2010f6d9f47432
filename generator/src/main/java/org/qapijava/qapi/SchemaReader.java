package org.qapijava.qapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qapijava.qapi.check.SchemaBuilder;
import org.qapijava.qapi.diag.Diagnostic;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaException;
import org.qapijava.qapi.model.Schema;
import org.qapijava.qapi.source.SourceFile;
import org.qapijava.qapi.syntax.SchemaLoader;

/**
 * The frontend's entry point: reads a QAPI schema (the entry file and everything it includes) into a checked,
 * immutable {@link Schema}.
 *
 * <pre>{@code
 * Schema schema = SchemaReader.read(Path.of("qapi/qapi-schema.json"));
 * }</pre>
 */
public final class SchemaReader {

    private SchemaReader() {}

    /**
     * @throws SchemaException with every problem found, in file and line order, when the schema is not valid
     *                         or cannot be read
     */
    public static Schema read(Path entry) {
        Diagnostics diagnostics = new Diagnostics();
        SchemaLoader.Loaded loaded = SchemaLoader.load(entry, diagnostics);
        Schema schema = SchemaBuilder.build(loaded, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new SchemaException(inSourceOrder(diagnostics.list(), loaded.files()));
        }
        return schema;
    }

    private static List<Diagnostic> inSourceOrder(List<Diagnostic> diagnostics, List<SourceFile> files) {
        Map<SourceFile, Integer> fileOrder = new HashMap<>();
        for (SourceFile file : files) {
            fileOrder.putIfAbsent(file, fileOrder.size());
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator
                .comparingInt((Diagnostic d) -> d.location() == null ? -1 : fileOrder.getOrDefault(d.location().file(), 0))
                .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
                .thenComparingInt(d -> d.location() == null ? 0 : d.location().column()));
        return sorted;
    }
}

package org.qapijava.qapi.syntax;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.model.Pragmas;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.source.SourceFile;

/**
 * Reads a schema's entry file and, depth first, the files it includes, into one ordered list of
 * expressions. An include is relative to the including file; a file included a second time is skipped; an
 * include loop is an error. Pragmas from every file are merged.
 */
public final class SchemaLoader {

    /**
     * What the loader produces: the definitions' expressions in order, what applies to all of them, and the
     * names of definitions that syntax errors cut short.
     */
    public record Loaded(List<SourceItem.Expression> expressions, List<Doc> freeDocs, Pragmas pragmas,
            boolean legacyDialect, List<SourceFile> files, Set<String> brokenNames) {}

    private final Path entryDir;
    private final Diagnostics diagnostics;
    private final Set<Path> seen = new HashSet<>();
    private final List<SourceItem.Expression> expressions = new ArrayList<>();
    private final List<Doc> freeDocs = new ArrayList<>();
    private final List<SourceFile> files = new ArrayList<>();
    private final Set<String> brokenNames = new HashSet<>();
    private final PragmaCollector pragmas;

    private SchemaLoader(Path entry, Diagnostics diagnostics) {
        Path parent = entry.toAbsolutePath().normalize().getParent();
        this.entryDir = parent;
        this.diagnostics = diagnostics;
        this.pragmas = new PragmaCollector(diagnostics);
    }

    public static Loaded load(Path entry, Diagnostics diagnostics) {
        SchemaLoader loader = new SchemaLoader(entry, diagnostics);
        String text;
        try {
            text = read(entry);
        } catch (IOException e) {
            diagnostics.report(null, "can't read schema file '" + entry + "': " + reason(e));
            return loader.result();
        }
        loader.loadFile(entry, new SourceFile(entry.toString(), loader.relative(entry), null), text);
        return loader.result();
    }

    private Loaded result() {
        return new Loaded(List.copyOf(expressions), List.copyOf(freeDocs), pragmas.pragmas(), pragmas.legacy(),
                List.copyOf(files), Set.copyOf(brokenNames));
    }

    private void loadFile(Path path, SourceFile file, String text) {
        seen.add(path.toAbsolutePath().normalize());
        files.add(file);
        for (SourceItem item : SchemaFileParser.parse(file, text, diagnostics)) {
            if (item instanceof SourceItem.Expression expression) {
                expressions.add(expression);
            } else if (item instanceof SourceItem.FreeDoc doc) {
                freeDocs.add(doc.doc());
            } else if (item instanceof SourceItem.Pragma pragma) {
                pragmas.apply(pragma.pragmas());
            } else if (item instanceof SourceItem.Include include) {
                include(path, include);
            } else if (item instanceof SourceItem.Broken broken) {
                brokenNames.add(broken.name());
            }
        }
    }

    private void include(Path includer, SourceItem.Include include) {
        Path target = includer.resolveSibling(include.name()).normalize();
        Path absolute = target.toAbsolutePath().normalize();
        for (Location at = include.location(); at != null; at = at.file().includedAt()) {
            if (Path.of(at.file().path()).toAbsolutePath().normalize().equals(absolute)) {
                diagnostics.report(new SchemaError(include.location(), "inclusion loop for " + include.name()
                        + loopChain(include.location(), absolute)));
                return;
            }
        }
        if (seen.contains(absolute)) {
            return;
        }
        String text;
        try {
            text = read(target);
        } catch (IOException e) {
            diagnostics.report(include.location(), "can't read include file '" + target + "': " + reason(e));
            return;
        }
        loadFile(target, new SourceFile(target.toString(), relative(target), include.location()), text);
    }

    /** The files of the loop, from the one included again to the include that closes the loop. */
    private static String loopChain(Location closing, Path target) {
        Set<String> chain = new LinkedHashSet<>();
        List<String> reversed = new ArrayList<>();
        for (Location at = closing; at != null; at = at.file().includedAt()) {
            reversed.add(0, at.file().path());
            if (Path.of(at.file().path()).toAbsolutePath().normalize().equals(target)) {
                break;
            }
        }
        chain.addAll(reversed);
        return " (" + String.join(" -> ", chain) + " -> " + reversed.get(0) + ")";
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return entryDir == null ? absolute.toString() : entryDir.relativize(absolute).toString().replace('\\', '/');
    }

    private static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString()
                .transform(SchemaLoader::unixNewlines);
    }

    /** Line ends as Python's text files see them, which is how QEMU reads schemas: CR LF and lone CR are LF. */
    private static String unixNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        if (Files.isDirectory(Path.of(String.valueOf(e.getMessage())))) {
            return "Is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package org.qapijava.qapi.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A schema file as the frontend read it.
 *
 * @param path         the path shown in messages: the entry file as given, and each included file joined
 *                     to its includer's folder
 * @param relativePath the path relative to the entry file's folder, with {@code /} separators
 * @param includedAt   where the {@code include} directive that brought this file in stands, or null for
 *                     the entry file
 */
public record SourceFile(String path, String relativePath, Location includedAt) {

    /** The include directives that led here, innermost first; empty for the entry file. */
    public List<Location> includeChain() {
        List<Location> chain = new ArrayList<>();
        for (Location at = includedAt; at != null; at = at.file().includedAt()) {
            chain.add(at);
        }
        return chain;
    }

    @Override
    public String toString() {
        return path;
    }
}

package org.qapijava.qapi.source;

/** A place in a schema file: 1-based line and column (tabs advance to the next multiple of 8, as in QEMU). */
public record Location(SourceFile file, int line, int column) {

    @Override
    public String toString() {
        return file.path() + ":" + line + ":" + column;
    }
}

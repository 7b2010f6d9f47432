package org.qapijava.qapi.syntax;

import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.source.Location;

/** One top-level item of a schema file, in the order written. */
public sealed interface SourceItem {

    /** An expression that is not a directive: a definition, with the doc comment just before it. */
    record Expression(Node.Obj expr, Doc doc) implements SourceItem {}

    /** {@code { 'include': 'name' }}. */
    record Include(String name, Location location) implements SourceItem {}

    /** {@code { 'pragma': { ... } }}. */
    record Pragma(Node.Obj pragmas, Location location) implements SourceItem {}

    /** A documentation comment that documents no definition (a heading, free text). */
    record FreeDoc(Doc doc) implements SourceItem {}

    /**
     * A definition cut short by a syntax error, after its name was read: the error is reported, and uses of
     * the name elsewhere are not reported again as unknown.
     */
    record Broken(String name) implements SourceItem {}
}

package org.qapijava.qapi.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapijava.qapi.diag.Diagnostics;
import org.qapijava.qapi.diag.SchemaError;
import org.qapijava.qapi.doc.Doc;
import org.qapijava.qapi.doc.DocParser;
import org.qapijava.qapi.source.Location;
import org.qapijava.qapi.source.SourceFile;
import org.qapijava.qapi.syntax.Lexer.Kind;

/**
 * Parses one schema file into its top-level items.
 *
 * <p>A syntax error is reported and parsing resumes at the next line that starts a definition or comment
 * (a '{' or '#' in the first column), so that independent errors are all found in one run. Problems found
 * after a whole top-level expression was read (a directive with the wrong shape, a doc comment that does not
 * precede its definition) are reported without skipping anything.
 */
public final class SchemaFileParser {
    /** Far deeper than any schema nests; it keeps hostile input from exhausting the stack. */
    static final int MAX_DEPTH = 1000;
    private static final Set<String> METAS = Set.of("enum", "struct", "union", "alternate", "command", "event");

    private final Lexer lexer;
    private final Diagnostics diagnostics;
    private final List<SourceItem> items = new ArrayList<>();
    private Doc pendingDoc;
    private int depth;
    /** The name of the definition being parsed, once its meta key and name were read. */
    private String definitionName;

    private SchemaFileParser(SourceFile file, String text, Diagnostics diagnostics) {
        this.lexer = new Lexer(file, text);
        this.diagnostics = diagnostics;
    }

    public static List<SourceItem> parse(SourceFile file, String text, Diagnostics diagnostics) {
        SchemaFileParser parser = new SchemaFileParser(file, text, diagnostics);
        parser.parseFile();
        return parser.items;
    }

    private void parseFile() {
        advanceRecovering();
        while (lexer.kind != Kind.EOF) {
            try {
                if (lexer.kind == Kind.COMMENT) {
                    rejectPendingDoc();
                    pendingDoc = readDoc();
                } else {
                    topLevel();
                }
            } catch (SchemaError e) {
                diagnostics.report(e);
                if (definitionName != null) {
                    items.add(new SourceItem.Broken(definitionName));
                }
                pendingDoc = null;
                lexer.recover();
                advanceRecovering();
            }
        }
        rejectPendingDoc();
    }

    private void topLevel() {
        Location at = lexer.location();
        depth = 0;
        definitionName = null;
        Node value = value();
        definitionName = null;
        if (!(value instanceof Node.Obj expr)) {
            diagnostics.report(at, "top-level expression must be an object");
            pendingDoc = null;
        } else if (expr.has("include")) {
            rejectPendingDoc();
            if (expr.fields().size() != 1) {
                diagnostics.report(at, "invalid 'include' directive");
            } else if (!(expr.get("include") instanceof Node.Str name)) {
                diagnostics.report(expr.get("include").location(), "value of 'include' must be a string");
            } else {
                items.add(new SourceItem.Include(name.value(), at));
            }
        } else if (expr.has("pragma")) {
            rejectPendingDoc();
            if (expr.fields().size() != 1) {
                diagnostics.report(at, "invalid 'pragma' directive");
            } else if (!(expr.get("pragma") instanceof Node.Obj pragmas)) {
                diagnostics.report(expr.get("pragma").location(), "value of 'pragma' must be an object");
            } else {
                items.add(new SourceItem.Pragma(pragmas, at));
            }
        } else {
            items.add(new SourceItem.Expression(expr, pendingDoc));
            pendingDoc = null;
        }
    }

    /** A definition's doc comment must be followed by the definition: anything else makes it an error. */
    private void rejectPendingDoc() {
        Doc doc = pendingDoc;
        pendingDoc = null;
        if (doc == null) {
            return;
        }
        if (doc.symbol() != null) {
            diagnostics.report(doc.location(),
                    "documentation for '" + doc.symbol() + "' is not followed by the definition");
        } else {
            items.add(new SourceItem.FreeDoc(doc));
        }
    }

    /**
     * A documentation comment: a line {@code ##}, lines starting with {@code #}, a line {@code ##}. Junk
     * after an opening or closing {@code ##} is reported and the comment is read, and dropped, all the same.
     */
    private Doc readDoc() {
        Location at = lexer.location();
        boolean junk = !lexer.value.equals("##");
        if (junk) {
            diagnostics.report(at, "junk after '##' at start of documentation comment");
        }
        List<String> lines = new ArrayList<>();
        List<Location> places = new ArrayList<>();
        lexer.next(true);
        while (lexer.kind == Kind.COMMENT) {
            String line = lexer.value;
            if (line.startsWith("##")) {
                if (!line.equals("##")) {
                    diagnostics.report(lexer.location(), "junk after '##' at end of documentation comment");
                    junk = true;
                }
                Doc doc = junk ? null : parseDoc(lines, places, at);
                advance();
                return doc;
            }
            lines.add(line);
            places.add(lexer.location());
            lexer.next(true);
        }
        throw new SchemaError(lexer.location(), "documentation comment must end with '##'");
    }

    /** The comment's content; a problem in it is reported, and the comment dropped. */
    private Doc parseDoc(List<String> lines, List<Location> places, Location at) {
        try {
            return DocParser.parse(lines, places, at);
        } catch (SchemaError e) {
            diagnostics.report(e);
            return null;
        }
    }

    private Node value() {
        Location at = lexer.location();
        switch (lexer.kind) {
            case LBRACE -> {
                enter();
                advance();
                Node.Obj obj = object(at);
                depth--;
                return obj;
            }
            case LBRACKET -> {
                enter();
                advance();
                Node.Arr arr = array(at);
                depth--;
                return arr;
            }
            case STRING -> {
                Node.Str str = new Node.Str(lexer.value, at);
                advance();
                return str;
            }
            case TRUE, FALSE -> {
                Node.Bool bool = new Node.Bool(lexer.kind == Kind.TRUE, at);
                advance();
                return bool;
            }
            default -> throw expected("'{', '[', string, or boolean");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new SchemaError(lexer.location(), "nesting too deep (more than " + MAX_DEPTH + " levels)");
        }
    }

    private Node.Obj object(Location at) {
        Map<String, Node.Obj.Field> fields = new LinkedHashMap<>();
        if (lexer.kind == Kind.RBRACE) {
            advance();
            return new Node.Obj(fields, at);
        }
        if (lexer.kind != Kind.STRING) {
            throw expected("string or '}'");
        }
        while (true) {
            Node.Str key = new Node.Str(lexer.value, lexer.location());
            advance();
            if (lexer.kind != Kind.COLON) {
                throw expected("':'");
            }
            advance();
            if (fields.containsKey(key.value())) {
                throw new SchemaError(key.location(), "duplicate key '" + key.value() + "'");
            }
            Node value = value();
            if (depth == 1 && METAS.contains(key.value()) && value instanceof Node.Str name) {
                definitionName = name.value();
            }
            fields.put(key.value(), new Node.Obj.Field(key, value));
            if (lexer.kind == Kind.RBRACE) {
                advance();
                return new Node.Obj(fields, at);
            }
            if (lexer.kind != Kind.COMMA) {
                throw expected("',' or '}'");
            }
            advance();
            if (lexer.kind != Kind.STRING) {
                throw expected("string");
            }
        }
    }

    private Node.Arr array(Location at) {
        List<Node> items = new ArrayList<>();
        if (lexer.kind == Kind.RBRACKET) {
            advance();
            return new Node.Arr(items, at);
        }
        if (lexer.kind == Kind.RBRACE || lexer.kind == Kind.COLON || lexer.kind == Kind.COMMA
                || lexer.kind == Kind.EOF || lexer.kind == Kind.COMMENT) {
            throw expected("'{', '[', ']', string, or boolean");
        }
        while (true) {
            items.add(value());
            if (lexer.kind == Kind.RBRACKET) {
                advance();
                return new Node.Arr(items, at);
            }
            if (lexer.kind != Kind.COMMA) {
                throw expected("',' or ']'");
            }
            advance();
        }
    }

    private SchemaError expected(String what) {
        String found = lexer.kind == Kind.EOF ? ", found end of file" : "";
        return new SchemaError(lexer.location(), "expected " + what + found);
    }

    private void advance() {
        lexer.next(false);
    }

    /** Reads the next token; lexical errors on the way are reported and skipped over. */
    private void advanceRecovering() {
        while (true) {
            try {
                advance();
                return;
            } catch (SchemaError e) {
                diagnostics.report(e);
                lexer.recover();
            }
        }
    }
}
